/*
 * Dates as a Vietnamese office writes them: day/month/year (15/12/2026). A browser's own date field
 * follows the browser's locale (mm/dd/yyyy in an English one) and turned a typed 15122026 into
 * another day, so the pane reads typed text itself and refuses what is not a calendar date.
 */

export type DateRead = { ok: true; iso: string; shown: string } | { ok: false };

const SEPARATED = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
/** Eight digits typed without separators, read as ddmmyyyy (15122026 is 15/12/2026). */
const PACKED = /^(\d{2})(\d{2})(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function dateOf(day: number, month: number, year: number): DateRead {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return { ok: false };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return { ok: false };
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}`, shown: `${pad(day)}/${pad(month)}/${year}` };
}

/** A typed date (dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, ddmmyyyy, or ISO yyyy-mm-dd), or not a date. */
export function readTypedDate(text: string): DateRead {
  const t = text.trim();
  const m = SEPARATED.exec(t) ?? PACKED.exec(t);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  const iso = ISO.exec(t);
  if (iso) return dateOf(Number(iso[3]), Number(iso[2]), Number(iso[1]));
  return { ok: false };
}

/** An ISO date (2026-12-15) as a Vietnamese office writes it (15/12/2026). */
export function shownDate(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
