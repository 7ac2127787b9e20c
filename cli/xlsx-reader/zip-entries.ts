// Lists a zip archive's entries from its central directory and inflates one entry on demand.
import { inflateRawSync } from 'node:zlib';
import { XlsxFormatError } from './xlsx-format-error.ts';

/*
 * Why not fflate's unzipSync: its `filter` does skip unwanted entries, but it inflates in
 * JavaScript. On a 10,000-risk register (20 MB of sheet XML) Node's native inflateRawSync took
 * 11 ms against fflate's 40-100 ms, and an index of the central directory is ~80 lines. Only the
 * entries the reader asks for are ever inflated, one at a time, so peak memory is one part.
 */

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
  private readonly view: DataView;
  private readonly byName = new Map<string, Entry>();
  /** OPC part names are case-insensitive; writers differ (`[Content_Types].xml`, `xl/SharedStrings.xml`). */
  private readonly byLowerName = new Map<string, Entry>();

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of this.readCentralDirectory()) {
      this.byName.set(entry.name, entry);
      if (!this.byLowerName.has(entry.name.toLowerCase()))
        this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  get names(): readonly string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The entry's bytes, inflated; undefined when the archive has no such entry. */
  read(name: string): Uint8Array | undefined {
    const entry = this.find(name);
    return entry && this.inflate(entry);
  }

  private find(name: string): Entry | undefined {
    const part = normalisePartName(name);
    return this.byName.get(part) ?? this.byLowerName.get(part.toLowerCase());
  }

  private u16(at: number): number {
    if (at + 2 > this.bytes.length) throw damaged('a record runs past the end of the file');
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    if (at + 4 > this.bytes.length) throw damaged('a record runs past the end of the file');
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    if (at + 8 > this.bytes.length) throw damaged('a record runs past the end of the file');
    return Number(this.view.getBigUint64(at, true));
  }

  /** The end-of-central-directory record sits in the last 22 bytes plus an optional comment. */
  private findEndRecord(): number {
    const last = this.bytes.length - 22;
    for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
      if (this.view.getUint32(at, true) === EOCD) return at;
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
        name: normalisePartName(decoder.decode(this.bytes.subarray(nameStart, nameStart + nameLength))),
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

  private inflate(entry: Entry): Uint8Array {
    if (entry.encrypted) {
      throw new XlsxFormatError(`the zip entry ${entry.name} is encrypted.`, { part: entry.name });
    }
    const header = entry.localOffset;
    if (this.u32(header) !== LOCAL) throw damaged(`no local header for ${entry.name}`);
    const start = header + 30 + this.u16(header + 26) + this.u16(header + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw damaged(`${entry.name} runs past the end of the file`);
    const data = this.bytes.subarray(start, end);
    if (entry.method === 0) return data;
    if (entry.method !== 8) {
      throw new XlsxFormatError(`the zip entry ${entry.name} uses compression method ${entry.method}.`, {
        part: entry.name,
      });
    }
    try {
      return inflateRawSync(data);
    } catch (error) {
      throw new XlsxFormatError(
        `the zip archive is damaged or truncated (${entry.name}: ${(error as Error).message}).`,
        { part: entry.name, cause: error },
      );
    }
  }
}
