import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { engine } from "../../src/taskpane/engine-wiring";
import { ROOT } from "../support/cli";

/*
 * The pane's engine offers the written report of a run (issue 18): dated by the latest signed
 * report used, lateness judged by the due date given, as the command line writes it.
 */

describe("the pane's engine", () => {
  it("gives the written report of the sample province, dated and judged as the command line does", async () => {
    const dir = path.join(ROOT, "samples", "son-la");
    const files = readdirSync(path.join(dir, "bao-cao")).sort();
    const parsed = files.map((f) =>
      engine.parseFile!({ path: f, bytes: readFileSync(path.join(dir, "bao-cao", f)) }, { locale: "vi" }),
    );
    const out = await engine.consolidateParsed!(await Promise.all(parsed), {
      roster: { path: "roster.csv", bytes: readFileSync(path.join(dir, "roster.csv")) },
      period: "2026",
      due: "2026-12-15",
      locale: "vi",
    });
    const w = out.writtenReport!("vi");
    expect(w.date).toBe("2026-12-22");
    expect(w.masthead.placeDate.map((r) => r.text).join("")).toBe("Sơn La, ngày 22 tháng 12 năm 2026");
    const body = w.body.flatMap((b) => (b.kind === "paragraph" ? [b.runs.map((r) => r.text).join("")] : []));
    expect(body).toContain("- Nộp muộn (1 đơn vị): Xã Tà Xùa (ký ngày 22/12/2026).");
    expect(out.writtenReport!("en").title).toBe("REPORT");
  });
});
