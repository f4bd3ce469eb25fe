// Bundles the command line into CommonJS files so `chitieu` starts fast: no TypeScript compiler
// at start-up (npm runs this on install, and bin/chitieu.js again when a source is newer).
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ENTRIES = ["src/cli/main.ts", "src/cli/parse-worker.ts"];

export async function buildCli() {
  await build({
    entryPoints: ENTRIES.filter((f) => existsSync(f)),
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
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildCli().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
