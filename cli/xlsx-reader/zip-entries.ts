// Lists a zip archive's entries from its central directory and inflates one entry on demand,
// whole (the small parts) or in chunks (worksheets, shared strings), refusing decompression bombs.
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { bytesInMemory, type ArchiveBytes } from './archive-bytes.ts';
import { XlsxFormatError } from './xlsx-format-error.ts';

/*
 * Why not fflate: it inflates in JavaScript. On a 10,000-risk register (20 MB of sheet XML)
 * Node's native zlib took 11 ms against fflate's 40-100 ms, and an index of the central directory
 * is ~80 lines. Only the entries the reader asks for are inflated, one at a time; the big ones
 * in chunks of at most STREAM_CHUNK bytes, so memory never holds a whole worksheet.
 */

/**
 * Output chunk of a streamed part; a part smaller than this inflates into one buffer of its own
 * size. Below the C library's 128 KB threshold for mapping fresh memory: 4 MB chunks, each a fresh
 * mapping, spent more time in page faults than in inflating (about 0.1 s of a 10,000-risk read).
 */
export const STREAM_CHUNK = 64 * 1024;

/** Records (the directory, local headers) are read a window of this many bytes at a time. */
const WINDOW = 64 * 1024;
/** Compressed bytes of a streamed part are read in pieces of this many bytes (under glibc's mmap threshold). */
const COMPRESSED_PIECE = 96 * 1024;

/**
 * Decompression-bomb limits, checked against the sizes the central directory declares before
 * anything is inflated (and against what inflating really gives, since a declaration can lie).
 * Real parts compress 5-30 times (a sheet formatted to row 1,048,576 in 22 columns: about 10);
 * deflate cannot beat about 1,030 times, which is what a bomb aims for. A big part that
 * compressed beyond MAX_RATIO, or any part beyond MAX_PART_BYTES, is refused.
 */
export const MAX_PART_BYTES = 2 * 1024 * 1024 * 1024;
export const MAX_RATIO = 200;
/** Below this declared size the ratio is not checked: a small part cannot hurt, whatever it holds. */
export const RATIO_CHECKED_FROM = 32 * 1024 * 1024;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

function damaged(why: string): XlsxFormatError {
  return new XlsxFormatError(`the zip archive is damaged or truncated (${why}).`);
}

/** Part names as OPC means them: forward slashes, no leading slash. */
export function normalisePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

/** A read-only view of a zip archive: entry names up front, contents when asked. */
export class ZipEntries {
  private readonly byName = new Map<string, Entry>();
  /** OPC part names are case-insensitive; writers differ (`[Content_Types].xml`, `xl/SharedStrings.xml`). */
  private readonly byLowerName = new Map<string, Entry>();
  /** The bytes the records are read from: the directory and headers are read a window at a time. */
  private window: { from: number; bytes: Uint8Array; view: DataView } = {
    from: 0,
    bytes: new Uint8Array(0),
    view: new DataView(new ArrayBuffer(0)),
  };

