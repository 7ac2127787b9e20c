// XML written straight into byte chunks for the zip, rather than built as strings and then
// encoded: the report's cells are almost all ASCII markup and numbers, and at 100,000 risks the
// strings (and their encoding) allocated several times the size of the file.

/** A chunk is handed on once it holds this many bytes. */
const CHUNK_BYTES = 1 << 15;
/**
 * What a chunk can hold: twice what it is handed on at, so the row or string that crosses the
 * line fits without growing it (growing copied the whole chunk, for every chunk). Kept under
 * glibc's 128 KB threshold for mapping fresh memory, whose page faults cost more than the copy.
 */
const CHUNK_CAPACITY = 2 * CHUNK_BYTES;
/** Shorter ASCII text is copied in by a loop: a native write per tag or number cost more. */
const SHORT_ASCII = 32;

export class ByteChunks {
  private buf = Buffer.allocUnsafe(CHUNK_CAPACITY);
  private at = 0;

  /** Whether the current chunk is full enough to hand on. */
  get full(): boolean {
    return this.at >= CHUNK_BYTES;
  }

  /** Markup, or any text known to be ASCII (numbers, cell references, constant tags). */
  ascii(text: string): void {
    this.room(text.length);
    if (text.length < SHORT_ASCII) {
      const { buf } = this;
      let at = this.at;
      for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
      this.at = at;
    } else this.at += this.buf.write(text, this.at, 'latin1');
  }

  /** Any text, as UTF-8 (already escaped for XML by the caller). */
  utf8(text: string): void {
    // Three bytes a UTF-16 unit at the most; asked exactly only when the rough bound does not fit.
    this.room(text.length * 3 <= this.buf.length - this.at ? 0 : Buffer.byteLength(text, 'utf8'));
    this.at += this.buf.write(text, this.at, 'utf8');
  }

  /** A number as a cell or attribute holds it; whole ones written digit by digit, without making their text. */
  number(n: number): void {
    if (Number.isSafeInteger(n) && n >= 0) this.whole(n);
    else this.ascii(String(n));
  }

  /** What another writer holds (a row's cells, written before its tag could be). */
  append(other: ByteChunks): void {
    this.room(other.at);
    other.buf.copy(this.buf, this.at, 0, other.at);
    this.at += other.at;
  }

  get empty(): boolean {
    return this.at === 0;
  }

  /** Forgets what was written, keeping the chunk to write on again. */
  clear(): void {
    this.at = 0;
  }

  private whole(n: number): void {
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    this.room(digits);
    let end = this.at + digits;
    this.at = end;
    do {
      this.buf[--end] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** The bytes written since the last take (undefined when none), and a fresh chunk to write on. */
  take(): Buffer | undefined {
    if (this.at === 0) return undefined;
    // The zip's deflate stream keeps the chunk until it has read it, so it is never reused.
    const bytes = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(CHUNK_CAPACITY);
    this.at = 0;
    return bytes;
  }

  /** Makes room for `bytes` more: a chunk grows (once, by copying) only for a text longer than it. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }
}
