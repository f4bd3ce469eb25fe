import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { findChromium } from "../../scripts/chromium.cjs";

/** A fresh Chromium profile each time (launchPersistentContext on a new --user-data-dir). */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const found = await findChromium();
  if (!found) throw new Error("no Chromium");
  const profile = mkdtempSync(path.join(tmpdir(), "chitieu-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: found.executablePath,
    args: found.args,
    env: { ...process.env, ...found.env },
    headless: true,
    acceptDownloads: true,
    // About the width Excel gives a task pane.
    viewport: { width: 420, height: 900 },
    locale: "vi-VN",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
