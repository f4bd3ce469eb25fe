import { promises as fs } from "node:fs";
import type { Roster } from "../core/roster/roster";
import { rosterFromGrid } from "../core/roster/roster-grid";
import { readCsv } from "../io/csv-reader";
import { CliError } from "./errors";

/** Reads a roster CSV (FORMATS.md §5); a file that is not one stops the command with a clear line. */
export async function readRosterFile(file: string): Promise<Roster> {
  const bytes = await fs.readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(
      `Không đọc được danh sách đơn vị ${file}: ${e.code ?? e.message}`,
      `Cannot read roster ${file}: ${e.code ?? e.message}`,
    );
  });
  const doc = readCsv(new Uint8Array(bytes), file);
  const grid = doc.sheets[0];
  const read = grid ? rosterFromGrid(grid) : { error: { vi: "tệp rỗng", en: "empty file" } };
  if ("error" in read) {
    throw new CliError(`Danh sách đơn vị ${file}: ${read.error.vi}`, `Roster ${file}: ${read.error.en}`);
  }
  if (read.roster.units.length === 0) {
    throw new CliError(`Danh sách đơn vị ${file} không có đơn vị nào`, `Roster ${file} lists no units`);
  }
  return read.roster;
}
