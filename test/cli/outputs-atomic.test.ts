import * as nodeFs from "node:fs";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { writeAllOrNothing } from "../../src/io/node/files";
import { ROOT, runCli } from "../support/cli";

/*
 * Issue 6 and DESIGN.md property 3: outputs are written whole or not at all. When the second output
 * cannot be written, the summary workbook is not left behind either, a previous output of the same
 * name is untouched, and no temporary file stays in the folder.
 */

const SAMPLE = path.join(ROOT, "samples", "son-la");
const OLD = "bản tổng hợp của lần chạy trước";

function consolidate(cwd: string, out: string, json: string, roster = path.join(SAMPLE, "roster.csv")) {
  return runCli(
    [
      "consolidate",
      path.join(SAMPLE, "bao-cao"),
      "--roster",
      roster,
      "--template",
      "ktxh-xa",
      "--period",
      "2026",
      "--out",
      out,
      "--json",
      json,
    ],
    cwd,
  );
}

/** Every file under a folder, hidden ones too (a temporary file is hidden). */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)),
    )
    .sort();
}

describe("the command, when the JSON report cannot be written", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "chitieu-atomic-"));
    writeFileSync(path.join(dir, "tong-hop.xlsx"), OLD);
  });

  function expectNothingWritten(r: { status: number | null; stderr: string }): void {
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(path.join(dir, "tong-hop.xlsx"), "utf8")).toBe(OLD);
  }

  it("into a folder that cannot be made (its parent is a file)", () => {
    writeFileSync(path.join(dir, "bao-cao.json"), "");
    const r = consolidate(dir, "tong-hop.xlsx", "bao-cao.json/tong-hop.json");
    expectNothingWritten(r);
    expect(listing(dir)).toEqual(["bao-cao.json", "tong-hop.xlsx"]);
  });

  it("onto a folder of that name: found before the summary replaces the previous one", () => {
    mkdirSync(path.join(dir, "tong-hop.json"));
    const r = consolidate(dir, "tong-hop.xlsx", "tong-hop.json");
    expectNothingWritten(r);
    expect(r.stderr).toContain("tong-hop.json");
    expect(listing(dir)).toEqual(["tong-hop.xlsx"]);
  });

  it("into a folder without write permission", () => {
    if (process.getuid?.() === 0) {
      console.warn("running as root: permissions do not stop root, the read-only folder case is not run");
      return;
    }
    const locked = path.join(dir, "khoa");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const r = consolidate(dir, "tong-hop.xlsx", "khoa/tong-hop.json");
      expectNothingWritten(r);
      expect(listing(dir)).toEqual(["tong-hop.xlsx"]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it("onto the roster the run reads: refused, the roster untouched", () => {
    const roster = path.join(dir, "roster.csv");
    writeFileSync(roster, readFileSync(path.join(SAMPLE, "roster.csv")));
    const before = readFileSync(roster);
    const r = consolidate(dir, "tong-hop.xlsx", "roster.csv", roster);
    expectNothingWritten(r);
    expect(readFileSync(roster)).toEqual(before);
  });

  it("and when both can be written, both are, with nothing else left", () => {
    const r = consolidate(dir, "tong-hop.xlsx", "tong-hop.json");
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, "tong-hop.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(listing(dir)).toEqual(["tong-hop.json", "tong-hop.xlsx"]);
  });
});

describe("outputs inside the submissions folder", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "chitieu-atomic-"));
    nodeFs.cpSync(path.join(SAMPLE, "bao-cao"), path.join(dir, "bao-cao"), { recursive: true });
  });

  const run = (out: string, json?: string) =>
    runCli(
      [
        "consolidate",
        "bao-cao",
        "--template",
        "ktxh-xa",
        "--period",
        "2026",
        "--out",
        out,
        ...(json ? ["--json", json] : []),
      ],
      dir,
    );

  it.each([
    ["--out over a unit's workbook", "bao-cao/ktxh-xa_04240_2026.xlsx", undefined, "ktxh-xa_04240_2026.xlsx"],
    ["--json over a unit's CSV", "tong-hop.xlsx", "bao-cao/muong-la-2026.csv", "muong-la-2026.csv"],
  ])("%s: refused, the submission untouched", (_, out, json, victim) => {
    const before = readFileSync(path.join(dir, "bao-cao", victim));
    const r = run(out, json);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("inputs are never overwritten");
    expect(readFileSync(path.join(dir, "bao-cao", victim))).toEqual(before);
    expect(existsSync(path.join(dir, "tong-hop.xlsx"))).toBe(false);
  });

  it("a previous summary there is replaced, run after run", () => {
    expect(run("bao-cao/tong-hop.xlsx").status).toBe(0);
    const r = run("bao-cao/tong-hop.xlsx");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("writeAllOrNothing, when a rename fails half-way", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "chitieu-atomic-"));
  });
  afterEach(() => jest.restoreAllMocks());

  /** Renames fail from the `n`-th on, as a disk that fills up or a file Excel holds open would. */
  function failRenames(n: number): void {
    const real = nodeFs.promises.rename;
    let calls = 0;
    jest.spyOn(nodeFs.promises, "rename").mockImplementation(async (from, to) => {
      if (++calls >= n && String(from).endsWith(".tmp")) {
        const e = new Error("EBUSY: resource busy or locked") as NodeJS.ErrnoException;
        e.code = "EBUSY";
        throw e;
      }
      return real(from, to);
    });
  }

  it("puts back the outputs already replaced", async () => {
    writeFileSync(path.join(dir, "a.xlsx"), "old a");
    writeFileSync(path.join(dir, "b.json"), "old b");
    failRenames(2);
    await expect(
      writeAllOrNothing([
        { path: path.join(dir, "a.xlsx"), data: "new a" },
        { path: path.join(dir, "b.json"), data: "new b" },
      ]),
    ).rejects.toThrow("EBUSY");
    expect(readFileSync(path.join(dir, "a.xlsx"), "utf8")).toBe("old a");
    expect(readFileSync(path.join(dir, "b.json"), "utf8")).toBe("old b");
    expect(listing(dir)).toEqual(["a.xlsx", "b.json"]);
  });

  it("removes an output that did not exist before", async () => {
    failRenames(2);
    await expect(
      writeAllOrNothing([
        { path: path.join(dir, "a.xlsx"), data: "new a" },
        { path: path.join(dir, "b.json"), data: "new b" },
      ]),
    ).rejects.toThrow("EBUSY");
    expect(existsSync(path.join(dir, "a.xlsx"))).toBe(false);
    expect(listing(dir)).toEqual([]);
  });

  it("leaves no backup behind when all goes well", async () => {
    writeFileSync(path.join(dir, "a.xlsx"), "old a");
    await writeAllOrNothing([
      { path: path.join(dir, "a.xlsx"), data: "new a" },
      { path: path.join(dir, "sub", "b.json"), data: "new b" },
    ]);
    expect(readFileSync(path.join(dir, "a.xlsx"), "utf8")).toBe("new a");
    expect(listing(dir)).toEqual(["a.xlsx", path.join("sub", "b.json")]);
  });
});
