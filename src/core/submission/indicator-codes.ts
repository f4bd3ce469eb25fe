import type { Template } from "../catalog/templates";
import { requiredIndicatorCodes, templateIndicatorCodes } from "../catalog/templates";
import type { Indicator } from "../catalog/types";
import { editDistance } from "../roster/suggest";
import { issue, m, type RowContext } from "./row-context";
import type { RawRow } from "./types";

/* Which codes a template takes, and what to say of a row whose code it does not. */

export interface TemplateCodes {
  list: string[];
  allowed: Set<string>;
  requiredCodes: string[];
  requiredSet: Set<string>;
  /** A summary's derived rows (twinned pairs ÷ planned) are made again from their parts, never read. */
  derived: Set<string>;
}

/** Made once per template, not once per submission: a national run validates thousands. */
const CODES = new WeakMap<Template, TemplateCodes>();

export function codesOf(template: Template): TemplateCodes {
  let c = CODES.get(template);
  if (!c) {
    const requiredCodes = requiredIndicatorCodes(template);
    const list = templateIndicatorCodes(template);
    c = {
      list,
      allowed: new Set(list),
      requiredCodes,
      requiredSet: new Set(requiredCodes),
      derived: new Set(template.derived ?? []),
    };
    CODES.set(template, c);
  }
  return c;
}

export function unknownIndicator(
  ctx: RowContext,
  row: RawRow,
  template: Template,
  ind: Indicator | undefined,
  codes: readonly string[],
): void {
  if (ind) {
    issue(
      ctx,
      "error",
      "unknown-indicator",
      m(
        `Chỉ tiêu ${row.code} không thuộc mẫu ${template.id}: không được tổng hợp`,
        `Indicator ${row.code} is not part of template ${template.id}: not used`,
      ),
      row.codeAt,
      row.code,
    );
    return;
  }
  const near = nearestCode(codes, row.code.toUpperCase());
  issue(
    ctx,
    "error",
    "unknown-indicator",
    m(
      `Mã chỉ tiêu "${row.code}" không có trong danh mục${near ? ` (có phải ${near.code}?)` : ""}: không được tổng hợp`,
      `Indicator code "${row.code}" is not in the catalog${near ? ` (did you mean ${near.code}?)` : ""}: not used`,
    ),
    row.codeAt,
    row.code,
  );
}

/** The template's code nearest to a mistyped one, within 3 edits (the first of the nearest). */
function nearestCode(codes: readonly string[], code: string): { code: string; distance: number } | undefined {
  let best: { code: string; distance: number } | undefined;
  for (const candidate of codes) {
    // The distance is at least the difference in length: most codes need no measuring.
    if (Math.abs(candidate.length - code.length) > Math.min(3, best ? best.distance - 1 : 3)) continue;
    const distance = editDistance(candidate, code);
    if (distance <= 3 && (!best || distance < best.distance)) best = { code: candidate, distance };
  }
  return best;
}
