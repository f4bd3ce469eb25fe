import * as path from "node:path";
import { promises as fs } from "node:fs";
import { readTemplateTag, TEMPLATES, usualDue, type Template } from "../core/catalog/templates";
import { templateWorkbook } from "../core/layout/template-layout";
import type { Lang } from "../core/layout/template-text";
import { describePeriod, parsePeriod, type Period } from "../core/periods";
import type { Roster, RosterUnit } from "../core/roster/roster";
import { nearestUnits, suggestUnits } from "../core/roster/suggest";
import { officialUnits } from "../engine/official-units";
import { writeAllOrNothing } from "../io/node/files";
import { writeLayoutXlsxNode } from "../io/node/xlsx-write";
import { readDate } from "../core/submission/cell-reading";
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
  /** The unit's name, for one `--unit` (a code the official list lacks has none of its own). */
  name?: string | undefined;
  /** The deadline written on the form (`--due`), over the plan's usual one. */
  due?: string | undefined;
}

/** A warning the command prints on stderr, in Vietnamese and English; the workbooks are still written. */
export interface Warning {
  vi: string;
  en: string;
}

export interface TemplateResult {
  written: string[];
  warnings: Warning[];
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
  const tag = readTemplateTag(id);
  if (tag.kind === "known") return tag.template;
  if (tag.kind === "unknown-version") {
    const versions = tag.known.join(", ");
    throw new CliError(
      `Mẫu biểu ${tag.template.id} không có phiên bản "${tag.version}" (có: ${versions})`,
      `Template ${tag.template.id} has no version "${tag.version}" (known: ${versions})`,
    );
  }
  throw new CliError(
    `Không có mẫu biểu "${id}" (có: ${known})`,
    `Unknown template "${id}" (known: ${known})`,
  );
}

/** A `--due` date as ISO, or a usage error. */
export function resolveDue(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const d = readDate({ value: text });
  if (d.kind !== "date") {
    throw new CliError(
      `--due "${text}" không phải ngày (dạng 2026-12-15 hoặc 15/12/2026)`,
      `--due "${text}" is not a date (2026-12-15 or 15/12/2026)`,
    );
  }
  return d.iso;
}

export function resolvePeriod(text: string | undefined, template?: Template): Period {
  if (!text)
    throw new CliError("Thiếu --period (ví dụ 2026, 2026-Q3)", "Missing --period (e.g. 2026, 2026-Q3)");
  const p = parsePeriod(text);
  if (!p) {
    throw new CliError(
      `Kỳ báo cáo "${text}" không hợp lệ (ví dụ: 2026, 2026-H1, 2026-Q3, 2026-9M, Quý III/2026, 2026-2027)`,
      `Invalid period "${text}" (e.g. 2026, 2026-H1, 2026-Q3, 2026-9M, Quý III/2026, 2026-2027)`,
    );
  }
  // A phase (2026-2027) is every plan's review (sơ kết, tổng kết), whatever periods it reports by.
  if (template && p.kind !== "phase" && !template.periodKinds.includes(p.kind)) {
    const kinds = template.periodKinds.map((k) => PERIOD_KIND_VI[k] ?? k).join(", ");
    throw new CliError(
      `Mẫu ${template.id} báo cáo theo kỳ: ${kinds}; không có kỳ ${describePeriod(p)}`,
      `Template ${template.id} reports by ${template.periodKinds.join(", ")}; not for ${describePeriod(p, "en")}`,
    );
  }
  return p;
}

/**
 * A `--unit` code as a unit to write for. The official list is a default and a hint, never a gate
 * (FORMATS §7): a Front's member organisations, departments and test units are real units too. A
 * code it lacks is written all the same, with a warning naming the nearest codes; its name comes
 * from `--name`, else the roster, else stays empty.
 */
function unitByCode(
  code: string,
  name: string | undefined,
  roster: Roster | undefined,
  warnings: Warning[],
): RosterUnit {
  const official = officialUnits();
  const listed = official.get(code);
  const own = roster?.get(code);
  const unit: RosterUnit = {
    code,
    name: name ?? own?.name ?? listed?.name ?? "",
    level: own?.level ?? listed?.level ?? "",
    parent: own?.parent ?? listed?.parent ?? "",
    groups: [],
  };
  if (listed) return unit;
  // Units of the name given first (a code mistyped for a commune), then the nearest codes.
  const byName = name ? suggestUnits(official, "", name) : [];
  const near = [...byName, ...nearestUnits(official, code)].filter((u, i, all) => all.indexOf(u) === i);
  const hints = near
    .slice(0, 3)
    .map((u) => `${u.code} ${u.name}`)
    .join("; ");
  const named =
    name !== undefined
      ? { vi: `tên "${unit.name}" theo --name`, en: `named "${unit.name}" from --name` }
      : own
        ? {
            vi: `tên "${unit.name}" theo danh sách --roster`,
            en: `named "${unit.name}" from the --roster file`,
          }
        : { vi: "tên đơn vị để trống (cho --name TÊN)", en: "its name left empty (give --name NAME)" };
  warnings.push({
    vi: `cảnh báo: mã đơn vị "${code}" không có trong danh mục hành chính 2025 (mã gần nhất: ${hints}); vẫn tạo mẫu biểu cho mã này, ${named.vi}`,
    en: `warning: unit code "${code}" is not in the 2025 official list (nearest codes: ${hints}); the workbook is written for this code, ${named.en}`,
  });
  return unit;
}

async function resolveUnits(opts: TemplateOptions, warnings: Warning[]): Promise<RosterUnit[]> {
  const codes = opts.units
    .flatMap((u) => u.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  const name = opts.name?.trim().normalize("NFC");
  if (opts.name !== undefined && codes.length !== 1) {
    throw new CliError(
      "Tùy chọn --name đặt tên cho một đơn vị: hãy dùng cùng đúng một --unit",
      "The --name option names one unit: give it with exactly one --unit",
    );
  }
  const roster = opts.roster ? await readRosterFile(opts.roster) : undefined;
  const units: RosterUnit[] = codes.map((code) => unitByCode(code, name, roster, warnings));
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
  // With --unit the roster only names the units given; alone, it lists the units to write for.
  if (roster && codes.length === 0) units.push(...roster.leaves());
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

export async function templateCommand(opts: TemplateOptions): Promise<TemplateResult> {
  const template = resolveTemplate(opts.templateId);
  const period = resolvePeriod(opts.period, template);
  const lang: Lang = opts.lang === "en" ? "en" : "vi";
  const given = resolveDue(opts.due);
  const usual = usualDue(template, period);
  const due = given ? { date: given, usual: false } : usual ? { date: usual, usual: true } : undefined;
  if (opts.lang && opts.lang !== "vi" && opts.lang !== "en") {
    throw new CliError(
      `--lang chỉ nhận vi hoặc en, không phải "${opts.lang}"`,
      `--lang takes vi or en, not "${opts.lang}"`,
    );
  }
  if (!opts.out)
    throw new CliError("Thiếu --out (thư mục hoặc tệp .xlsx)", "Missing --out (a folder or an .xlsx file)");
  const warnings: Warning[] = [];
  const units = await resolveUnits(opts, warnings);
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
    const data = writeLayoutXlsxNode(
      templateWorkbook({ template, unit, period, lang, ...(due ? { due } : {}) }),
    );
    const target = single
      ? opts.out
      : path.join(opts.out, `${template.id}_${safeFilePart(unit.code)}_${period.code}.xlsx`);
    files.push({ path: target, data });
  }
  await writeAllOrNothing(files);
  return { written: files.map((f) => f.path), warnings };
}
