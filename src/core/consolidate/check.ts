import { getIndicator } from "../catalog/indicators";
import { summaryIndicatorCodes } from "../catalog/templates";
import { IssueList } from "../issues-fold";
import type { Report, ReportPerUnit, ReportUnit } from "../json-report/types";
import { addMissingIndicators } from "../submission/missing-rows";
import { validateRows } from "../submission/rows";
import { decideTemplate, wrongTemplate } from "./choose";
import type { ParsedFile } from "./types";

/**
 * Checks submissions on their own, each against the template it names (or the one its rows match):
 * what a commune's Kiểm tra button and `chitieu check` do before anything is consolidated. The result
 * has the report's shape, so the same readers serve both.
 */
export function checkSubmissions(files: ParsedFile[], locale: "vi" | "en"): Report {
  // Folded as they come, as in a consolidation (FORMATS.md §8).
  const issues = new IssueList();
  const units: ReportUnit[] = [];
  const perUnit: ReportPerUnit[] = [];
  const templates = new Set<string>();
  const periods = new Set<string>();
  for (const f of files) {
    issues.addAll(f.issues);
    for (const sub of f.submissions) {
      issues.addAll(sub.metaIssues);
      const unit = sub.meta.unit ?? "";
      const entry: ReportUnit = {
        code: unit,
        name: sub.meta.unitName,
        status: sub.rejected ? "rejected" : "ok",
        file: f.file,
      };
      if (sub.meta.reportDate) entry.reportDate = sub.meta.reportDate;
      units.push(entry);
      if (sub.rejected) continue;
      if (!sub.meta.template && sub.meta.templateText) {
        issues.push(wrongTemplate(sub, unit));
        entry.status = "rejected";
        continue;
      }
      const template = sub.meta.template ?? decideTemplate([{ ...f, submissions: [sub] }]);
      templates.add(template.id);
      if (sub.meta.period) periods.add(sub.meta.period.code);
      const rows =
        sub.pre && sub.pre.template === template.id && sub.pre.locale === locale
          ? sub.pre
          : validateRows(sub.raw, template, unit || undefined, locale);
      issues.addAll(rows.issues);
      addMissingIndicators(issues, rows.missing, sub.raw.headerAt, unit || undefined);
      for (const code of summaryIndicatorCodes(template)) {
        const fig = rows.figures.get(code);
        if (!fig || getIndicator(code).derived) continue;
        perUnit.push({
          unit,
          indicator: code,
          value: fig.value,
          numerator: fig.numerator,
          denominator: fig.denominator,
        });
      }
    }
  }
  return {
    format: "chitieu-report/1",
    template: templates.size === 1 ? [...templates][0]! : "",
    period: periods.size === 1 ? [...periods][0]! : "",
    scope: { code: "", name: "" },
    units,
    indicators: [],
    perUnit,
    groups: [],
    issues: issues.list(),
  };
}
