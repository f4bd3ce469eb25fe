/*
 * Escaping for the few kinds of XML text the writer produces. Every string that comes from a
 * layout passes through one of these; the parts' fixed markup never does.
 */

/*
 * XML 1.0 cannot carry most C0 controls, nor U+FFFE/U+FFFF. Excel writes such characters in cell
 * text as `_xHHHH_`, and reads any `_xHHHH_` in text as an escape — so a literal `_x0041_` typed by
 * a user must have its underscore escaped too, or it would come back as "A".
 */
const NEEDS_TEXT_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
const TEXT_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(c: string): string {
  return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
}

function textChar(c: string): string {
  switch (c) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case "_":
      return "_x005F_";
    default:
      // \r included: XML parsers turn a raw CR into LF, Excel keeps it as _x000D_.
      return hex4(c);
  }
}

/** Cell text, shared strings and note text: markup escaped, unrepresentable characters as `_xHHHH_`. */
export function escapeText(s: string): string {
  return NEEDS_TEXT_ESCAPE.test(s) ? s.replace(TEXT_ESCAPE, textChar) : s;
}

/** Whether a `<t>` needs `xml:space="preserve"` for its text to come back with its outer spaces and breaks. */
export function needsPreserve(s: string): boolean {
  return /^\s|\s$|[\n\t]/.test(s);
}

/** `<t>` with the text escaped and spaces kept where they matter. */
export function tElement(s: string): string {
  return needsPreserve(s) ? `<t xml:space="preserve">${escapeText(s)}</t>` : `<t>${escapeText(s)}</t>`;
}

const NEEDS_ATTR_ESCAPE = /[&<>"\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ATTR_ESCAPE = /[&<>"\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function attrChar(c: string): string {
  switch (c) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case '"':
      return "&quot;";
    // Tabs and line breaks as references: a parser normalises raw ones in attributes to spaces.
    case "\t":
      return "&#9;";
    case "\n":
      return "&#10;";
    case "\r":
      return "&#13;";
    default:
      // A control character has no XML form at all; the replacement character keeps its place.
      return "\ufffd";
  }
}

/** An attribute value (to go between double quotes). */
export function escapeAttr(s: string): string {
  return NEEDS_ATTR_ESCAPE.test(s) ? s.replace(ATTR_ESCAPE, attrChar) : s;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const MARKUP = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const MARKUP_ALL = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text that Excel reads verbatim, with no `_xHHHH_` decoding (formulas, names, document
 * properties): the markup characters escaped, a character XML cannot carry replaced.
 */
export function escapeMarkup(s: string): string {
  return MARKUP.test(s)
    ? s.replace(MARKUP_ALL, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "\ufffd"))
    : s;
}
