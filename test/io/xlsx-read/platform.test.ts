import { browserBundle, workerOnlyDiagnostics } from "../../support/browser-safe";

// The reader parses submissions in the task pane's Web Worker as well as in the CLI's worker threads.
describe("the xlsx reader outside Node", () => {
  it("bundles for the browser with no Node built-in, Buffer or process", async () => {
    const { errors, code } = await browserBundle("src/io/xlsx-read/index.ts");
    expect(errors).toEqual([]);
    expect(code).not.toMatch(/\bBuffer\.|\bprocess\.|\brequire\(/);
  });

  it("type-checks against the Web Worker library alone, without Node's types", () => {
    const { types, problems } = workerOnlyDiagnostics("src/io/xlsx-read/tsconfig.json");
    expect(types).toEqual([]);
    expect(problems).toEqual([]);
  });
});
