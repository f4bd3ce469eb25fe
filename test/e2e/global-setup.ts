import { build } from "esbuild";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import webpack from "webpack";
import { findChromium } from "../../scripts/chromium.cjs";

/*
 * Once per test run: find a Chromium, build the pane with webpack in production mode into a
 * temporary folder (with a production ADDIN_URL, to check the manifest is rewritten), and bundle the
 * in-memory Office.js stand-in. The tests read where from E2E_DIST; without Chromium they skip.
 */
export const ADDIN_URL = "https://chitieu.example.vn/addin/";

export default async function globalSetup(): Promise<void> {
  const chromium = await findChromium().catch((e: unknown) => {
    process.env.E2E_SKIP = `no Chromium (${e instanceof Error ? e.message : String(e)})`;
    return undefined;
  });
  if (!chromium) {
    process.env.E2E_SKIP ??= "no Chromium: set CHROMIUM_PATH, install chromium, or @sparticuz/chromium";
    return;
  }
  const root = path.join(__dirname, "..", "..");
  const out = mkdtempSync(path.join(tmpdir(), "chitieu-e2e-dist-"));
  process.env.ADDIN_URL = ADDIN_URL;
  // webpack.config.js is CommonJS and exports an async function of (env, argv).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configOf = require(path.join(root, "webpack.config.js")) as (
    env: Record<string, string>,
    argv: Record<string, string>,
  ) => Promise<webpack.Configuration>;
  const config = await configOf({ outDir: out }, { mode: "production" });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  const fake = await build({
    entryPoints: [path.join(root, "test", "support", "fake-excel", "browser.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "warning",
  });
  const fakeFile = path.join(out, "..", `${path.basename(out)}-fake-office.js`);
  writeFileSync(fakeFile, fake.outputFiles[0]!.text);
  process.env.E2E_DIST = out;
  process.env.E2E_FAKE_OFFICE = fakeFile;
  process.env.E2E_CHROMIUM = chromium.source;
}
