/** @type {import('jest').Config} */
const shared = {
  transform: {
    "\\.csv$": "<rootDir>/test/support/text-transform.cjs",
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!(fflate)/)"],
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "mjs", "json", "csv"],
};

module.exports = {
  // A hang guard, never a speed limit: a test (or a beforeAll) still running after ten minutes is
  // taken for hung. The slowest tests (a 150 MB CSV through the command line, LibreOffice reading
  // workbooks) take a minute or two on a loaded 2-core machine; a test suite must pass on a busy
  // machine, so no test sets a shorter time-out of its own. Child processes have their own guard
  // (test/support/child.ts).
  testTimeout: 10 * 60_000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
      setupFiles: ["<rootDir>/test/support/jsdom-setup.ts"],
      // Tests that run the command line need its bundle: built once, before any worker starts.
      globalSetup: "<rootDir>/test/support/global-setup.cjs",
      // jsdom tests (the pane) still load Node builds of dependencies (uuid's browser build is ESM).
      testEnvironmentOptions: { customExportConditions: ["node", "node-addons"] },
    },
    {
      // The built pane in Chromium: webpack runs once for the whole run, in globalSetup.
      ...shared,
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/test/e2e"],
      testMatch: ["**/*.test.ts"],
      globalSetup: "<rootDir>/test/e2e/global-setup.ts",
    },
  ],
};
