import { findTemplate, TEMPLATES } from "../../../src/core/catalog/templates";
import { templateWorkbook } from "../../../src/core/layout/template-layout";
import type { WorkbookLayout } from "../../../src/core/layout/types";
import { parsePeriod } from "../../../src/core/periods";
import { rosterFromGrid } from "../../../src/core/roster/roster-grid";
import { csvTextToGrid } from "../../../src/io/csv-reader";
import { officialUnits } from "../../../src/engine/official-units";
import { consolidateParsed, parseFile, readPlanFile, type InputFile } from "../../../src/engine/pipeline";
import { faultProvinceSpec, generateProvince, planCsv, sonLaTargets } from "../../../generator";
import { communeCsv, rng } from "../../support/random-commune";

/*
 * The layouts the writer is tested and measured on, built by the real layout functions: every
 * template, and summaries of a small province (every fault planted, so issues, links, groups and a
 * plan sheet), a 130-commune province and, for the benchmark, the whole country.
 */

const enc = new TextEncoder();

export function templateLayout(id: string, lang: "vi" | "en" = "vi"): WorkbookLayout {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no template ${id}`);
  return templateWorkbook({
    template,
    unit: { code: "04240", name: "Xã Mường Lèo" },
    period: parsePeriod("2026")!,
    lang,
  });
}

/** The province of Sơn La with every rule planted: issues with links, two groups, a plan. */
export async function smallProvinceLayout(): Promise<WorkbookLayout> {
  const generated = await generateProvince(faultProvinceSpec().spec);
  const read = rosterFromGrid(csvTextToGrid(generated.roster, "r.csv", ","));
  if ("error" in read) throw new Error(read.error.en);
  const plan = readPlanFile({ path: "plan.csv", bytes: enc.encode(planCsv(sonLaTargets())) });
  const run = consolidateParsed(
    generated.files.map((f) => parseFile({ path: f.path, bytes: f.bytes })),
    {
      template: findTemplate("ktxh-xa")!,
      period: parsePeriod("2026")!,
      roster: read.roster,
      due: "2026-12-15",
      plan,
    },
    { linkTo: (file) => `bao-cao/${file}` },
  );
  return run.workbook;
}

/**
 * The summary of the communes under `scope` in the official list (a province code, or `VN` for
 * the whole country), every commune reporting by CSV except every 25th (missing).
 */
export function officialSummaryLayout(scope: string): WorkbookLayout {
  const official = officialUnits();
  const inScope = new Set([scope, ...official.descendants(scope).map((u) => u.code)]);
  const units = official.units.filter((u) => inScope.has(u.code));
  const lines = units.map((u) =>
    [u.code, u.name, u.level, u.code === scope ? "" : u.parent, u.groups.join(";")].join(","),
  );
  const read = rosterFromGrid(
    csvTextToGrid(["ma_don_vi,ten_don_vi,cap,ma_cha,nhom", ...lines].join("\n"), "r.csv", ","),
  );
  if ("error" in read) throw new Error(read.error.en);
  const rand = rng(20261215);
  const files: InputFile[] = [];
  units
    .filter((u) => read.roster.childrenOf(u.code).length === 0)
    .forEach((u, i) => {
      if (i % 25 !== 24) files.push({ path: `${u.code}.csv`, bytes: enc.encode(communeCsv(u.code, rand)) });
    });
  const run = consolidateParsed(
    files.map((f) => parseFile(f)),
    {
      template: findTemplate("ktxh-xa")!,
      period: parsePeriod("2026")!,
      roster: read.roster,
      due: "2026-12-15",
    },
  );
  return run.workbook;
}
