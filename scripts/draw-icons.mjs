// Draws the add-in's icons (assets/*.png) from the SVGs below with headless Chromium, so they are
// reproducible: `npm run icons`. The PNGs are committed; Office fetches them from the add-in's host.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { findChromium } = require("./chromium.cjs");
const { chromium } = require("playwright-core");

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const GREEN = "#107C41";
const DARK = "#0B5A2F";
const SHEET = "#FFFFFF";
const LINE = "#9BB8A5";

// 32-unit grid; shapes stay legible at 16 px.
const ICONS = {
  // The add-in: a green tile with a rising bar chart and a target mark.
  icon: `
    <rect x="1" y="1" width="30" height="30" rx="6" fill="${GREEN}"/>
    <rect x="7" y="18" width="4" height="8" rx="1" fill="${SHEET}"/>
    <rect x="14" y="14" width="4" height="12" rx="1" fill="${SHEET}"/>
    <rect x="21" y="11" width="4" height="15" rx="1" fill="${SHEET}"/>
    <circle cx="23" cy="6" r="2.6" fill="none" stroke="#FFD54F" stroke-width="1.6"/>`,
  // Mẫu biểu: a form sheet with a header band and ruled rows.
  template: `
    <path d="M6 2h14l6 6v22H6z" fill="${SHEET}" stroke="${DARK}" stroke-width="1.6" stroke-linejoin="round"/>
    <path d="M20 2v6h6" fill="none" stroke="${DARK}" stroke-width="1.6" stroke-linejoin="round"/>
    <rect x="9" y="11" width="14" height="4" fill="${GREEN}"/>
    <path d="M9 19h14M9 23h14M9 27h14M14 15v13" stroke="${LINE}" stroke-width="1.4"/>`,
  // Kiểm tra: a sheet with a bold check mark.
  check: `
    <path d="M5 2h14l6 6v22H5z" fill="${SHEET}" stroke="${DARK}" stroke-width="1.6" stroke-linejoin="round"/>
    <path d="M19 2v6h6" fill="none" stroke="${DARK}" stroke-width="1.6" stroke-linejoin="round"/>
    <path d="M8 12h9M8 16h6" stroke="${LINE}" stroke-width="1.4"/>
    <circle cx="22" cy="23" r="8" fill="${GREEN}"/>
    <path d="M18 23.2l3 3 5.2-6" fill="none" stroke="${SHEET}" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Tổng hợp: sheets stacked behind a summary sheet carrying a sigma.
  consolidate: `
    <rect x="2" y="2" width="18" height="20" rx="1.5" fill="${SHEET}" stroke="${LINE}" stroke-width="1.4"/>
    <rect x="6" y="5" width="18" height="20" rx="1.5" fill="${SHEET}" stroke="${LINE}" stroke-width="1.4"/>
    <rect x="11" y="9" width="19" height="21" rx="2" fill="${GREEN}" stroke="${DARK}" stroke-width="1.4"/>
    <path d="M24.5 13.5h-8l4.5 5.5-4.5 5.5h8" fill="none" stroke="${SHEET}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>`,
};

const SIZES = {
  icon: [16, 32, 64, 80, 128],
  template: [16, 32, 80],
  check: [16, 32, 80],
  consolidate: [16, 32, 80],
};

const found = await findChromium();
if (!found) throw new Error("No Chromium: set CHROMIUM_PATH or install @sparticuz/chromium");
const profile = mkdtempSync(join(tmpdir(), "chitieu-icons-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: found.executablePath,
  args: found.args,
  env: { ...process.env, ...found.env },
  headless: true,
  deviceScaleFactor: 1,
});
try {
  const page = await context.newPage();
  for (const [name, body] of Object.entries(ICONS)) {
    for (const size of SIZES[name]) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">` +
          `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32" style="display:block">${body}</svg>` +
          `</body></html>`,
      );
      const png = await page.locator("svg").screenshot({ omitBackground: true });
      const file = join(ROOT, "assets", `${name}-${size}.png`);
      writeFileSync(file, png);
      console.log(`${file} (${png.length} bytes)`);
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
