// Plants imports into files of each layer and lints them with the project's fences alone (no type
// information needed, so it is quick): prints, as JSON, which plants ESLint refused.
// Run by test/lint/fences.test.ts; `node test/lint/plant-imports.mjs` shows the table by hand.
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { fences, NEVERS } from "../../eslint.fences.mjs";

/** A file the never's globs hold, `depth` folders below its root. */
function fileIn(glob, depth) {
  const root = glob.replace(/\/\*\*\/.*$/, "");
  return `${root}/${Array.from({ length: depth }, (_, i) => `d${i}`).join("/")}${depth ? "/" : ""}planted.ts`;
}

/** The specifier of a folder of src as a file `depth` levels below the layer's root writes it. */
function towards(never, folder, depth) {
  const root = never.files[0].replace(/\/\*\*\/.*$/, "");
  const up = "../".repeat(depth + 1);
  // io/node and engine/node are reached from beside them; src's folders from src.
  if (folder === "node") return `${up}node/helper`;
  if (root === "generator") return `${up}src/${folder}/x`;
  if (root.split("/").length === 3) return `${"../".repeat(depth + 2)}${folder}/x`; // src/io/node, src/engine/node
  return `${up}${folder}/x`;
}

const plants = [];
for (const never of NEVERS) {
  for (const depth of [0, 2]) {
    const file = fileIn(never.files[0], depth);
    for (const folder of never.folders)
      plants.push({ never: never.name, file, spec: towards(never, folder, depth), forbidden: true });
    for (const pkg of never.packages.slice(0, 3))
      plants.push({ never: never.name, file, spec: pkg, forbidden: true });
  }
}
// Imports the layers do make, which must stay allowed (a fence that refuses everything is no fence).
const allowed = [
  ["src/core/consolidate/planted.ts", "../catalog/templates"],
  ["src/io/planted.ts", "../core/grid"],
  ["src/io/xlsx-read/planted.ts", "../../core/values/numfmt"],
  ["src/engine/planted.ts", "../io/read-file"],
  ["src/engine/planted.ts", "../core/consolidate/consolidate"],
  ["src/engine/node/planted.ts", "../../io/node/files"],
  ["src/engine/node/planted.ts", "node:fs"],
  ["src/cli/planted.ts", "../engine/pipeline"],
  ["src/cli/planted.ts", "../io/node/files"],
  ["src/cli/planted.ts", "node:fs"],
  ["src/excel/planted.ts", "../core/layout/types"],
  ["src/taskpane/planted.ts", "../engine/pipeline"],
  ["src/taskpane/planted.ts", "../excel"],
  ["src/taskpane/planted.ts", "@fluentui/react-components"],
  ["generator/planted.ts", "../src/core/periods"],
  ["generator/planted.ts", "../src/io/xlsx-write"],
];
for (const [file, spec] of allowed) plants.push({ never: "(allowed)", file, spec, forbidden: false });

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...fences],
});
const results = [];
for (const p of plants) {
  const [r] = await eslint.lintText(`import "${p.spec}";\nexport {};\n`, { filePath: p.file });
  const refused = r.messages.some((m) => m.ruleId === "no-restricted-imports");
  results.push({ ...p, refused });
}
process.stdout.write(JSON.stringify(results));
