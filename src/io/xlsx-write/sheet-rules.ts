import type { ConditionalFormat, Link, Validation } from "../../core/layout/types";
import { clip } from "./sheet-data";
import type { StyleTable } from "./styles";
import { escapeAttr, escapeMarkup } from "./xml-escape";

/*
 * What a worksheet says about its cells beside their values: conditional formats, data validation
 * and hyperlinks, each an element of its own after `<sheetData>`.
 */

/* Excel's limits on a validation's messages: past them Excel declares the file damaged. */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;

/**
 * Rules sharing a range go in one `<conditionalFormatting>`, as Excel writes them. Priorities
 * follow the layout's order across the sheet, 1 first: where rules overlap, the earlier one wins.
 */
export function conditionalFormats(list: readonly ConditionalFormat[], styles: StyleTable): string {
  if (list.length === 0) return "";
  const byRange = new Map<string, string>();
  list.forEach((format, i) => {
    const priority = i + 1;
    let rule: string;
    if (format.kind === "textEquals") {
      const formula = `"${format.text.replace(/"/g, '""')}"`;
      rule =
        `<cfRule type="cellIs" dxfId="${styles.dxf(format.style)}" priority="${priority}" operator="equal">` +
        `<formula>${escapeMarkup(formula)}</formula></cfRule>`;
    } else {
      rule =
        `<cfRule type="iconSet" priority="${priority}"><iconSet iconSet="${escapeAttr(format.icons)}"${format.iconsOnly ? ' showValue="0"' : ""}${format.reverse ? ' reverse="1"' : ""}>` +
        `<cfvo type="num" val="0"/><cfvo type="num" val="${format.thresholds[0]}"/><cfvo type="num" val="${format.thresholds[1]}"/>` +
        "</iconSet></cfRule>";
    }
    byRange.set(format.range, (byRange.get(format.range) ?? "") + rule);
  });
  let xml = "";
  for (const [range, rules] of byRange)
    xml += `<conditionalFormatting sqref="${escapeAttr(range)}">${rules}</conditionalFormatting>`;
  return xml;
}

/** A cell or range reference, maybe on another sheet: a list's source rather than its items. */
const LIST_SOURCE =
  /^(?:(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/u;

function validationFormula(v: Validation, formula: string): string {
  const f = formula.replace(/^=/, "");
  // A list given as items ("Có,Không") is a string constant in the formula: in quotes, with any
  // quote inside doubled. One already quoted, or a reference to cells, is written as it is.
  if (v.type === "list" && !f.startsWith('"') && !LIST_SOURCE.test(f)) return `"${f.replace(/"/g, '""')}"`;
  return f;
}

/**
 * One `<dataValidation>` per area of a multi-area range: the layout's formula is relative to each
 * area's top-left cell, which is what Excel makes of it only when the area is the rule's whole sqref.
 */
export function dataValidations(list: readonly Validation[]): string {
  let count = 0;
  let xml = "";
  for (const v of list) {
    let attrs = ` type="${v.type}"`;
    if (v.operator && v.operator !== "between" && v.type !== "custom" && v.type !== "list")
      attrs += ` operator="${v.operator}"`;
    if (v.allowBlank) attrs += ' allowBlank="1"';
    if (v.prompt) attrs += ' showInputMessage="1"';
    attrs += ' showErrorMessage="1" errorStyle="stop"';
    attrs += ` errorTitle="${escapeAttr(clip(v.error.title, MAX_TITLE))}" error="${escapeAttr(clip(v.error.text, MAX_MESSAGE))}"`;
    if (v.prompt) {
      attrs += ` promptTitle="${escapeAttr(clip(v.prompt.title, MAX_TITLE))}" prompt="${escapeAttr(clip(v.prompt.text, MAX_MESSAGE))}"`;
    }
    let formulas = "";
    v.formulas.slice(0, 2).forEach((f, i) => {
      formulas += `<formula${i + 1}>${escapeMarkup(validationFormula(v, f))}</formula${i + 1}>`;
    });
    for (const area of v.range.split(/\s+/).filter(Boolean)) {
      count++;
      xml += `<dataValidation${attrs} sqref="${escapeAttr(area)}">${formulas}</dataValidation>`;
    }
  }
  return count === 0 ? "" : `<dataValidations count="${count}">${xml}</dataValidations>`;
}

/**
 * A link inside the workbook is a `location` alone. A link to a file is a relationship to the file
 * (TargetMode External), and the place inside it — after `#` — goes into `location`, as Excel
 * writes `other.xlsx#Sheet1!A1`.
 */
export function hyperlinks(
  links: readonly { ref: string; link: Link }[],
  /** The id of a new relationship to a file outside the workbook. */
  fileRel: (target: string) => string,
): string {
  let xml = "";
  for (const { ref, link } of links) {
    if (link.sheet) {
      const location = `'${link.sheet.replace(/'/g, "''")}'!${link.cell ?? "A1"}`;
      xml += `<hyperlink ref="${ref}" location="${escapeAttr(location)}"/>`;
    } else if (link.file) {
      const hash = link.file.indexOf("#");
      const path = hash < 0 ? link.file : link.file.slice(0, hash);
      const location = hash < 0 ? "" : link.file.slice(hash + 1);
      const locationAttr = location ? ` location="${escapeAttr(location)}"` : "";
      if (path === "") {
        xml += `<hyperlink ref="${ref}"${locationAttr}/>`;
        continue;
      }
      const id = fileRel(encodeURI(path.replace(/\\/g, "/")));
      xml += `<hyperlink ref="${ref}" r:id="${id}"${locationAttr}/>`;
    }
  }
  return xml ? `<hyperlinks>${xml}</hyperlinks>` : "";
}
