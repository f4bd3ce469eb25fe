// Writes samples/ (the sample province of Sơn La and its Project 1219 reports) from the generator in
// generator, deterministically: a seeded generator and fixed dates, so running it again gives the
// same bytes. The READMEs are kept; every other file under samples/ is replaced.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const samples = path.join(root, "samples");

function generatedFiles(dir) {
  if (!readdirSync(path.dirname(dir)).includes(path.basename(dir))) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return generatedFiles(p);
    return e.name === "README.md" ? [] : [p];
  });
}

const tmp = mkdtempSync(path.join(tmpdir(), "chitieu-samples-"));
try {
  const bundle = path.join(tmp, "samples.mjs");
  await build({
    entryPoints: [path.join(root, "generator", "index.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    loader: { ".csv": "text" },
    logLevel: "warning",
  });
  const { sampleFiles } = await import(pathToFileURL(bundle).href);
  const files = await sampleFiles();
  for (const old of generatedFiles(samples)) rmSync(old);
  for (const f of files) {
    const target = path.join(samples, ...f.path.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.bytes);
  }
  console.log(`samples: wrote ${files.length} files under ${path.relative(process.cwd(), samples) || "."}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
