import text from "../../data/dvhc-2025.csv";
import { Roster } from "../core/roster/roster";
import { rosterFromGrid } from "../core/roster/roster-grid";
import { csvTextToGrid } from "../io/csv-reader";

let cached: Roster | undefined;

/**
 * Vietnam's official list of units (2025): the nation, 34 provinces, 3,321 communes. A default
 * and a hint for names and codes, never a gate (data/README.md says where it comes from).
 */
export function officialUnits(): Roster {
  if (!cached) {
    const read = rosterFromGrid(csvTextToGrid(text, "dvhc-2025.csv", ","));
    if ("error" in read) throw new Error("The bundled list of units is damaged");
    cached = read.roster;
  }
  return cached;
}
