import { promises as fs } from "node:fs";
import * as path from "node:path";

interface Staged {
  tmp: string;
  target: string;
}

/** A name beside `target` for a file of this run: hidden, and marked with the process. */
function beside(target: string, kind: "tmp" | "bak"): string {
  const dir = path.dirname(path.resolve(target));
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.${kind}`);
}

/** A file's content: its bytes, text, or its bytes in pieces (written one after another). */
export type FileData = Uint8Array | string | Uint8Array[];

/** Text made in pieces, as UTF-8 in pieces of about 64 KB: never the whole text as one string. */
export function utf8Pieces(pieces: Iterable<string>): Uint8Array[] {
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  let batch = "";
  for (const p of pieces) {
    batch += p;
    if (batch.length >= 1 << 16) {
      out.push(encoder.encode(batch));
      batch = "";
    }
  }
  if (batch) out.push(encoder.encode(batch));
  return out;
}

async function stage(target: string, data: FileData): Promise<Staged> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = beside(target, "tmp");
  const staged = { tmp, target };
  try {
    await fs.writeFile(tmp, data);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  return staged;
}

/** A folder where a file is to go cannot be replaced: found before anything is renamed. */
async function refuseFolder(target: string): Promise<void> {
  const st = await fs.lstat(target).catch(() => undefined);
  if (st?.isDirectory()) {
    const e = new Error(`EISDIR: '${target}' is a folder, not a file`) as NodeJS.ErrnoException;
    e.code = "EISDIR";
    throw e;
  }
}

/** Keeps the file a target replaces, if there is one: a hard link, or a copy where links are not allowed. */
async function keep(target: string): Promise<string | undefined> {
  const st = await fs.lstat(target).catch(() => undefined);
  if (!st) return undefined;
  const backup = beside(target, "bak");
  try {
    await fs.link(target, backup);
  } catch {
    await fs.copyFile(target, backup);
  }
  return backup;
}

/**
 * Writes files whole or not at all: each into a temporary file beside its target, and only when
 * every one is written are they renamed into place, each over the file it replaces. If a rename
 * fails (the disk, a folder where a file should go, a file locked by Excel on Windows), the files
 * already renamed are put back as they were. A reader never sees half a workbook, and a failed run
 * leaves neither debris nor a mix of old and new outputs.
 */
export async function writeAllOrNothing(files: { path: string; data: FileData }[]): Promise<void> {
  const staged: Staged[] = [];
  const dropStaged = (): Promise<unknown> => Promise.all(staged.map((s) => fs.rm(s.tmp, { force: true })));
  try {
    for (const f of files) staged.push(await stage(f.path, f.data));
    for (const s of staged) await refuseFolder(s.target);
  } catch (e) {
    await dropStaged();
    throw e;
  }
  const replaced: { target: string; backup: string | undefined }[] = [];
  try {
    for (const s of staged) {
      replaced.push({ target: s.target, backup: await keep(s.target) });
      await fs.rename(s.tmp, s.target);
    }
  } catch (e) {
    for (const r of replaced.reverse()) {
      if (r.backup) {
        await fs.rename(r.backup, r.target).catch(() => undefined);
        // Where the target was never replaced, the backup is a link to that same file, and renaming
        // one link onto the other does nothing: the backup is left to remove.
        await fs.rm(r.backup, { force: true }).catch(() => undefined);
      } else await fs.rm(r.target, { force: true }).catch(() => undefined);
    }
    await dropStaged();
    throw e;
  }
  await Promise.all(replaced.flatMap((r) => (r.backup ? [fs.rm(r.backup, { force: true })] : [])));
}

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await writeAllOrNothing([{ path: target, data }]);
}
