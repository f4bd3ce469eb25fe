import type { RenderResult } from "../../excel/render-layout";
import type { Strings } from "../strings";
import { bilingual, said, type Message } from "./Notice";

/**
 * What the pane says after drawing a layout into the workbook: where it went, what was kept beside
 * a sheet of the user's, and what this Excel could not draw.
 */
export function renderedMessages(
  result: RenderResult,
  inserted: (t: Strings) => (sheets: string) => string = (t) => t.template.inserted,
): Message[] {
  const sheets = result.sheets.map((s) => `"${s.name}"`).join(", ");
  const out: Message[] = [said("success", (t) => inserted(t)(sheets))];
  if (result.sheets.some((s) => s.replaced)) out.push(said("info", (t) => t.template.replaced));
  const beside = result.sheets.find((s) => s.name !== s.layout && !s.replaced);
  if (beside) out.push(said("info", (t) => t.template.beside(beside.name)));
  if (result.skipped.length > 0) {
    const list = (t: Strings): string =>
      result.skipped
        .map((f) => `${t.lang === "vi" ? f.vi : f.en} (${t.features.version(f.version)})`)
        .join("; ");
    out.push(said("warning", (t) => t.template.skipped(list(t))));
  }
  for (const w of result.warnings) out.push(bilingual("warning", w));
  return out;
}
