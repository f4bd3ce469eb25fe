import { promises as fs, statSync } from "node:fs";
import * as path from "node:path";
import { CliError } from "./errors";

export interface FoundInput {
  /** The path as the report names it: relative to the folder argument, or as given. */
  path: string;
  absolute: string;
  size: number;
}

/**
 * Files read as submissions. Workbooks ChiTieu cannot read (.xls, .xlsb, .ods) are taken too, so
 * that a unit that sent one is told how to save it as .xlsx instead of being silently "missing".
 */
const SPREADSHEET = /\.(xlsx|xlsm|xlsb|xls|ods|csv)$/i;

/** Excel's lock files (`~$báo cáo.xlsx`) and hidden files are not submissions. */
function skipped(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

/** Files not to take, by absolute path, and by name so that most files need no path resolved. */
interface Excluded {
  paths: Set<string>;
  names: Set<string>;
}

async function walk(dir: string, rel: string, out: FoundInput[], exclude: Excluded): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (skipped(e.name)) continue;
    const abs = path.join(dir, e.name);
    const relPath = rel === "" ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) await walk(abs, relPath, out, exclude);
    else if (e.isFile() && SPREADSHEET.test(e.name) && !isExcluded(abs, e.name, exclude)) {
      // Synchronous: a national folder awaited 3,321 round trips to the thread pool one by one.
      const st = statSync(abs);
      out.push({ path: relPath, absolute: abs, size: st.size });
    }
  }
}

function isExcluded(abs: string, name: string, exclude: Excluded): boolean {
  return exclude.names.has(name) && exclude.paths.has(path.resolve(abs));
}

/**
 * Every submission file under the arguments, in a stable order. Other files are skipped, so are
 * the run's own outputs (a summary written into the folder it reads must not read itself next time).
 */
export async function collectInputs(args: string[], exclude: string[] = []): Promise<FoundInput[]> {
  const out: FoundInput[] = [];
  const excluded: Excluded = {
    paths: new Set(exclude.map((p) => path.resolve(p))),
    names: new Set(exclude.map((p) => path.basename(p))),
  };
  for (const arg of args) {
    const st = await fs.stat(arg).catch(() => undefined);
    if (!st) throw new CliError(`Không tìm thấy "${arg}"`, `"${arg}" does not exist`);
    if (st.isDirectory()) await walk(arg, "", out, excluded);
    else if (!skipped(path.basename(arg)))
      out.push({ path: arg.split(path.sep).join("/"), absolute: arg, size: st.size });
  }
  return out;
}