  /** `source`: the archive in memory (a Uint8Array) or read from a file as needed (archive-bytes.ts). */
  constructor(source: Uint8Array | ArchiveBytes) {
    this.source = source instanceof Uint8Array ? bytesInMemory(source) : source;
    for (const entry of this.readCentralDirectory()) {
      this.byName.set(entry.name, entry);
      if (!this.byLowerName.has(entry.name.toLowerCase()))
        this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  private readonly source: ArchiveBytes;

  /** Lets go of the file the archive is read from, if any; nothing may be read after. */
  close(): void {
    this.source.close();
  }

  get names(): readonly string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /**
   * The entry's bytes, inflated into one buffer of its declared size; undefined when the archive
   * has no such entry. For the small parts (workbook, relationships, styles): the big ones go
   * through `chunks`.
   */
  read(name: string): Uint8Array | undefined {
    const entry = this.find(name);
    return entry && this.inflate(entry);
  }

  /** The declared (inflated) size of an entry, undefined when there is none. */
  sizeOf(name: string): number | undefined {
    return this.find(name)?.size;
  }

  /**
   * The entry's bytes inflated in chunks of at most `chunkSize` bytes, in order (undefined when
   * there is no such entry). Inflating runs on libuv's thread pool while the caller scans the
   * previous chunk. Stops with an XlsxFormatError when the entry inflates to more than it declared.
   */
  chunks(name: string, chunkSize = STREAM_CHUNK): AsyncIterable<Uint8Array> | undefined {
    const entry = this.find(name);
    if (!entry) return undefined;
    const { start, end } = this.compressed(entry);
    if (entry.method === 0) return storedChunks(this.source.pieces(start, end, chunkSize));
    return inflatedChunks(entry, this.source.pieces(start, end, COMPRESSED_PIECE), chunkSize);
  }

  private find(name: string): Entry | undefined {
    const part = normalisePartName(name);
    return this.byName.get(part) ?? this.byLowerName.get(part.toLowerCase());
  }

  /** The window's offset for `length` bytes at `at`, moving the window there when they are outside it. */
  private at(at: number, length: number): number {
    if (at < 0 || at + length > this.source.length) throw damaged('a record runs past the end of the file');
    const { window } = this;
    if (at < window.from || at + length > window.from + window.bytes.length) this.load(at, WINDOW);
    return at - this.window.from;
  }

  private load(from: number, length: number): void {
    const bytes = this.source.slice(from, Math.min(this.source.length, from + length));
    this.window = { from, bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }

  // Each finds the offset first: `at` may move the window, and with it the view to read.
  private u16(at: number): number {
    const offset = this.at(at, 2);
    return this.window.view.getUint16(offset, true);
  }

  private u32(at: number): number {
    const offset = this.at(at, 4);
    return this.window.view.getUint32(offset, true);
  }

  private u64(at: number): number {
    const offset = this.at(at, 8);
    return Number(this.window.view.getBigUint64(offset, true));
  }

  /** `length` bytes at `at`. */
  private range(at: number, length: number): Uint8Array {
    const offset = this.at(at, length);
    return this.window.bytes.subarray(offset, offset + length);
  }

  /** The end-of-central-directory record sits in the last 22 bytes plus an optional comment. */
  private findEndRecord(): number {
    const last = this.source.length - 22;
    if (last < 0) throw damaged('no end-of-central-directory record');
    // The end record and the longest comment, read at once.
    this.load(Math.max(0, last - MAX_COMMENT), MAX_COMMENT + 22);
    for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
      if (this.u32(at) === EOCD) return at;
    }
    throw damaged('no end-of-central-directory record');
  }

  /** Where the central directory starts and how many entries it has, zip64 or not. */
  private directoryBounds(): { offset: number; count: number } {
    const end = this.findEndRecord();
    let count = this.u16(end + 10);
    let offset = this.u32(end + 16);
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && this.u32(end - 20) === ZIP64_LOCATOR) {
      const zip64 = this.u64(end - 12);
      if (this.u32(zip64) !== ZIP64_EOCD) throw damaged('a broken zip64 end record');
      count = this.u64(zip64 + 32);
      offset = this.u64(zip64 + 48);
    }
    return { offset, count };
  }

  private readCentralDirectory(): Entry[] {
    const { offset, count } = this.directoryBounds();
    const entries: Entry[] = [];
    const decoder = new TextDecoder();
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (this.u32(at) !== CENTRAL) throw damaged('a broken central directory');
      const nameLength = this.u16(at + 28);
      const extraLength = this.u16(at + 30);
      const nameStart = at + 46;
      const sizes = {
        size: this.u32(at + 24),
        compressedSize: this.u32(at + 20),
        localOffset: this.u32(at + 42),
      };
      this.applyZip64Extra(sizes, nameStart + nameLength, extraLength);
      entries.push({
        name: normalisePartName(decoder.decode(this.range(nameStart, nameLength))),
        method: this.u16(at + 10),
        encrypted: (this.u16(at + 8) & 1) === 1,
        ...sizes,
      });
      at = nameStart + nameLength + extraLength + this.u16(at + 32);
    }
    return entries;
  }

