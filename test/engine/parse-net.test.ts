import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { ParsedFile } from "../../src/core/consolidate/types";
import type { Issue } from "../../src/core/issues";
import { consolidateCommand } from "../../src/cli/consolidate-command";
import { STREAM_CSV_BYTES, parsePath } from "../../src/engine/node/parse-path";
import { parseFile } from "../../src/engine/parse-file";
import { engine } from "../../src/taskpane/engine-wiring";
import { makeParser } from "../../src/taskpane/parse-client";
import { ROOT } from "../support/cli";

/*
 * Issue 15: the never-throws net is laid once on each way into the engine (parseFile for bytes in
 * memory, parsePath for a file on disk). A bug in a reader is planted here: the readers throw for a
 * file whose name says so (`loi-chuong-trinh`, "program error"), as a bug would, and every edge must
 * still name that one file as unreadable, say it is the program's fault, and read the others.
 */

const BUG = "loi-chuong-trinh";

function planted(file: string): void {
  if (file.includes(BUG)) throw new TypeError(`Cannot read properties of undefined (planted in ${file})`);
}

jest.mock("../../src/core/submission/extract", () => {
  const actual = jest.requireActual("../../src/core/submission/extract");
  return {
    ...actual,
    extractSubmissions: (doc: { file: string }) => {
      planted(doc.file);
      return actual.extractSubmissions(doc);
    },
  };
});
jest.mock("../../src/engine/csv-submissions", () => {
  const actual = jest.requireActual("../../src/engine/csv-submissions");
  return {
    ...actual,
    extractCsvBytes: (bytes: Uint8Array, file: string, wanted?: unknown) => {
      planted(file);
      return actual.extractCsvBytes(bytes, file, wanted);
    },
  };
});
jest.mock("../../src/engine/node/csv-stream", () => {
  const actual = jest.requireActual("../../src/engine/node/csv-stream");
  return {
    ...actual,
    extractCsvStream: async (absolute: string, file: string, wanted?: unknown) => {
      planted(file);
      return actual.extractCsvStream(absolute, file, wanted);
    },
  };
});

const sample = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(ROOT, "samples", "son-la", "bao-cao", name)));
const GOOD_XLSX = "ktxh-xa_04240_2026.xlsx";
const GOOD_CSV = "muong-la-2026.csv";

/** The one issue a file with a planted bug must give: unreadable, that file, the program's fault. */
function expectNamedAsProgramError(parsed: ParsedFile | undefined, file: string): void {
  expect(parsed?.submissions).toEqual([]);
  expect(parsed?.issues).toHaveLength(1);
  expect(parsed?.issues[0]).toMatchObject({
    severity: "error",
    rule: "unreadable-file",
    file,
    reason: "internal",
  });
  expect(parsed?.issues[0]?.messageEn).toContain("program error");
  expect(parsed?.issues[0]?.message).toContain("lỗi chương trình");
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "chitieu-net-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a reader's bug costs its own file only: in memory (parseFile)", () => {
  it.each([
    [`${BUG}.xlsx`, GOOD_XLSX],
    [`${BUG}.csv`, GOOD_CSV],
  ])("%s is one unreadable-file issue, a program error", (name, from) => {
    expectNamedAsProgramError(parseFile({ path: name, bytes: sample(from) }), name);
    // The same bytes under their own name read as ever: only the planted bug failed.
    expect(parseFile({ path: from, bytes: sample(from) }).submissions.length).toBeGreaterThan(0);
  });
});

describe("a reader's bug costs its own file only: from disk (parsePath, the command line)", () => {
  it.each([
    [`${BUG}.xlsx`, GOOD_XLSX],
    [`${BUG}.csv`, GOOD_CSV],
  ])("%s is one unreadable-file issue, a program error", async (name, from) => {
    const file = path.join(dir, name);
    writeFileSync(file, sample(from));
    expectNamedAsProgramError(await parsePath(file, name, statSync(file).size), name);
  });

  it("a CSV large enough to be streamed too", async () => {
    const name = `${BUG}-lon.csv`;
    const file = path.join(dir, name);
    const text = readFileSync(path.join(ROOT, "samples", "son-la", "bao-cao", GOOD_CSV), "utf8");
    const [header, ...rows] = text.split(/\r?\n/).filter(Boolean);
    const body = rows.join("\n");
    const copies = Math.ceil(STREAM_CSV_BYTES / body.length) + 1;
    writeFileSync(file, [header, ...Array.from({ length: copies }, () => body)].join("\n"));
    expect(statSync(file).size).toBeGreaterThan(STREAM_CSV_BYTES);
    expectNamedAsProgramError(await parsePath(file, name, statSync(file).size), name);
  });
});

describe("through each edge, the run goes on and names the file once", () => {
  // In the report's order (by file).
  const names = [`${BUG}.csv`, `${BUG}.xlsx`];

  function programErrors(issues: Issue[]): Issue[] {
    return issues.filter((i) => i.rule === "unreadable-file");
  }

  it("the command line: chitieu consolidate", async () => {
    const inputs = path.join(dir, "bao-cao");
    mkdirSync(inputs);
    copyFileSync(path.join(ROOT, "samples", "son-la", "bao-cao", GOOD_XLSX), path.join(inputs, GOOD_XLSX));
    writeFileSync(path.join(inputs, `${BUG}.xlsx`), sample(GOOD_XLSX));
    writeFileSync(path.join(inputs, `${BUG}.csv`), sample(GOOD_CSV));
    const result = await consolidateCommand({
      inputs: [inputs],
      roster: path.join(ROOT, "samples", "son-la", "roster.csv"),
      template: "ktxh-xa",
      period: "2026",
      out: path.join(dir, "tong-hop.xlsx"),
    });
    const unreadable = programErrors(result.report.issues);
    expect(unreadable.map((i) => [i.file, i.reason])).toEqual(names.map((n) => [n, "internal"]));
    expect(result.report.units.find((u) => u.code === "04240")?.status).toBe("ok");
  });

  it("the task pane: its parser, then the consolidation", async () => {
    const parse = makeParser(engine, { locale: "vi" });
    const files = [
      { path: GOOD_XLSX, bytes: sample(GOOD_XLSX) },
      { path: `${BUG}.xlsx`, bytes: sample(GOOD_XLSX) },
      { path: `${BUG}.csv`, bytes: sample(GOOD_CSV) },
    ];
    const parsed = await parse!(files, () => {});
    parsed.slice(1).forEach((p, k) => expectNamedAsProgramError(p as ParsedFile, files[k + 1]!.path));
    const { report } = await engine.consolidateParsed!(parsed, {
      roster: {
        path: "roster.csv",
        bytes: new Uint8Array(readFileSync(path.join(ROOT, "samples", "son-la", "roster.csv"))),
      },
      template: "ktxh-xa",
      period: "2026",
      locale: "vi",
    });
    expect(programErrors(report.issues as Issue[]).map((i) => i.file)).toEqual(names);
    expect(report.units.find((u) => u.code === "04240")?.status).toBe("ok");
  });
});
