// Finds a Chromium to drive with playwright-core, without ever downloading one: $CHROMIUM_PATH, then
// a system Chromium or Chrome, then the build inside the @sparticuz/chromium package (Linux only;
// unpacked to /tmp on first use). Shared by the browser tests and scripts/draw-icons.mjs.
const fs = require("node:fs");
const path = require("node:path");

const SYSTEM = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
];

/** Flags for a quiet, offline, throwaway browser. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return { executablePath: fromEnv, args: FLAGS, source: "CHROMIUM_PATH" };
  }
  for (const p of SYSTEM) if (fs.existsSync(p)) return { executablePath: p, args: FLAGS, source: p };
  let sparticuz;
  try {
    sparticuz = require("@sparticuz/chromium");
  } catch {
    return undefined;
  }
  const chromium = sparticuz.default || sparticuz;
  const executablePath = await chromium.executablePath();
  // Its own flags (what that build needs) but not the ones that turn off web security: the tests
  // check the pane under its real content security policy. Ours after; duplicates are harmless.
  const unsafe = /^--(headless|disable-web-security|allow-running-insecure-content)/;
  const args = [...chromium.args.filter((a) => !unsafe.test(a)), ...FLAGS];
  // The fonts that build carries (Open Sans, close to Segoe UI's widths), not whatever the host has:
  // without this a host with only DejaVu Sans (wide) lays the pane out differently from one with
  // none, and what the tests measure (lines per name at 350 px) would depend on the machine.
  const fonts = path.join(require("node:os").tmpdir(), "fonts");
  const env = fs.existsSync(path.join(fonts, "fonts.conf")) ? { FONTCONFIG_PATH: fonts } : {};
  return { executablePath, args, env, source: "@sparticuz/chromium" };
}

module.exports = { findChromium, FLAGS };