  /** Zip64 keeps a field's real value in extra field 0x0001 when the 32-bit field is saturated. */
  private applyZip64Extra(
    sizes: { size: number; compressedSize: number; localOffset: number },
    start: number,
    length: number,
  ): void {
    for (let at = start; at + 4 <= start + length;) {
      const id = this.u16(at);
      const size = this.u16(at + 2);
      if (id === 0x0001) {
        let field = at + 4;
        for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
          if (sizes[key] !== 0xffffffff) continue;
          sizes[key] = this.u64(field);
          field += 8;
        }
      }
      at += 4 + size;
    }
  }

  /** Where the entry's compressed bytes are, after checking its method and its declared sizes. */
  private compressed(entry: Entry): { start: number; end: number } {
    if (entry.encrypted) {
      throw new XlsxFormatError(`the zip entry ${entry.name} is encrypted.`, { part: entry.name });
    }
    const header = entry.localOffset;
    if (this.u32(header) !== LOCAL) throw damaged(`no local header for ${entry.name}`);
    const start = header + 30 + this.u16(header + 26) + this.u16(header + 28);
    const end = start + entry.compressedSize;
    if (end > this.source.length) throw damaged(`${entry.name} runs past the end of the file`);
    if (entry.method === 0) return { start, end };
    if (entry.method !== 8) {
      throw new XlsxFormatError(`the zip entry ${entry.name} uses compression method ${entry.method}.`, {
        part: entry.name,
      });
    }
    refuseBomb(entry);
    return { start, end };
  }

  private inflate(entry: Entry): Uint8Array {
    const { start, end } = this.compressed(entry);
    const data = this.source.slice(start, end);
    if (entry.method === 0) return data;
    try {
      // One output buffer of the declared size (plus room to see that nothing follows): no
      // growing and copying, and a part that inflates to more than it declared stops there.
      return inflateRawSync(data, {
        chunkSize: Math.max(64, entry.size + 64),
        maxOutputLength: entry.size || 1,
      });
    } catch (error) {
      throw inflateError(entry, error);
    }
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Refuses an entry whose declared sizes say it would inflate to too much (see MAX_RATIO). */
function refuseBomb(entry: Entry): void {
  const ratio = entry.size / Math.max(1, entry.compressedSize);
  const tooBig = entry.size > MAX_PART_BYTES;
  if (!tooBig && (entry.size < RATIO_CHECKED_FROM || ratio <= MAX_RATIO)) return;
  throw new XlsxFormatError(
    `the part ${entry.name} would inflate from ${megabytes(entry.compressedSize)} to ${megabytes(entry.size)}` +
      (tooBig
        ? `, more than the ${megabytes(MAX_PART_BYTES)} this reader accepts for one part`
        : ` (${Math.round(ratio)} times; real workbooks compress less than ${MAX_RATIO} times)`) +
      '; it looks like a decompression bomb, so it is not read.',
    { part: entry.name },
  );
}

function inflateError(entry: Entry, error: unknown): XlsxFormatError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return overflowError(entry);
  return new XlsxFormatError(
    `the zip archive is damaged or truncated (${entry.name}: ${(error as Error).message}).`,
    { part: entry.name, cause: error },
  );
}

function overflowError(entry: Entry): XlsxFormatError {
  return new XlsxFormatError(
    `the part ${entry.name} inflates to more than the ${megabytes(entry.size)} the archive declares for it; ` +
      'it looks like a decompression bomb, so it is not read.',
    { part: entry.name },
  );
}

async function* storedChunks(pieces: Iterable<Uint8Array>): AsyncIterable<Uint8Array> {
  yield* pieces;
}

async function* inflatedChunks(
  entry: Entry,
  compressed: Iterable<Uint8Array>,
  chunkSize: number,
): AsyncIterable<Uint8Array> {
  const inflater = createInflateRaw({ chunkSize: Math.max(64, Math.min(chunkSize, entry.size + 64)) });
  // The compressed bytes go in as zlib takes them (a piece read from the file at a time).
  const source = Readable.from(compressed, { objectMode: false });
  source.on('error', (error) => inflater.destroy(error));
  source.pipe(inflater);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.size) throw overflowError(entry);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof XlsxFormatError) throw error;
    throw inflateError(entry, error);
  } finally {
    source.destroy();
    inflater.destroy();
  }
}
