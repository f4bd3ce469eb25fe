import { FONT_NAME, FONT_SIZE, STYLES, type StyleSpec } from "../../core/layout/styles";
import type { StyleName } from "../../core/layout/types";
import { escapeAttr, NS_MAIN, XML_DECLARATION } from "./xml-escape";

/*
 * styles.xml: the named styles of the layout model turned into fonts, fills, borders and one
 * cellXfs entry per (style, number format, unlocked) combination. A combination is worked out the
 * first time a cell uses it; every later cell with it costs two map look-ups.
 */

/*
 * Formats Excel knows by id and shows the same in every locale. Ids 14–22 are built in too, but
 * Excel displays them in the reader's regional format, so a layout's `mm-dd-yy` would not stay
 * `mm-dd-yy`: those are written as custom formats like any other.
 */
const BUILTIN_FORMATS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["0.00E+00", 11],
  ["# ?/?", 12],
  ["# ??/??", 13],
  ["@", 49],
]);

/** Custom number formats start here (ECMA-376 Part 1, 18.8.30: ids below 164 are reserved). */
const FIRST_CUSTOM_FORMAT = 164;

const BORDER_COLOR = "FFBFBFBF";

/** Conditional formats only draw these (STYLES' colours for the traffic-light styles). */
export type DxfStyle = "good" | "warn" | "bad";

/** Cells with no named style still get the layout's font, as the ExcelJS renderer gives them. */
const PLAIN: StyleSpec = {};

export class StyleTable {
  private readonly fonts: string[] = [
    // The Normal style: Calibri 11 from the theme, as Excel's own. Column widths are measured in
    // its digit width, so changing it would change every width the layouts give.
    '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  ];
  private readonly fills: string[] = [
    // The two fills every styles part starts with; Excel reserves ids 0 and 1 for them.
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders: string[] = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly dxfs: string[] = [];
  private readonly customFormats: string[] = [];

  private readonly fontIds = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private readonly borderIds = new Map<string, number>();
  private readonly formatIds = new Map<string, number>(BUILTIN_FORMATS);
  private readonly dxfIds = new Map<DxfStyle, number>();
  /** style name ("" for none) → number format ("" for none) → [locked xf, unlocked xf]. */
  private readonly xfIds = new Map<string, Map<string, [number, number]>>();

  /** The cellXfs index of a cell's look. */
  xf(style: StyleName | undefined, numFmt: string | undefined, unlocked: boolean | undefined): number {
    const styleKey = style ?? "";
    let byFormat = this.xfIds.get(styleKey);
    if (!byFormat) {
      byFormat = new Map();
      this.xfIds.set(styleKey, byFormat);
    }
    const formatKey = numFmt ?? "";
    let pair = byFormat.get(formatKey);
    if (!pair) {
      pair = [-1, -1];
      byFormat.set(formatKey, pair);
    }
    const slot = unlocked ? 1 : 0;
    let id = pair[slot] as number;
    if (id < 0) {
      id = this.addXf(style ? STYLES[style] : PLAIN, formatKey, slot === 1);
      pair[slot] = id;
    }
    return id;
  }

  /** The dxfs index of a conditional format's look: the style's font colour and fill. */
  dxf(style: DxfStyle): number {
    let id = this.dxfIds.get(style);
    if (id === undefined) {
      const spec = STYLES[style];
      id = this.dxfs.length;
      this.dxfs.push(
        `<dxf><font><color rgb="FF${spec.color ?? "000000"}"/></font>` +
          `<fill><patternFill patternType="solid"><bgColor rgb="FF${spec.fill ?? "FFFFFF"}"/></patternFill></fill></dxf>`,
      );
      this.dxfIds.set(style, id);
    }
    return id;
  }

  private addXf(spec: StyleSpec, numFmt: string, unlocked: boolean): number {
    const numFmtId = numFmt === "" ? 0 : this.formatId(numFmt);
    const fontId = this.fontId(spec);
    const fillId = spec.fill ? this.fillId(spec.fill) : 0;
    const borderId = spec.border ? this.borderId() : 0;
    let alignment = "";
    if (spec.hAlign) alignment += ` horizontal="${spec.hAlign}"`;
    if (spec.vAlign) alignment += ` vertical="${spec.vAlign === "middle" ? "center" : spec.vAlign}"`;
    if (spec.wrap) alignment += ' wrapText="1"';
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId !== 0) xf += ' applyNumberFormat="1"';
    xf += ' applyFont="1"';
    if (fillId !== 0) xf += ' applyFill="1"';
    if (borderId !== 0) xf += ' applyBorder="1"';
    if (alignment) xf += ' applyAlignment="1"';
    if (unlocked) xf += ' applyProtection="1"';
    if (!alignment && !unlocked) xf += "/>";
    else {
      xf += ">";
      if (alignment) xf += `<alignment${alignment}/>`;
      if (unlocked) xf += '<protection locked="0"/>';
      xf += "</xf>";
    }
    this.xfs.push(xf);
    return this.xfs.length - 1;
  }

  private formatId(code: string): number {
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.customFormats.length;
      this.customFormats.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
      this.formatIds.set(code, id);
    }
    return id;
  }

  private fontId(spec: StyleSpec): number {
    // Excel's order inside <font>: b, i, u, sz, color, name, family.
    let font = "<font>";
    if (spec.bold) font += "<b/>";
    if (spec.italic) font += "<i/>";
    if (spec.underline) font += "<u/>";
    font += `<sz val="${spec.size ?? FONT_SIZE}"/>`;
    if (spec.color) font += `<color rgb="FF${spec.color}"/>`;
    font += `<name val="${escapeAttr(FONT_NAME)}"/><family val="1"/></font>`;
    return intern(font, this.fonts, this.fontIds);
  }

  private fillId(color: string): number {
    const fill = `<fill><patternFill patternType="solid"><fgColor rgb="FF${color}"/><bgColor indexed="64"/></patternFill></fill>`;
    return intern(fill, this.fills, this.fillIds);
  }

  private borderId(): number {
    const side = (name: string): string => `<${name} style="thin"><color rgb="${BORDER_COLOR}"/></${name}>`;
    const border = `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;
    return intern(border, this.borders, this.borderIds);
  }

  /** The styles part, in CT_Stylesheet's order. */
  toXml(): string {
    let xml = `${XML_DECLARATION}<styleSheet xmlns="${NS_MAIN}">`;
    if (this.customFormats.length > 0)
      xml += `<numFmts count="${this.customFormats.length}">${this.customFormats.join("")}</numFmts>`;
    xml += `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>`;
    xml += `<fills count="${this.fills.length}">${this.fills.join("")}</fills>`;
    xml += `<borders count="${this.borders.length}">${this.borders.join("")}</borders>`;
    xml += '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>';
    xml += `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>`;
    xml += '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';
    xml += `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>`;
    xml +=
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>';
    return xml + "</styleSheet>";
  }
}

function intern(xml: string, list: string[], ids: Map<string, number>): number {
  let id = ids.get(xml);
  if (id === undefined) {
    id = list.length;
    list.push(xml);
    ids.set(xml, id);
  }
  return id;
}
