/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
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
  testTimeout: 30000,
  globalSetup: "<rootDir>/test/support/global-setup.cjs",
};
