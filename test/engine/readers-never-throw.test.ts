import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { findTemplate } from "../../src/core/catalog/templates";
import type { ParsedFile } from "../../src/core/consolidate/types";
import type { Issue } from "../../src/core/issues";
import { parsePeriod } from "../../src/core/periods";
import { reportJson } from "../../src/core/json-report/build";
import { readCsv } from "../../src/io/csv-reader";
import { extractCsvBytes } from "../../src/engine/csv-submissions";
import { extractCsvStream } from "../../src/engine/node/csv-stream";
import { parseFile } from "../../src/engine/parse-file";
import { consolidateParsed } from "../../src/engine/pipeline";
import { readSourceFile } from "../../src/io/read-file";
import { readXlsx } from "../../src/io/xlsx-read";
import { encodeText, encodeWindows1258 } from "../../generator";
import { ROOT } from "../support/cli";

/*
 * Issue 6: readers and parsers never throw on arbitrary bytes or text, they only return issues.
 * Stronger than "never throws": parseFile and the xlsx reader catch everything at their boundary,
 * so the property is that nothing reaches that catch — no issue says "program error" (`internal`)
 * or "unexpected error". Each property runs a bounded number of times to stay quick.
 */

const RUNS = { numRuns: 150 };
const NAMES = ["bao-cao.xlsx", "bao-cao.csv", "BAO CAO.XLSX", "so-lieu.xls"];

/** Pieces a CSV submission (or a damaged one) is made of. */
const CSV_TOKENS = [
  "ma_don_vi",
  "ky_bao_cao",
  "ma_chi_tieu",
  "thuc_hien",
  "tu_so",
  "mau_so",
  "ten_don_vi",
  "mau_bieu",
  "ghi_chu",
  "Mã chỉ tiêu",
  "Thực hiện",
  "Tử số",
  "HO_NGHEO",
  "DAN_SO",
  "BHYT",
  "NTM_TIEU_CHI",
  "04240",
  "2026",
  "Quý III/2026",
  "ktxh-xa@1",
  "1.922,9",
  "47,72%",
  "0,4772",
  "-",
  "x",
  "=1+1",
  "1e308",
  "NaN",
  ",",
  ";",
  "\t",
  '"',
  '""',
  "\r\n",
  "\n",
  "\r",
  "\u0000",
  "\ufeff",
  "ệ",
  "e\u0302\u0301",
  "Xã Mường Lèo",
];

const csvText = fc.oneof(
  fc.array(fc.constantFrom(...CSV_TOKENS), { maxLength: 80 }).map((t) => t.join("")),
  fc.string({ unit: "binary", maxLength: 400 }),
  // A header, then rows of tokens: deep enough to reach validation.
  fc
    .array(fc.array(fc.constantFrom(...CSV_TOKENS.slice(12, 33)), { minLength: 1, maxLength: 8 }), {
      maxLength: 12,
    })
    .map((rows) =>
      [
        "ma_don_vi,ky_bao_cao,mau_bieu,ma_chi_tieu,tu_so,mau_so,thuc_hien",
        ...rows.map((r) => r.join(",")),
      ].join("\r\n"),
    ),
);

/** Text as a Vietnamese office's CSV may be encoded. */
const encoded = fc
  .tuple(csvText, fc.constantFrom("utf-8", "utf-8-bom", "utf-16le", "utf-16le-nobom", "windows-1258"))
  .map(([text, e]) => {
    if (e === "windows-1258") {
      try {
        return encodeWindows1258(text);
      } catch {
        return encodeText(text, "utf-8");
      }
    }
    if (e === "utf-16le-nobom") return encodeText(text, "utf-16le").subarray(2);
    return encodeText(text, e as "utf-8" | "utf-8-bom" | "utf-16le");
  });

const sample = new Uint8Array(
  readFileSync(path.join(ROOT, "samples", "son-la", "bao-cao", "ktxh-xa_04240_2026.xlsx")),
);

/** Bytes of any kind: random, encoded CSV text, or a real submission damaged here and there. */
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  encoded,
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 })
    .map((edits) => {
      const b = sample.slice();
      for (const [at, v] of edits) b[at % b.length] = v;
      return b;
    }),
  fc.nat(sample.length).map((n) => sample.slice(0, n)),
);

function issueOk(i: Issue): boolean {
  return (
    typeof i.rule === "string" &&
    (i.severity === "error" || i.severity === "warning") &&
    i.message.trim() !== "" &&
    i.messageEn.trim() !== "" &&
    i.reason !== "internal" &&
    !i.messageEn.includes("unexpected error")
  );
}

function parsedOk(p: ParsedFile, file: string): boolean {
  return (
    p.file === file &&
    p.issues.every(issueOk) &&
    p.submissions.every((s) => s.metaIssues.every(issueOk) && typeof s.rejected === "boolean")
  );
}

describe("readers and parsers never throw, only return issues", () => {
  it("parseFile, on any bytes under any name", () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom(...NAMES), (bytes, file) =>
        parsedOk(parseFile({ path: file, bytes }), file),
      ),
      RUNS,
    );
  });

  it("readSourceFile, on any bytes under any name", () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom(...NAMES), (bytes, file) => {
        const r = readSourceFile(bytes, file);
        return r.ok ? Array.isArray(r.doc.sheets) : issueOk(r.issue) && r.issue.file === file;
      }),
      RUNS,
    );
  });

  it("readXlsx, on any bytes: a document or a reason, never an unexpected error", () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const r = readXlsx(bytes, "x.xlsx", { limits: { maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 21 } });
        return r.ok || (r.message.vi !== "" && !r.message.en.includes("unexpected error"));
      }),
      RUNS,
    );
  });

  it("readCsv and the CSV extractor, on any text in any encoding", () => {
    fc.assert(
      fc.property(encoded, (bytes) => {
        const doc = readCsv(bytes, "x.csv");
        const x = extractCsvBytes(bytes, "x.csv");
        return doc.sheets.length === 1 && x.issues.every(issueOk) && Array.isArray(x.submissions);
      }),
      RUNS,
    );
  });

  it("the whole engine, on whatever the CSV parser made of any text", () => {
    const template = findTemplate("ktxh-xa")!;
    const period = parsePeriod("2026")!;
    fc.assert(
      fc.property(fc.array(encoded, { minLength: 1, maxLength: 3 }), (files) => {
        const parsed = files.map((bytes, i) => parseFile({ path: `f${i}.csv`, bytes }));
        const run = consolidateParsed(parsed, { template, period });
        return reportJson(run.report).length > 0 && run.report.issues.every(issueOk);
      }),
      { numRuns: 60 },
    );
  });

  describe("the streamed CSV reader", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "chitieu-prop-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("on any text in any encoding, as the in-memory reader does", async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(encoded, async (bytes) => {
          const file = path.join(dir, `${n++}.csv`);
          writeFileSync(file, bytes);
          const streamed = await extractCsvStream(file, "x.csv");
          const held = extractCsvBytes(bytes, "x.csv");
          // Both readers agree on what the file holds and on what is wrong with it.
          return (
            streamed.issues.every(issueOk) &&
            JSON.stringify(streamed.issues) === JSON.stringify(held.issues) &&
            streamed.submissions.length === held.submissions.length
          );
        }),
        { numRuns: 60 },
      );
    });
  });
});
