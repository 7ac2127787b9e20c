// Random access to a zip archive's bytes: held in memory (bytes already read, as tests give them),
// or read from an open file as the zip reader asks for them, so that memory never holds the input
// file whole (at 100,000 risks it is 58 MB, held to the end of the run).
import { closeSync, readSync } from 'node:fs';

export interface ArchiveBytes {
  readonly length: number;
  /** The bytes from `from` to `to` (within 0..length): a view or a copy, only ever read. */
  slice(from: number, to: number): Uint8Array;
  /** The bytes from `from` to `to` in pieces of at most `size`, read as they are asked for. */
  pieces(from: number, to: number, size: number): Iterable<Uint8Array>;
  /** Lets go of the file, if there is one; nothing may be read after. */
  close(): void;
}

export function bytesInMemory(bytes: Uint8Array): ArchiveBytes {
  return {
    length: bytes.length,
    slice: (from, to) => bytes.subarray(from, to),
    *pieces(from, to, size) {
      for (let at = from; at < to; at += size) yield bytes.subarray(at, Math.min(at + size, to));
    },
    close: () => undefined,
  };
}

/**
 * Bytes of a file open for reading, `length` long. Reads are synchronous: each is one system call
 * on a local file, and the zip reader needs the small ones (headers, the directory) to go on.
 */
export function bytesOfFile(fd: number, length: number): ArchiveBytes {
  let open = true;
  const read = (from: number, to: number): Uint8Array => {
    if (!open) throw new Error('the workbook file was closed before it was read');
    const bytes = Buffer.allocUnsafe(to - from);
    let done = 0;
    while (done < bytes.length) {
      const got = readSync(fd, bytes, done, bytes.length - done, from + done);
      // The file shrank while being read: what is missing reads as the end of the archive.
      if (got === 0) return bytes.subarray(0, done);
      done += got;
    }
    return bytes;
  };
  return {
    length,
    slice: read,
    *pieces(from, to, size) {
      for (let at = from; at < to; at += size) yield read(at, Math.min(at + size, to));
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
