// Byte-level helpers the streaming scanners share: tag ends, attributes, names and text, read from UTF-8 bytes.
import { MalformedXml, unescapeXml } from '../xml-text.ts';

/*
 * The scanners look at bytes, not decoded text: `<`, `>`, quotes and ASCII names are single
 * bytes in UTF-8 and never occur inside a multi-byte character, so searching bytes is exact,
 * and only the text a cell keeps is ever decoded. A chunk boundary can fall anywhere; the
 * scanners only ever decode a run they hold whole (they carry an unfinished element over to
 * the next chunk), so a character split between chunks is decoded once it is complete.
 */

export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47; // /
export const BANG = 33; // !
export const QUESTION = 63; // ?
export const EQUALS = 61; // =
export const COLON = 58; // :
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** A Buffer view of `bytes` (zlib gives Buffers, tests may give plain Uint8Arrays), sharing the memory. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The `>` that ends the tag starting at `from` (just after `<`), skipping `>` inside quoted
 * attribute values; -1 when the buffer ends first. A plain loop: tags are a few dozen bytes, and
 * a native search per tag costs more in the call than in the search.
 */
export function tagEnd(buf: Buffer, from: number): number {
  const length = buf.length;
  for (let i = from; i < length; i++) {
    const code = buf[i]!;
    if (code === GT) return i;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      i++;
      while (i < length && buf[i] !== code) i++;
    }
  }
  return -1;
}

/** The next `<` at or after `from`, before `to`; -1 when there is none. */
export function nextLt(buf: Buffer, from: number, to: number): number {
  for (let i = from; i < to; i++) if (buf[i] === LT) return i;
  return -1;
}

/** Where the name of the tag starting at `from` ends (at white space, `/` or `>`). */
export function nameEnd(buf: Buffer, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const code = buf[i]!;
    if (code === GT || code === SLASH || isSpace(code)) break;
    i++;
  }
  return i;
}

/** True when bytes [from, to) are exactly the ASCII `name`. */
export function bytesAre(buf: Uint8Array, from: number, to: number, name: Uint8Array): boolean {
  if (to - from !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[from + i] !== name[i]) return false;
  return true;
}

/** One attribute's name and value positions; one object reused for every attribute walked. */
export interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export function newSpan(): AttributeSpan {
  return { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };
}

/**
 * The next attribute at or after `i` and before `to` into `span`; false when there is none.
 * Anything that is not `name="value"` or `name='value'` is MalformedXml.
 */
export function nextAttribute(buf: Buffer, i: number, to: number, span: AttributeSpan): boolean {
  while (i < to && isSpace(buf[i]!)) i++;
  if (i >= to || buf[i] === SLASH) return false;
  const nameStart = i;
  while (i < to) {
    const c = buf[i]!;
    if (c === EQUALS || c === SLASH || isSpace(c)) break;
    i++;
  }
  const end = i;
  if (end === nameStart) throw new MalformedXml('a tag with a stray character where an attribute should be');
  while (i < to && isSpace(buf[i]!)) i++;
  if (buf[i] !== EQUALS) throw new MalformedXml(`the attribute ${latin1(buf, nameStart, end)} has no value`);
  i++;
  while (i < to && isSpace(buf[i]!)) i++;
  const quote = buf[i];
  if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE)
    throw new MalformedXml(`the attribute ${latin1(buf, nameStart, end)} is not quoted`);
  const close = buf.indexOf(quote, i + 1);
  if (close < 0 || close > to) throw new MalformedXml('a tag ends inside an attribute value');
  span.nameStart = nameStart;
  span.nameEnd = end;
  span.valueStart = i + 1;
  span.valueEnd = close;
  return true;
}

/** ASCII bytes as a string (names, numbers, references): no UTF-8 decoding needed. */
export function latin1(buf: Buffer, from: number, to: number): string {
  return buf.toString('latin1', from, to);
}

/** An attribute value as text: entities decoded, tabs and line ends read as spaces (XML's rule). */
export function attributeText(buf: Buffer, span: AttributeSpan): string {
  const raw = utf8(buf, span.valueStart, span.valueEnd);
  if (raw.indexOf('&') < 0 && !/[\t\n\r]/.test(raw)) return raw;
  if (raw.indexOf('<') >= 0) throw new MalformedXml('a < inside an attribute value');
  return unescapeXml(raw.replace(/\r\n?|[\t\n]/g, ' '));
}

const checker = new TextDecoder('utf-8', { fatal: true });

/** Thrown for bytes that are not UTF-8 in a part that says (or defaults to saying) it is. */
export class NotUtf8 extends Error {}

/** UTF-8 bytes as a string; bytes that are not UTF-8 are NotUtf8 rather than silent U+FFFD. */
export function utf8(buf: Buffer, from: number, to: number): string {
  const text = buf.toString('utf8', from, to);
  // A replacement character is either real text or the trace of a bad byte: check which.
  if (text.indexOf('\uFFFD') >= 0) {
    try {
      checker.decode(buf.subarray(from, to));
    } catch {
      throw new NotUtf8();
    }
  }
  return text;
}

const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_CLOSE = Buffer.from('-->');

/**
 * Element content [from, to) as text: entities decoded, CR LF and CR read as LF, CDATA sections
 * taken as written, comments and processing instructions dropped. A tag inside is MalformedXml:
 * callers only pass content they know holds text.
 */
export function contentText(buf: Buffer, from: number, to: number): string {
  const lt = buf.indexOf(LT, from);
  if (lt < 0 || lt >= to) return plainText(buf, from, to);
  let text = '';
  let at = from;
  while (at < to) {
    const next = buf.indexOf(LT, at);
    const stop = next < 0 || next >= to ? to : next;
    if (stop > at) text += plainText(buf, at, stop);
    if (stop === to) break;
    if (buf.compare(CDATA_OPEN, 0, CDATA_OPEN.length, stop, stop + CDATA_OPEN.length) === 0) {
      const close = buf.indexOf(CDATA_CLOSE, stop + CDATA_OPEN.length);
      if (close < 0 || close >= to) throw new MalformedXml('the document ends inside a CDATA section');
      text += utf8(buf, stop + CDATA_OPEN.length, close).replace(/\r\n?/g, '\n');
      at = close + CDATA_CLOSE.length;
    } else if (buf.compare(COMMENT_OPEN, 0, COMMENT_OPEN.length, stop, stop + COMMENT_OPEN.length) === 0) {
      const close = buf.indexOf(COMMENT_CLOSE, stop + COMMENT_OPEN.length);
      if (close < 0 || close >= to) throw new MalformedXml('the document ends inside a comment');
      at = close + COMMENT_CLOSE.length;
    } else if (buf[stop + 1] === QUESTION) {
      const close = buf.indexOf('?>', stop + 2);
      if (close < 0 || close >= to)
        throw new MalformedXml('the document ends inside a processing instruction');
      at = close + 2;
    } else {
      throw new MalformedXml('an element inside a value');
    }
  }
  return text;
}

function plainText(buf: Buffer, from: number, to: number): string {
  let text = utf8(buf, from, to);
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  return text.indexOf('&') >= 0 ? unescapeXml(text) : text;
}
