import { unzipSync } from "fflate";
import { zip, type ZipEntry } from "../xlsx-write/zip-writer";

/*
 * docx stamps its package with the moment it is made: the core properties' created and modified
 * dates, and the zip entries' times. The report must be the same bytes for the same inputs, so the
 * package is opened again, those dates set to the report's own date, and the parts zipped by the
 * project's writer, which writes fixed dates.
 */

const STAMPS = /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g;

/** The package with every date the report's: `date` is ISO (`2026-12-22`). */
export function fixDates(docx: Uint8Array, date: string): Uint8Array {
  const parts = unzipSync(docx);
  const when = `${date}T00:00:00Z`;
  const core = parts["docProps/core.xml"];
  if (core) {
    const xml = new TextDecoder().decode(core).replace(STAMPS, `$1${when}$3`);
    parts["docProps/core.xml"] = new TextEncoder().encode(xml);
  }
  // [Content_Types].xml first, as Word writes it; the other parts in docx's own order.
  const names = Object.keys(parts).sort(
    (a, b) => Number(b === "[Content_Types].xml") - Number(a === "[Content_Types].xml"),
  );
  const entries: ZipEntry[] = names.map((name) => ({ name, data: parts[name] as Uint8Array, level: 6 }));
  return zip(entries, new Date(when));
}
