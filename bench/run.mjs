// Runs a TypeScript benchmark from bench/ without a TypeScript runtime: esbuild bundles it (as the
// command line is bundled) into .bench-cache/, then Node runs the bundle.
//   node bench/run.mjs xlsx-reader [args…]
import { build } from "esbuild";
import { spawnSync } from "node:child_process";

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error("usage: node bench/run.mjs <benchmark> [args…]   (e.g. xlsx-reader 1000)");
  process.exit(2);
}
const outfile = `.bench-cache/${name}.cjs`;
await build({
  entryPoints: [`bench/${name}.ts`],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  loader: { ".csv": "text" },
  logLevel: "warning",
});
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: "inherit" });
process.exit(r.status ?? 1);
