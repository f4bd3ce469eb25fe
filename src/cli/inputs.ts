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

/**
 * A set of files by absolute path, asked first by name: a folder of thousands of files then
 * resolves the path of only those few whose name matches.
 */
export class FileSet {
  private readonly paths: Set<string>;
  private readonly names: Set<string>;
  constructor(files: readonly string[]) {
    this.paths = new Set(files.map((f) => path.resolve(f)));
    this.names = new Set(files.map((f) => path.basename(f)));
  }

  has(file: string): boolean {
    return this.names.has(path.basename(file)) && this.paths.has(path.resolve(file));
  }
}

async function walk(dir: string, rel: string, out: FoundInput[], exclude: FileSet): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (skipped(e.name)) continue;
    const abs = path.join(dir, e.name);
    const relPath = rel === "" ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) await walk(abs, relPath, out, exclude);
    else if (e.isFile() && SPREADSHEET.test(e.name) && !exclude.has(abs)) {
      // Synchronous: a national folder awaited 3,321 round trips to the thread pool one by one.
      const st = statSync(abs);
      out.push({ path: relPath, absolute: abs, size: st.size });
    }
  }
}

/**
 * Every submission file under the arguments, in a stable order. Other files are skipped, so are
 * the run's own outputs (a summary written into the folder it reads must not read itself next time).
 */
export async function collectInputs(args: string[], exclude: string[] = []): Promise<FoundInput[]> {
  const out: FoundInput[] = [];
  /** The folder argument each input was found under; undefined for a file given as itself. */
  const folderOf: (string | undefined)[] = [];
  const excluded = new FileSet(exclude);
  for (const arg of args) {
    const st = await fs.stat(arg).catch(() => undefined);
    if (!st) throw new CliError(`Không tìm thấy "${arg}"`, `"${arg}" does not exist`);
    if (st.isDirectory()) await walk(arg, "", out, excluded);
    else if (!skipped(path.basename(arg))) out.push({ path: slashed(arg), absolute: arg, size: st.size });
    while (folderOf.length < out.length) folderOf.push(st.isDirectory() ? arg : undefined);
  }
  // One folder, or one file, can name no input twice; only several arguments can.
  return args.length > 1 ? distinctInputs(out, folderOf) : out;
}

function slashed(p: string): string {
  return p.split(path.sep).join("/");
}

/**
 * Each file once, each under a name of its own. A file reached through two arguments (`subs` and
 * `subs/a/xa.xlsx`) is read once, as first found: read twice it would be a second submission of its
 * unit. Two files found under the same path relative to two folders (`xa.xlsx` in both `subs/a` and
 * `subs/b`) are named with their folder as given (`subs/a/xa.xlsx`, `subs/b/xa.xlsx`): the issues,
 * the submission status and the links to the files must tell them apart.
 */
function distinctInputs(found: FoundInput[], folderOf: (string | undefined)[]): FoundInput[] {
  const seen = new Set<string>();
  const kept: FoundInput[] = [];
  const keptFolder: (string | undefined)[] = [];
  found.forEach((f, i) => {
    const abs = path.resolve(f.absolute);
    if (seen.has(abs)) return;
    seen.add(abs);
    kept.push(f);
    keptFolder.push(folderOf[i]);
  });
  // A name given its folder may meet another's (`p/xa.xlsx` found under a folder elsewhere):
  // again, until none is shared. Each input is renamed once at most, so this ends.
  for (let renamed = true; renamed;) {
    renamed = false;
    const count = new Map<string, number>();
    for (const f of kept) count.set(f.path, (count.get(f.path) ?? 0) + 1);
    kept.forEach((f, i) => {
      const folder = keptFolder[i];
      if (folder === undefined || count.get(f.path) === 1) return;
      kept[i] = { ...f, path: path.posix.join(slashed(folder), f.path) };
      keptFolder[i] = undefined;
      renamed = true;
    });
  }
  return kept;
}
