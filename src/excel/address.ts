import { a1, parseRange } from "../core/text";

/** A sheet name as Excel writes it in a reference: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** `'Chỉ tiêu'!$C$3` (or `=…`) → sheet and local address without `$`; sheet undefined when absent. */
export function splitAddress(ref: string): { sheet?: string; local: string } {
  const s = ref.trim().replace(/^=/, "");
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { local: s.replace(/\$/g, "") };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: s.slice(bang + 1).replace(/\$/g, "") };
}

/** `A1:C9` from 1-based bounds. */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const from = a1(top, left);
  const to = a1(bottom, right);
  return from === to ? from : `${from}:${to}`;
}

/** Bounds of a local address, or an error naming it (layouts are ours: a bad one is a bug). */
export function boundsOf(ref: string): { top: number; left: number; bottom: number; right: number } {
  const b = parseRange(ref.replace(/\$/g, ""));
  if (!b) throw new Error(`Not an A1 range: ${ref}`);
  return b;
}
