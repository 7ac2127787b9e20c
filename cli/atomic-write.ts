// Writes output files all-or-nothing: a temp file beside the target, then one rename over it.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` so that a reader sees the old file or the whole new one, never a
 * half-written one. The temp file sits in the same folder (a rename across file systems is
 * not atomic), has a fresh random name opened exclusively (it can never clobber another
 * file), and is removed again if anything fails.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  let renamed = false;
  try {
    try {
      await handle.writeFile(data);
      // Flush to disk before the rename makes the file visible under its real name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}
