import { muongLeoTargets } from "../src/core/catalog/seed-plans";
import type { HistoryEntry } from "../src/core/plan/history";
import { readHistory } from "../src/core/plan/history";
import type { PlanRow } from "../src/core/plan/read-plan";
import { rosterFromRows } from "../src/core/roster/roster";
import { consolidateParsed, parseFile } from "../src/engine/pipeline";
import { readSourceFile } from "../src/io/read-file";
import { writeLayoutXlsx } from "../src/io/xlsx-write";
import { generateProvince } from "./generate";
import { MUONG_LEO } from "./son-la-units";
import type { RosterEntry, TrueValue } from "./spec";

/*
 * Xã Mường Lèo followed year after year (samples/son-la/muong-leo): its 2025 summary (the plan's
 * starting point), its 2026 and 2027 summaries, made by the engine from its reports as a planner
 * would, and its 2028 report, to consolidate with those three as the history. The figures tell a
 * story a planner would recognise: poverty falls 3 points, then under 2 when the new standard
 * (2027) counts more households poor, then 3 again; four workers abroad over five years, none in
 * 2027. Illustrative (sample data), like the rest of samples/.
 */

const HOUSEHOLDS = 1480;
const POPULATION = 6720;
const WORKERS = 4100;
const VILLAGES = 13;

/** Mường Lèo's figures by year: 2026 is the sample province's (son-la.ts, muongLeo2026). */
export function muongLeoYear(year: 2025 | 2027 | 2028): Record<string, TrueValue> {
  const by = <T>(values: Record<2025 | 2027 | 2028, T>): T => values[year];
  return {
    THU_NS: { value: by({ 2025: 1985.2, 2027: 2160.3, 2028: 2235.8 }) },
    SL_LUONG_THUC: { value: by({ 2025: 1290.4, 2027: 1326.1, 2028: 1342.7 }) },
    DAN_GIA_SUC: { value: by({ 2025: 8000, 2027: 8371, 2028: 8440 }) },
    LD_DAO_TAO: { num: by({ 2025: 1435, 2027: 1640, 2028: 1722 }), den: WORKERS },
    XKLD: { value: by({ 2025: 0, 2027: 0, 2028: 2 }) },
    CHE_PHU_RUNG: { num: by({ 2025: 10180.2, 2027: 10262.1, 2028: 10275.6 }), den: 21480 },
    TRUONG_CHUAN: { num: by({ 2025: 2, 2027: 3, 2028: 4 }), den: 8 },
    // 2025: 43,04 % (the plan's baseline); 2027: 38,24 %; 2028: 35,14 %.
    HO_NGHEO: { num: by({ 2025: 637, 2027: 566, 2028: 520 }), den: HOUSEHOLDS },
    BHYT: { num: by({ 2025: 6518, 2027: 6612, 2028: 6655 }), den: POPULATION },
    NTM_TIEU_CHI: { value: by({ 2025: 5, 2027: 7, 2028: 7 }) },
    TTHC_SO_HOA: { num: by({ 2025: 490, 2027: 651, 2028: 688 }), den: 700 },
    DVC_TOAN_TRINH: { num: by({ 2025: 59, 2027: 83, 2028: 95 }), den: 118 },
    CHI_KHCN_CDS: { num: by({ 2025: 297.6, 2027: 446.4, 2028: 471.2 }), den: 24800 },
    THU_GOM_CTR: { num: by({ 2025: 181.1, 2027: 233.5, 2028: 257.6 }), den: 402.5 },
    NUOC_HVS: { num: by({ 2025: 5712, 2027: 6182, 2028: 6250 }), den: POPULATION },
    NHA_VH_CHUAN: { num: by({ 2025: 2, 2027: 3, 2028: 3 }), den: VILLAGES },
    ANTT_CO_QUAN: { num: by({ 2025: 11, 2027: 12, 2028: 12 }), den: 12 },
    ANTT_KDC: { num: by({ 2025: 11, 2027: 12, 2028: 12 }), den: VILLAGES },
    KMT_CO_QUAN: { num: by({ 2025: 11, 2027: 12, 2028: 12 }), den: 12 },
    KMT_KDC: { num: by({ 2025: 9, 2027: 10, 2028: 11 }), den: VILLAGES },
    GD_VAN_HOA: { num: by({ 2025: 1036, 2027: 1125, 2028: 1140 }), den: HOUSEHOLDS },
  };
}

