import { checkSubmissions } from "../core/consolidate/check";
import { countIssues } from "../core/issues-fold";
import { describeOrigin } from "../core/issues";
import { reportJsonPieces } from "../core/json-report/build";
import type { Report } from "../core/json-report/types";
import { utf8Pieces, writeAllOrNothing } from "../io/node/files";
import { resolveLocale } from "./consolidate-command";
import { CliError } from "./errors";
import { collectInputs } from "./inputs";
import { parseAll } from "./parse-parallel";

export interface CheckArgs {
  inputs: string[];
  json?: string;
  locale?: string;
}

/** Checks submissions alone; prints every issue with its place and writes the JSON if asked. */
export async function checkCommand(a: CheckArgs): Promise<{ report: Report; lines: string[] }> {
  if (a.inputs.length === 0)
    throw new CliError("Cần ít nhất một tệp để kiểm tra", "Give at least one file to check");
  const inputs = await collectInputs(a.inputs, a.json ? [a.json] : []);
  const locale = resolveLocale(a.locale);
  const parsed = await parseAll(inputs, () => {}, { locale });
  const report = checkSubmissions(parsed, locale);
  if (a.json) await writeAllOrNothing([{ path: a.json, data: utf8Pieces(reportJsonPieces(report)) }]);
  const lines = report.issues.map(
    (i) =>
      `${i.severity === "error" ? "LỖI     " : "CẢNH BÁO"} ${describeOrigin(i)}${i.unit ? ` [${i.unit}]` : ""}: ${i.message}`,
  );
  const { errors, warnings } = countIssues(report.issues);
  lines.push(
    `${inputs.length} tệp, ${report.units.length} báo cáo: ${errors} lỗi, ${warnings} cảnh báo / ${inputs.length} file(s), ${report.units.length} report(s): ${errors} error(s), ${warnings} warning(s)`,
  );
  return { report, lines };
}
