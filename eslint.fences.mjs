/*
 * The layers' fences (DESIGN.md, README "Architecture"): what each part of src may never import.
 * eslint.config.mjs applies them; test/lint/fences.test.ts plants an import across each one and
 * expects ESLint to refuse it, so a fence that stops holding fails the tests.
 */

/** Node's built-in modules: none may enter code that also runs in the browser or inside Excel. */
export const NODE_BUILTINS = [
  "fs",
  "path",
  "os",
  "child_process",
  "worker_threads",
  "stream",
  "stream/promises",
  "buffer",
  "crypto",
  "url",
  "util",
  "zlib",
  "events",
  "process",
  "readline",
  "http",
  "https",
  "net",
  "tty",
  "module",
];

/** Globals of a platform: Node's, the DOM's and Office's. */
const PLATFORM_GLOBALS = ["window", "document", "Office", "Excel", "process", "Buffer", "require"];

/** Import specifiers that reach a folder of src, whatever the depth they are written from. */
const reach = (folder) => [`../${folder}`, `../${folder}/**`, `**/${folder}`, `**/${folder}/**`];

/**
 * Each never, as data: the files it holds for, the folders they may not reach, and the packages
 * they may not import. The test reads this list, so a new never is tested as soon as it is written.
 */
export const NEVERS = [
  {
    name: "core is data and rules only",
    files: ["src/core/**/*.ts"],
    folders: ["io", "engine", "excel", "taskpane", "cli", "commands"],
    packages: [
      ...NODE_BUILTINS,
      "exceljs",
      "papaparse",
      "react",
      "react-dom",
      "@fluentui/react-components",
      "fflate",
      "saxes",
      "docx",
    ],
    globals: PLATFORM_GLOBALS,
  },
  {
    name: "io reads and writes files, and knows nothing of the engine or its edges",
    files: ["src/io/**/*.ts"],
    ignores: ["src/io/node/**"],
    folders: ["engine", "excel", "taskpane", "cli", "commands", "node"],
    packages: [...NODE_BUILTINS, "react", "exceljs"],
    globals: PLATFORM_GLOBALS,
  },
  {
    name: "io's Node helpers serve the command line and nothing above io",
    files: ["src/io/node/**/*.ts"],
    folders: ["engine", "excel", "taskpane", "cli", "commands"],
    packages: ["react", "exceljs"],
  },
  {
    name: "the engine runs in Node, the browser and a Web Worker, under any edge",
    files: ["src/engine/**/*.ts"],
    ignores: ["src/engine/node/**"],
    folders: ["excel", "taskpane", "cli", "commands", "node"],
    packages: [...NODE_BUILTINS, "react", "exceljs"],
    globals: PLATFORM_GLOBALS,
  },
  {
    name: "the engine's Node half serves the command line only",
    files: ["src/engine/node/**/*.ts"],
    folders: ["excel", "taskpane", "cli", "commands"],
    packages: ["react", "exceljs"],
  },
  {
    name: "the Excel adapters draw and read layouts and grids, for the pane",
    files: ["src/excel/**/*.ts"],
    folders: ["taskpane", "cli", "commands", "engine", "io"],
    packages: [...NODE_BUILTINS, "react", "exceljs"],
  },
  {
    name: "the command line is Node's edge: no Excel, no pane",
    files: ["src/cli/**/*.ts"],
    folders: ["excel", "taskpane", "commands"],
    packages: ["react", "react-dom", "@fluentui/react-components", "exceljs"],
  },
  {
    name: "the task pane runs in a browser: no Node, no command line",
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    folders: ["cli", "node"],
    packages: [...NODE_BUILTINS, "exceljs"],
  },
  {
    name: "the sample generator runs in the browser too: core and the writers, no Node",
    files: ["generator/**/*.ts"],
    folders: ["cli", "excel", "taskpane", "commands", "node"],
    packages: NODE_BUILTINS,
    globals: PLATFORM_GLOBALS,
  },
];

/** The ESLint config blocks that hold the nevers. */
export const fences = NEVERS.map((n) => ({
  files: n.files,
  ...(n.ignores ? { ignores: n.ignores } : {}),
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: n.packages.flatMap((p) => (NODE_BUILTINS.includes(p) ? [p, `node:${p}`] : [p])),
        patterns: [
          ...(n.packages === NODE_BUILTINS || n.packages.includes("fs") ? ["node:*"] : []),
          ...n.folders.flatMap(reach),
        ],
      },
    ],
    ...(n.globals ? { "no-restricted-globals": ["error", ...n.globals] } : {}),
  },
}));