/** Mường Lèo alone: the scope of its own summaries. */
const ROSTER: RosterEntry[] = [
  { code: MUONG_LEO, name: "Xã Mường Lèo", level: "xa", parent: "", groups: ["bien-gioi"] },
];

export const MUONG_LEO_ROSTER_CSV = `ma_don_vi,ten_don_vi,cap,ma_cha,nhom\n${MUONG_LEO},Xã Mường Lèo,xa,,bien-gioi\n`;

/** Mường Lèo's report for one year, as the template workbook filled in. */
async function report(year: number, values: Record<string, TrueValue>, marker: string): Promise<Uint8Array> {
  const path = `ktxh-xa_${MUONG_LEO}_${year}.xlsx`;
  const generated = await generateProvince({
    seed: 140_240 + year,
    template: "ktxh-xa",
    period: String(year),
    roster: ROSTER,
    values: { [MUONG_LEO]: values },
    files: [
      {
        path,
        form: { kind: "template" },
        submissions: [{ unit: MUONG_LEO, reportDate: `${year}-12-10`, note: marker }],
      },
    ],
    marker,
    stamp: `${year}-12-31T00:00:00Z`,
  });
  const file = generated.files.find((f) => f.path === path);
  if (!file) throw new Error(`no report for ${year}`);
  return file.bytes;
}

/** The summary the engine writes from one year's report, with the plan and the years before as history. */
function summary(year: number, bytes: Uint8Array, history: HistoryEntry[], marker: string): Uint8Array {
  const roster = rosterFromRows(ROSTER.map((r, i) => ({ ...r, groups: r.groups.join("|"), line: i + 2 })));
  const at = { file: "plan-muong-leo.csv" };
  const plan: PlanRow[] = year >= 2026 ? muongLeoTargets(MUONG_LEO).map((r) => ({ ...r, at })) : [];
  const parsed = parseFile({ path: `ktxh-xa_${MUONG_LEO}_${year}.xlsx`, bytes });
  const run = consolidateParsed([parsed], {
    roster,
    period: { kind: "year", code: String(year), startYear: year, endYear: year, startMonth: 1, endMonth: 12 },
    locale: "vi",
    plan: { rows: plan, issues: [] },
    ...(history.length > 0 ? { history: { entries: history, issues: [] } } : {}),
  });
  // Marked as sample data in the workbook's comments, like every other file of samples/.
  return writeLayoutXlsx(
    { ...run.workbook, description: marker },
    { date: new Date(Date.UTC(year, 11, 31)) },
  );
}

/** The history as the command reads it back from the summaries' bytes. */
function entriesOf(file: string, bytes: Uint8Array): HistoryEntry[] {
  const read = readSourceFile(bytes, file);
  if (!read.ok) throw new Error(`${file}: ${read.issue.messageEn}`);
  const h = readHistory(read.doc);
  if ("error" in h) throw new Error(`${file}: ${h.error.en}`);
  return h.entries;
}

/** Files under `muong-leo/`: the three summaries (ky-truoc/), the 2028 report (bao-cao/), the roster. */
export async function muongLeoHistoryFiles(
  year2026: Record<string, TrueValue>,
  marker: string,
): Promise<{ path: string; bytes: Uint8Array }[]> {
  const files: { path: string; bytes: Uint8Array }[] = [];
  const history: HistoryEntry[] = [];
  for (const year of [2025, 2026, 2027] as const) {
    const values = year === 2026 ? year2026 : muongLeoYear(year);
    const bytes = summary(year, await report(year, values, marker), history, marker);
    const path = `ky-truoc/tong-hop-muong-leo-${year}.xlsx`;
    files.push({ path, bytes });
    history.push(...entriesOf(path, bytes));
  }
  files.push({
    path: `bao-cao/ktxh-xa_${MUONG_LEO}_2028.xlsx`,
    bytes: await report(2028, muongLeoYear(2028), marker),
  });
  files.push({ path: "roster.csv", bytes: new TextEncoder().encode(MUONG_LEO_ROSTER_CSV) });
  return files;
}
