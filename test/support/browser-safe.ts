import { build } from "esbuild";
import * as path from "node:path";
import ts from "typescript";

/*
 * Parts of src/io run in the browser task pane and in a Web Worker as well as in Node. These checks
 * prove it from the outside: a browser bundle that resolves no Node module and touches no Node
 * global, and a type-check against the Web Worker library alone.
 */

export const ROOT = path.join(__dirname, "..", "..");

/** The browser bundle of `entry` (relative to the project root); Node modules fail to resolve. */
export async function browserBundle(entry: string): Promise<{ errors: unknown[]; code: string }> {
  const out = await build({
    entryPoints: [path.join(ROOT, entry)],
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
  return { errors: out.errors, code: out.outputFiles[0]?.text ?? "" };
}

/** What the compiler says of the project `tsconfig` (relative to the root), which must load no types. */
export function workerOnlyDiagnostics(tsconfig: string): { types: unknown; problems: string[] } {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, tsconfig), {}, host)!;
  const program = ts.createProgram(config.fileNames, config.options);
  const problems = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return { types: config.options.types, problems };
}
