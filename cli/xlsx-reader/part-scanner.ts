// The streaming byte scanner both big parts share: takes chunks, carries an unfinished element over, checks nesting.
import { MalformedXml } from '../xml-text.ts';
import {
  BANG,
  COLON,
  GT,
  LT,
  QUESTION,
  SLASH,
  asBuffer,
  attributeText,
  bytesAre,
  isSpace,
  latin1,
  nameEnd,
  newSpan,
  nextAttribute,
  tagEnd,
} from './xml-bytes.ts';

/** SpreadsheetML, transitional and strict; '' for writers that leave the namespace out. */
const SPREADSHEET_ML = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  '',
]);

/** An element no chunk may leave unfinished for longer than this: such a part is not a workbook's. */
export const MAX_ELEMENT_BYTES = 64 * 1024 * 1024;

/** What a subclass's `element` gives back besides the position after the element it read. */
export const NEED_MORE = -1;
export const NOT_MINE = -2;

const EMPTY = Buffer.alloc(0);

/*
 * What it checks, as an XML parser must for these parts: one root, tags closed in order, nothing
 * cut short, attributes quoted, entities defined. It does not check that every name and
 * character is one XML allows (nor did the scanner before it): such a part is read, not refused.
 * Namespaces: elements count as SpreadsheetML by the prefix the root element binds to it (`x:`
 * from the Open XML SDK, none from everyone else); elements with any other prefix are skipped.
 */
/** Distinct element names kept for reuse; a part with more (none real) copies the rest. */
const MAX_NAMES_KEPT = 64;

export abstract class PartScanner {
  protected buf: Buffer = EMPTY;
  protected pos = 0;
  /** The SpreadsheetML prefix with its colon (`x:`), '' for none; undefined until the root is read or when no prefix is bound to it. */
  protected prefix: string | undefined;
  /** Open elements the subclass did not read whole, innermost last. */
  private readonly open: Buffer[] = [];
  private sawRoot = false;
  /** The most bytes of the part held at once (a chunk plus what the last one left unfinished). */
  largestHeld = 0;
  private readonly span = newSpan();
  /** The distinct names of elements opened so far (see nameAt). */
  private readonly names: Buffer[] = [];
  /** Where an unfinished end and the next chunk are joined (see feed); nothing keeps a view of it. */
  private work: Buffer = EMPTY;

  constructor(readonly part: string) {}

  /** Scans what `chunk` completes; keeps the unfinished end for the next chunk. */
  feed(chunk: Uint8Array): void {
    const bytes = asBuffer(chunk);
    const rest = this.buf.length - this.pos;
    if (rest > 0) {
      // The unfinished end, then the chunk, in one work buffer kept from chunk to chunk: on these
      // machines a fresh buffer of a few megabytes cost ten times the copy in page faults.
      const length = rest + bytes.length;
      if (this.work.length < length) {
        const bigger = Buffer.allocUnsafe(Math.max(length, this.work.length * 2));
        this.buf.copy(bigger, 0, this.pos);
        this.work = bigger;
      } else this.buf.copy(this.work, 0, this.pos); // may overlap: Buffer#copy moves like memmove
      bytes.copy(this.work, rest);
      this.buf = this.work.subarray(0, length);
    } else this.buf = bytes;
    this.pos = 0;
    if (this.buf.length > this.largestHeld) this.largestHeld = this.buf.length;
    this.chunkStarted();
    this.run();
    if (this.buf.length - this.pos > MAX_ELEMENT_BYTES)
      throw new MalformedXml(`an element longer than ${MAX_ELEMENT_BYTES / (1024 * 1024)} MB`);
  }

  /** Checks that the part ended where it may. */
  end(): void {
    const rest = this.buf.subarray(this.pos);
    if (rest.some((code) => !isSpace(code))) {
      throw new MalformedXml(
        this.open.length > 0
          ? `the document ends inside <${latin1(this.open[this.open.length - 1]!, 0, this.open[this.open.length - 1]!.length)}>`
          : 'the document ends inside a tag',
      );
    }
    if (this.open.length > 0) {
      const name = this.open[this.open.length - 1]!;
      throw new MalformedXml(`the document ends inside <${latin1(name, 0, name.length)}>`);
    }
    if (!this.sawRoot) throw new MalformedXml('there is no root element');
  }

  /** A new buffer is in place (positions cached from the last one are stale). */
  protected chunkStarted(): void {}

  /** The root element was read: `prefix` is known. */
  protected abstract rootRead(): void;

  /**
   * A start tag `<name ...>` after the root: the subclass reads it (and, when it wants, its
   * content) and returns the position after what it read; NEED_MORE when that reaches past the
   * buffer; NOT_MINE to have it walked as a plain element.
   */
  protected abstract element(lt: number, nameTo: number, gt: number, selfClosing: boolean): number;

  /** A plain element closed (its start tag got NOT_MINE). */
  protected closed(_name: Buffer): void {}

  /** True when the tag name [from, to) is the SpreadsheetML element `local`. */
  protected isElement(from: number, to: number, local: Buffer): boolean {
    return bytesAre(this.buf, from, to, local);
  }

  /** `prefix + local` as bytes: the name to compare tag names with. */
  protected name(local: string): Buffer {
    // With no prefix bound to SpreadsheetML, no element can match: a NUL never starts a name.
    return Buffer.from(this.prefix === undefined ? `\0${local}` : `${this.prefix}${local}`, 'latin1');
  }

