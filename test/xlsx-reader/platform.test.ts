import { build } from "esbuild";
import * as path from "node:path";
import ts from "typescript";

/*
 * The reader runs in the browser task pane and in a Web Worker as well as in Node: bundling it for
 * the browser must need no Node module, and the bundle must not touch Node's globals.
 */

const ROOT = path.join(__dirname, "..", "..");

describe("the xlsx reader outside Node", () => {
  it("bundles for the browser with no Node built-in, Buffer or process", async () => {
    const out = await build({
      entryPoints: [path.join(ROOT, "src/io/xlsx/index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      // Any Node built-in would fail to resolve for the browser platform; say so plainly if one does.
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
  });

  it("type-checks against the Web Worker library alone, without Node's types", () => {
    const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, "src/io/xlsx/tsconfig.json"),
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
