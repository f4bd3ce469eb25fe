import * as path from "node:path";
import { promises as fs } from "node:fs";
import { findTemplate, TEMPLATES, type Template } from "../core/catalog/templates";
import { templateWorkbook } from "../core/layout/template-layout";
import type { Lang } from "../core/layout/template-text";
import { describePeriod, parsePeriod, type Period } from "../core/periods";
import type { RosterUnit } from "../core/roster";
import { suggestUnits } from "../core/suggest";
import { officialUnits } from "../io/official-units";
import { writeAllOrNothing } from "../io/node/files";
import { writeLayoutXlsxNode } from "../io/node/xlsx-write";
import { CliError } from "./errors";
import { readRosterFile } from "./roster-file";

export interface TemplateOptions {
  templateId: string | undefined;
  period: string | undefined;
  units: string[];
  roster: string | undefined;
  province: string | undefined;
  out: string | undefined;
  lang: string | undefined;
}

const PERIOD_KIND_VI: Record<string, string> = {
  year: "năm",
  half: "6 tháng",
  quarter: "quý",
  "9m": "9 tháng",
  month: "tháng",
};

export function resolveTemplate(id: string | undefined): Template {
  const known = TEMPLATES.map((t) => t.id).join(", ");
  if (!id) throw new CliError(`Thiếu mã mẫu biểu (có: ${known})`, `Missing template id (known: ${known})`);
  const tpl = findTemplate(id);
  if (!tpl)
    throw new CliError(
      `Không có mẫu biểu "${id}" (có: ${known})`,
      `Unknown template "${id}" (known: ${known})`,
    );
  return tpl;
}

export function resolvePeriod(text: string | undefined, template?: Template): Period {
  if (!text)
    throw new CliError("Thiếu --period (ví dụ 2026, 2026-Q3)", "Missing --period (e.g. 2026, 2026-Q3)");
  const p = parsePeriod(text);
  if (!p || p.kind === "phase") {
    throw new CliError(
      `Kỳ báo cáo "${text}" không hợp lệ (ví dụ: 2026, 2026-H1, 2026-Q3, 2026-9M, Quý III/2026)`,
      `Invalid period "${text}" (e.g. 2026, 2026-H1, 2026-Q3, 2026-9M, Quý III/2026)`,
    );
  }
  if (template && !template.periodKinds.includes(p.kind as Template["periodKinds"][number])) {
    const kinds = template.periodKinds.map((k) => PERIOD_KIND_VI[k] ?? k).join(", ");
    throw new CliError(
      `Mẫu ${template.id} báo cáo theo kỳ: ${kinds}; không có kỳ ${describePeriod(p)}`,
      `Template ${template.id} reports by ${template.periodKinds.join(", ")}; not for ${describePeriod(p, "en")}`,
    );
  }
  return p;
}

function unitByCode(code: string): RosterUnit {
  const official = officialUnits();
  const found = official.get(code);
  if (found) return found;
  const hints = suggestUnits(official, code)
    .map((u) => `${u.code} ${u.name}`)
    .join("; ");
  const hintVi = hints ? ` Có phải: ${hints}?` : "";
  const hintEn = hints ? ` Did you mean: ${hints}?` : "";
  throw new CliError(
    `Mã đơn vị "${code}" không có trong danh mục hành chính 2025; đơn vị ngoài danh mục cần khai trong --roster.${hintVi}`,
    `Unit code "${code}" is not in the 2025 official list; units outside it go in a --roster file.${hintEn}`,
  );
}

async function resolveUnits(opts: TemplateOptions): Promise<RosterUnit[]> {
  const units: RosterUnit[] = [];
  for (const code of opts.units
    .flatMap((u) => u.split(","))
    .map((s) => s.trim())
    .filter(Boolean)) {
    units.push(unitByCode(code));
  }
  if (opts.province) {
    const official = officialUnits();
    const province = official.get(opts.province.trim());
    if (!province || province.level !== "tinh") {
      throw new CliError(
        `Không có tỉnh mã "${opts.province}" trong danh mục 2025`,
        `No province with code "${opts.province}" in the 2025 list`,
      );
    }
    units.push(...official.childrenOf(province.code));
  }
  if (opts.roster) {
    const roster = await readRosterFile(opts.roster);
    units.push(...roster.leaves());
  }
  if (units.length === 0) {
    throw new CliError(
      "Cần --unit MÃ (có thể nhiều lần) hoặc --roster TỆP",
      "Give --unit CODE (one or more) or --roster FILE",
    );
  }
  const seen = new Set<string>();
  return units.filter((u) => (seen.has(u.code) ? false : (seen.add(u.code), true)));
}

/** A file name that is safe on every system, from a unit code (codes come from user files). */
export function safeFilePart(s: string): string {
  return (
    s
      .replace(/[^\p{L}\p{N}._-]+/gu, "_")
      .replace(/^\.+/, "_")
      .slice(0, 80) || "_"
  );
}

export async function templateCommand(opts: TemplateOptions): Promise<string[]> {
  const template = resolveTemplate(opts.templateId);
  const period = resolvePeriod(opts.period, template);
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  if (opts.lang && opts.lang !== "vi" && opts.lang !== "en") {
    throw new CliError(
      `--lang chỉ nhận vi hoặc en, không phải "${opts.lang}"`,
      `--lang takes vi or en, not "${opts.lang}"`,
    );
  }
  if (!opts.out)
    throw new CliError("Thiếu --out (thư mục hoặc tệp .xlsx)", "Missing --out (a folder or an .xlsx file)");
  const units = await resolveUnits(opts);
  const single = /\.xlsx$/i.test(opts.out);
  if (single && units.length > 1) {
    throw new CliError(
      `--out ${opts.out} là một tệp, nhưng có ${units.length} đơn vị: hãy cho một thư mục`,
      `--out ${opts.out} is one file but there are ${units.length} units: give a folder`,
    );
  }
  if (!single) {
    const stat = await fs.stat(opts.out).catch(() => undefined);
    if (stat && !stat.isDirectory()) {
      throw new CliError(`--out ${opts.out} không phải thư mục`, `--out ${opts.out} is not a folder`);
    }
  }
  const files: { path: string; data: Uint8Array }[] = [];
  for (const unit of units) {
    const data = writeLayoutXlsxNode(templateWorkbook({ template, unit, period, lang }));
    const target = single
      ? opts.out
      : path.join(opts.out, `${template.id}_${safeFilePart(unit.code)}_${period.code}.xlsx`);
    files.push({ path: target, data });
  }
  await writeAllOrNothing(files);
  return files.map((f) => f.path);
}
