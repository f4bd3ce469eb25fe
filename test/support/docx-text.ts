import { unzipSync } from "fflate";

/*
 * The text a .docx holds, read from its parts as Word stores them: one line per paragraph (a table
 * cell's paragraphs too), the runs of a paragraph joined. Enough for tests to find words and figures
 * without another program.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e] as string);
}

export function partText(xml: string): string[] {
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] as string)).join(""),
    )
    .filter((line) => line.length > 0);
}

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files))
    if (name.endsWith(".xml")) out[name] = new TextDecoder().decode(data);
  return out;
}

/** The lines of the document's body. */
export function docxText(bytes: Uint8Array): string[] {
  return partText(docxParts(bytes)["word/document.xml"] ?? "");
}
