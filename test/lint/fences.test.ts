import { spawnChild } from "../support/child";
import * as path from "node:path";
import { ROOT } from "../support/cli";

/*
 * Issue 15: every never of DESIGN.md is held by lint. test/lint/plant-imports.mjs plants an import
 * across each fence of eslint.fences.mjs (from a file at the layer's top and two folders down, for
 * each forbidden folder and some forbidden packages), and imports the layers really make, and lints
 * them with the fences: each planted crossing must be refused, each real import allowed.
 */

interface Plant {
  never: string;
  file: string;
  spec: string;
  forbidden: boolean;
  refused: boolean;
}

const run = spawnChild(process.execPath, [path.join(ROOT, "test", "lint", "plant-imports.mjs")], {
  cwd: ROOT,
});
const plants = JSON.parse(run.stdout || "[]") as Plant[];

describe("the layers' fences", () => {
  it("ran", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it.each([
    ["core", "io"],
    ["core", "excel"],
    ["core", "taskpane"],
    ["core", "cli"],
    ["io", "excel"],
    ["io", "taskpane"],
    ["io", "cli"],
    ["excel", "taskpane"],
    ["cli", "excel"],
    ["cli", "taskpane"],
    ["engine", "cli"],
    ["engine", "taskpane"],
    ["taskpane", "cli"],
  ])("refuses an import from src/%s into src/%s", (from, to) => {
    const crossing = plants.filter((p) => p.file.startsWith(`src/${from}/`) && p.spec.includes(`/${to}/`));
    expect(crossing.length).toBeGreaterThanOrEqual(2);
    expect(crossing.filter((p) => !p.refused)).toEqual([]);
  });

  it("refuses every planted crossing, from the top of a layer and from deep inside it", () => {
    const forbidden = plants.filter((p) => p.forbidden);
    expect(forbidden.length).toBeGreaterThan(100);
    expect(forbidden.filter((p) => !p.refused)).toEqual([]);
  });

  it("keeps Node's modules out of the code that runs in the browser", () => {
    for (const layer of ["src/core/", "src/io/", "src/engine/", "src/taskpane/", "generator/"]) {
      const fs = plants.filter(
        (p) => p.file.startsWith(layer) && !p.file.includes("/node/") && p.spec === "fs",
      );
      expect(fs.length).toBeGreaterThan(0);
      expect(fs.every((p) => p.refused)).toBe(true);
    }
  });

  it("allows the imports the layers really make", () => {
    const allowed = plants.filter((p) => !p.forbidden);
    expect(allowed.length).toBeGreaterThan(10);
    expect(allowed.filter((p) => p.refused)).toEqual([]);
  });
});
