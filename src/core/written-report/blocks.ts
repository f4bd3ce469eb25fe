import type { Block, Heading, Paragraph, TextRun } from "./types";

/* Small constructors for the body's blocks. */

export const text = (...runs: (TextRun | string)[]): Paragraph => ({
  kind: "paragraph",
  style: "text",
  runs: runs.map((r) => (typeof r === "string" ? { text: r } : r)),
});

/** A list item: `- …` (or `+ …` under another item), hung from its mark. */
export const item = (mark: "-" | "+", ...runs: (TextRun | string)[]): Paragraph => ({
  kind: "paragraph",
  style: "item",
  runs: [{ text: `${mark} ` }, ...runs.map((r) => (typeof r === "string" ? { text: r } : r))],
});

export const note = (...runs: (TextRun | string)[]): Paragraph => ({
  kind: "paragraph",
  style: "note",
  runs: runs.map((r) => (typeof r === "string" ? { text: r, italic: true } : r)),
});

export const heading = (level: Heading["level"], textValue: string): Heading => ({
  kind: "heading",
  level,
  text: textValue,
});

export const fill = (textValue: string): TextRun => ({ text: textValue, fill: true });

/** Names joined for a sentence, the list cut after `cap` with how many more there are. */
export function nameList(names: string[], cap: number, more: (n: number) => string): string {
  if (names.length <= cap) return names.join(", ");
  return `${names.slice(0, cap).join(", ")} ${more(names.length - cap)}`;
}

export type Blocks = Block[];
