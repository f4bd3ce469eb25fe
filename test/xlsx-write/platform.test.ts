import { build } from "esbuild";
import * as path from "node:path";
import ts from "typescript";

/*
 * The writer runs in the browser task pane ("download the summary") and in a Web Worker as well as
 * in Node: bundling it for the browser must need no Node module, and it must type-check with the
 * Web Worker library alone.
 */

const ROOT = path.join(__dirname, "..", "..");

describe("the xlsx writer outside Node", () => {
  it("bundles for the browser with no Node built-in, Buffer or process", async () => {
    const out = await build({
      entryPoints: [path.join(ROOT, "src/io/xlsx-write/index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      plugins: [
        {
          name: "no-node",
          setup(b) {
            b.onResolve({ filter: /^node:|^(fs|path|buffer|stream|zlib|util|crypto|os)$/ }, (args) => ({
              errors: [{ text: `Node module ${args.path} imported by ${args.importer}` }],
            }));
          },
        },
      ],
    });
    expect(out.errors).toEqual([]);
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bBuffer\.|\bprocess\.|\brequire\(/);
    // Neither ExcelJS nor the catalog's data: the writer needs only the layout model and fflate.
    expect(code).not.toMatch(/exceljs/i);
  });

  it("type-checks against the Web Worker library alone, without Node's types", () => {
    const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, "src/io/xlsx-write/tsconfig.json"),
      {},
      host,
    )!;
    expect(config.options.types).toEqual([]);
    const program = ts.createProgram(config.fileNames, config.options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });
});