  /**
   * The tag name at `from..to` as its own bytes (the chunk they are in is reused), one Buffer per
   * distinct name: a part has a handful of element names, and a copy per open element (every
   * `<row>`) was a fifth of the scan's allocations.
   */
  private nameAt(from: number, to: number): Buffer {
    for (const name of this.names) if (bytesAre(this.buf, from, to, name)) return name;
    const name = Buffer.from(this.buf.subarray(from, to));
    if (this.names.length < MAX_NAMES_KEPT) this.names.push(name);
    return name;
  }

  private run(): void {
    const buf = this.buf;
    const length = buf.length;
    for (;;) {
      // Elements follow each other closely: a loop finds the next `<` sooner than a native search.
      let lt = this.pos;
      while (lt < length && buf[lt] !== LT) lt++;
      if (lt >= length) {
        // Text between elements is nobody's here (values are read with their element); keep the last
        // byte in case it is the start of something (it never is, but the check below needs it).
        this.pos = length;
        return;
      }
      if (lt + 1 >= length) return this.wait(lt);
      const next = buf[lt + 1]!;
      if (next === SLASH) {
        const gt = buf.indexOf(GT, lt + 2);
        if (gt < 0) return this.wait(lt);
        this.closeTag(lt + 2, gt);
        this.pos = gt + 1;
        continue;
      }
      if (next === BANG || next === QUESTION) {
        const after = skipMarkup(buf, lt);
        if (after < 0) return this.wait(lt);
        this.pos = after;
        continue;
      }
      const gt = tagEnd(buf, lt + 1);
      if (gt < 0) return this.wait(lt);
      const selfClosing = buf[gt - 1] === SLASH;
      const to = nameEnd(buf, lt + 1, gt);
      if (to === lt + 1) throw new MalformedXml('a < that starts no tag');
      if (!this.sawRoot) {
        this.readRoot(lt + 1, to, selfClosing ? gt - 1 : gt);
        this.sawRoot = true;
        if (!selfClosing) this.open.push(this.nameAt(lt + 1, to));
        this.pos = gt + 1;
        continue;
      }
      if (this.open.length === 0) throw new MalformedXml('a second root element');
      const after = this.element(lt, to, gt, selfClosing);
      if (after === NEED_MORE) return this.wait(lt);
      if (after === NOT_MINE) {
        if (!selfClosing) this.open.push(this.nameAt(lt + 1, to));
        this.pos = gt + 1;
      } else {
        this.pos = after;
      }
    }
  }

  private wait(at: number): void {
    this.pos = at;
  }

  private closeTag(from: number, gt: number): void {
    let to = gt;
    while (to > from && isSpace(this.buf[to - 1]!)) to--;
    const name = this.open.pop();
    if (name === undefined) throw new MalformedXml(`</${latin1(this.buf, from, to)}> closes no element`);
    if (to - from !== name.length || this.buf.compare(name, 0, name.length, from, to) !== 0) {
      throw new MalformedXml(`</${latin1(this.buf, from, to)}> closes <${latin1(name, 0, name.length)}>`);
    }
    this.closed(name);
  }

  /** Notes the root's name and the prefix its declarations bind to SpreadsheetML. */
  private readRoot(from: number, to: number, end: number): void {
    const buf = this.buf;
    const colon = buf.indexOf(COLON, from);
    const rootPrefix = colon >= 0 && colon < to ? latin1(buf, from, colon) : '';
    const declared = new Map<string, string>();
    const span = this.span;
    for (let i = to; nextAttribute(buf, i, end, span); i = span.valueEnd + 1) {
      const name = latin1(buf, span.nameStart, span.nameEnd);
      if (name === 'xmlns') declared.set('', attributeText(buf, span));
      else if (name.startsWith('xmlns:')) declared.set(name.slice(6), attributeText(buf, span));
    }
    const rootUri = declared.get(rootPrefix) ?? (rootPrefix === '' ? '' : undefined);
    if (rootUri === undefined)
      throw new MalformedXml(`the prefix ${rootPrefix} of the root is not bound to a namespace`);
    if (SPREADSHEET_ML.has(rootUri)) this.prefix = rootPrefix === '' ? '' : `${rootPrefix}:`;
    else {
      // A root in another namespace: SpreadsheetML may still be bound to some other prefix.
      for (const [prefix, uri] of declared) {
        if (prefix !== '' && SPREADSHEET_ML.has(uri) && uri !== '') this.prefix = `${prefix}:`;
      }
    }
    this.rootRead();
  }
}

/** Skips a comment, CDATA section, DOCTYPE or processing instruction at `lt`; -1 when it runs past the buffer. */
function skipMarkup(buf: Buffer, lt: number): number {
  if (buf[lt + 1] === QUESTION) {
    const close = buf.indexOf('?>', lt + 2);
    return close < 0 ? -1 : close + 2;
  }
  if (buf.length < lt + 4) return -1;
  if (buf.toString('latin1', lt, lt + 4) === '<!--') {
    const close = buf.indexOf('-->', lt + 4);
    return close < 0 ? -1 : close + 3;
  }
  if (buf.length < lt + 9) return -1;
  if (buf.toString('latin1', lt, lt + 9) === '<![CDATA[') {
    const close = buf.indexOf(']]>', lt + 9);
    return close < 0 ? -1 : close + 3;
  }
  if (buf.toString('latin1', lt, lt + 9) === '<!DOCTYPE') {
    // An internal subset `[...]` may hold `>`: skip past its `]` first.
    const gt = buf.indexOf(GT, lt);
    const bracket = buf.indexOf(91, lt);
    if (gt < 0) return -1;
    const from = bracket >= 0 && bracket < gt ? buf.indexOf(93, bracket) : lt;
    if (from < 0) return -1;
    const close = buf.indexOf(GT, from);
    return close < 0 ? -1 : close + 1;
  }
  throw new MalformedXml('a <! that starts no comment, CDATA section or DOCTYPE');
}
