// Bundles the command line into CommonJS files so `chitieu` starts fast: no TypeScript compiler
// at start-up (npm runs this on install, and bin/chitieu.js again when a source is newer).
import { build } from "esbuild";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

// esbuild takes its working directory when it is first imported, which may be before a caller
// changes to the project root (bin/chitieu.js): resolve entries from the root explicitly.
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

const ENTRIES = ["src/cli/main.ts", "src/cli/parse-worker.ts"];

export async function buildCli() {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES.filter((f) => existsSync(path.join(ROOT, f))),
    outdir: "dist/cli",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    loader: { ".csv": "text" },
    sourcemap: "linked",
    logLevel: "warning",
    legalComments: "none",
    // The written report's .docx writer is loaded only for --report, from node_modules (a dependency):
    // bundled, its 550 KB would be parsed at every start (+20 ms on `chitieu --help`).
    external: ["docx"],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildCli().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
