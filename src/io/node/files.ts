import { promises as fs } from "node:fs";
import * as path from "node:path";

interface Staged {
  tmp: string;
  target: string;
}

async function stage(target: string, data: Uint8Array | string): Promise<Staged> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  await fs.writeFile(tmp, data);
  return { tmp, target };
}

/**
 * Writes files whole or not at all: each into a temporary file beside its target, and only when
 * every one is written are they renamed into place. A reader never sees half a workbook, and a
 * failed run leaves neither debris nor a mix of old and new outputs.
 */
export async function writeAllOrNothing(files: { path: string; data: Uint8Array | string }[]): Promise<void> {
  const staged: Staged[] = [];
  try {
    for (const f of files) staged.push(await stage(f.path, f.data));
  } catch (e) {
    await Promise.all(staged.map((s) => fs.rm(s.tmp, { force: true })));
    throw e;
  }
  for (const s of staged) await fs.rename(s.tmp, s.target);
}

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await writeAllOrNothing([{ path: target, data }]);
}
