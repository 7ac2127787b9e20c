// Writes output files all-or-nothing: a temp file beside the target, then one rename over it.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/**
 * Writes `data` to `path` so that a reader sees the old file or the whole new one, never a
 * half-written one. The temp file sits in the same folder (a rename across file systems is
 * not atomic), has a fresh random name opened exclusively (it can never clobber another
 * file), and is removed again if anything fails.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await replaceAtomically(path, (temp) => writeFile(temp, data, { flag: 'wx' }));
}

/**
 * Like writeFileAtomic, for output made as a stream: `write` writes the file into the stream it
 * is given and resolves once the stream has finished (a streaming .xlsx writer's commit).
 */
export async function writeStreamAtomic(
  path: string,
  write: (out: Writable) => Promise<void>,
): Promise<void> {
  await replaceAtomically(path, async (temp) => {
    // A plain file stream ('wx': never an existing file). A stream over a FileHandle that stays
    // open for the flush was tried: exceljs's writer then hung on a later FileHandle's close.
    const out = createWriteStream(temp, { flags: 'wx', highWaterMark: 1 << 20 });
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    // The stream may fail (a full disk) while `write` is still running: handled here, so the
    // rejection is never unhandled; it is awaited, and thrown, below.
    closed.catch(() => undefined);
    try {
      await write(out);
    } catch (error) {
      out.destroy();
      await closed.catch(() => undefined);
      throw error;
    }
    await closed;
  });
}

/** A fresh name beside `path` for the file being written. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** `fill` writes a temp file beside `path`; it is flushed to disk, then renamed over `path`. */
async function replaceAtomically(path: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const temp = tempPathFor(path);
  let renamed = false;
  try {
    await fill(temp);
    // Flush to disk before the rename makes the file visible under its real name.
    const handle = await open(temp, 'r+');
    try {
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
