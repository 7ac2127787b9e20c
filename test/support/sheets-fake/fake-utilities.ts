/**
 * The Utilities calls the script makes, modelled on Apps Script's: dates (formatDate), and the
 * byte calls that expand the packed commands bundle — base64Decode gives Java bytes (signed,
 * -128..127), newBlob takes them, ungzip needs real gzip data, and getDataAsString reads UTF-8.
 * Each call is counted by name in `calls`, apart from the Spreadsheet calls.
 */
import { gunzipSync } from 'node:zlib';
import { isoInZone, stampInZone } from './zone.ts';

export class FakeBlob {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly contentType: string | null,
  ) {}

  getBytes(): number[] {
    return Array.from(this.bytes, (b) => (b > 127 ? b - 256 : b));
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset = 'UTF-8'): string {
    if (charset.toUpperCase() !== 'UTF-8') throw new Error(`fake: only UTF-8 is modelled, not ${charset}`);
    return new TextDecoder('utf-8').decode(this.bytes);
  }

  getBlob(): FakeBlob {
    return this;
  }
}

export interface FakeUtilities {
  readonly calls: Map<string, number>;
  formatDate(date: Date, timeZone: string, format: string): string;
  base64Decode(encoded: string): number[];
  newBlob(data: number[] | string, contentType?: string): FakeBlob;
  ungzip(blob: { getBlob(): FakeBlob }): FakeBlob;
}

export function createUtilities(): FakeUtilities {
  const calls = new Map<string, number>();
  const counted = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);
  return {
    calls,
    formatDate(date, timeZone, format) {
      counted('formatDate');
      if (Object.prototype.toString.call(date) !== '[object Date]')
        throw new Error('fake: formatDate needs a Date');
      if (format === 'yyyy-MM-dd') return isoInZone(date.getTime(), timeZone);
      if (format === 'yyyy-MM-dd HH:mm') return stampInZone(date.getTime(), timeZone);
      throw new Error(`fake: only the formats yyyy-MM-dd and yyyy-MM-dd HH:mm are modelled, not ${format}`);
    },
    base64Decode(encoded) {
      counted('base64Decode');
      if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0)
        throw new Error('Could not decode string.');
      return new FakeBlob(Buffer.from(encoded, 'base64'), null).getBytes();
    },
    newBlob(data, contentType) {
      counted('newBlob');
      if (typeof data === 'string') return new FakeBlob(new TextEncoder().encode(data), contentType ?? null);
      if (!Array.isArray(data) || !data.every((b) => Number.isInteger(b) && b >= -128 && b <= 127))
        throw new Error('fake: newBlob takes a string or bytes (whole numbers -128..127)');
      return new FakeBlob(
        Uint8Array.from(data, (b) => b & 0xff),
        contentType ?? null,
      );
    },
    ungzip(source) {
      counted('ungzip');
      const bytes = Uint8Array.from(source.getBlob().getBytes(), (b) => b & 0xff);
      let unzipped: Buffer;
      try {
        unzipped = gunzipSync(bytes);
      } catch {
        throw new Error('fake: ungzip needs gzip data');
      }
      return new FakeBlob(unzipped, null);
    },
  };
}
