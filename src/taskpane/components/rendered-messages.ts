import type { RenderResult } from "../../excel/render-layout";
import type { Strings } from "../strings";
import type { Message } from "./Notice";

/**
 * What the pane says after drawing a layout into the workbook: where it went, what was kept beside
 * a sheet of the user's, and what this Excel could not draw.
 */
export function renderedMessages(
  result: RenderResult,
  t: Strings,
  inserted: (sheets: string) => string = t.template.inserted,
): Message[] {
  const out: Message[] = [
    { intent: "success", text: inserted(result.sheets.map((s) => `"${s.name}"`).join(", ")) },
  ];
  if (result.sheets.some((s) => s.replaced)) out.push({ intent: "info", text: t.template.replaced });
  const beside = result.sheets.find((s) => s.name !== s.layout && !s.replaced);
  if (beside) out.push({ intent: "info", text: t.template.beside(beside.name) });
  if (result.skipped.length > 0) {
    const list = result.skipped
      .map((f) => `${t.lang === "vi" ? f.vi : f.en} (${t.features.version(f.version)})`)
      .join("; ");
    out.push({ intent: "warning", text: t.template.skipped(list) });
  }
  for (const w of result.warnings) out.push({ intent: "warning", text: t.lang === "vi" ? w.vi : w.en });
  return out;
}
