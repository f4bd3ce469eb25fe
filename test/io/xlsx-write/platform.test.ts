import { browserBundle, workerOnlyDiagnostics } from "../../support/browser-safe";

// The writer makes the summary the task pane offers as a download ("Tải về") in a plain browser.
describe("the xlsx writer outside Node", () => {
  it("bundles for the browser with no Node built-in, Buffer or process", async () => {
    const { errors, code } = await browserBundle("src/io/xlsx-write/index.ts");
    expect(errors).toEqual([]);
    expect(code).not.toMatch(/\bBuffer\.|\bprocess\.|\brequire\(/);
    // Neither ExcelJS nor the catalog's data: the writer needs only the layout model and fflate.
    expect(code).not.toMatch(/exceljs/i);
  });

  it("type-checks against the Web Worker library alone, without Node's types", () => {
    const { types, problems } = workerOnlyDiagnostics("src/io/xlsx-write/tsconfig.json");
    expect(types).toEqual([]);
    expect(problems).toEqual([]);
  });
});
