#!/usr/bin/env node
"use strict";
// The `chitieu` command. Runs the bundle in dist/cli, rebuilding it first when a source file is
// newer (a checkout right after `npm install` already has it: the install builds it).
const binStart = performance.now();
// Tier up later and inline less. Each thread that parses compiles the reader on its own, and with
// V8's defaults a national run spent 1.7 s of CPU in its optimizing compiler, on a machine with two
// cores that the parsing threads already keep busy; with these, 0.7 s, and the run ended about 10 %
// sooner (`npm run bench`, 3,321 workbooks). Both are heuristics of when and how much to optimize:
// they cannot change a result. Set before any of the program is loaded, so they apply to all of it
// and to the worker threads, which share the process's V8 flags.
require("node:v8").setFlagsFromString("--interrupt-budget=200000 --max-inlined-bytecode-size=100");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "dist", "cli", "main.cjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!fs.existsSync(bundle)) return true;
  const src = path.join(root, "src");
  if (!fs.existsSync(src)) return false; // installed as a package: only the bundle ships
  const built = fs.statSync(bundle).mtimeMs;
  return newestSource(src) > built || fs.statSync(path.join(root, "data", "dvhc-2025.csv")).mtimeMs > built;
}

async function run() {
  if (stale()) {
    const { buildCli } = await import(path.join(root, "scripts", "build-cli.mjs"));
    const cwd = process.cwd();
    process.chdir(root);
    try {
      await buildCli();
    } finally {
      process.chdir(cwd);
    }
  }
  const bundleStart = performance.now();
  const { main } = require(bundle);
  const boot = { binStart, bundleStart, bundleLoaded: performance.now() };
  process.exitCode = await main(process.argv.slice(2), boot);
}

run().catch((e) => {
  process.stderr.write(`chitieu: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
