// Decodes an XML part by what it says it is: a byte-order mark, else the declaration's encoding, else UTF-8.
import { TextDecoder } from 'node:util';
import { XlsxFormatError } from './xlsx-format-error.ts';

/*
 * Nearly every writer saves UTF-8, which the scanners read as bytes. A few (old exporters,
 * hand-edited files) declare `encoding="ISO-8859-1"`, `windows-1252` or UTF-16: Excel and
 * LibreOffice honour the declaration, so "£2.5m – Café" must not turn into "�2.5m - Caf�".
 * Such a part is transcoded to UTF-8 chunk by chunk (TextDecoder's stream mode carries a
 * character split between chunks), so the scanners still see UTF-8 and nothing else changes.
 */

/** How far into a part the XML declaration may reach (it must come first; 200 bytes is plenty). */
const DECLARATION_BYTES = 256;

const DECLARED = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** The WHATWG name of the part's encoding, from its first bytes (`utf-8` when nothing says otherwise). */
export function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // UTF-16 without a mark still starts `<\0?\0` or `\0<\0?`.
  if (head[0] === 0x3c && head[1] === 0 && head[2] === 0x3f) return 'utf-16le';
  if (head[0] === 0 && head[1] === 0x3c && head[2] === 0) return 'utf-16be';
  let text = '';
  for (let i = 0; i < Math.min(head.length, DECLARATION_BYTES); i++) text += String.fromCharCode(head[i]!);
  const label = DECLARED.exec(text)?.[1];
  return label === undefined ? 'utf-8' : label.toLowerCase();
}

/** What transcoding needs of a decoder: TextDecoder's decode, streaming or not. */
interface Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/** What the bytes 0x80-0x9F are in windows-1252 (the rest are their own code points). */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Labels the Encoding Standard (and so Excel and LibreOffice) read as windows-1252. */
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968',
  'ascii',
  'cp1252',
  'cp819',
  'csisolatin1',
  'ibm819',
  'iso-8859-1',
  'iso-ir-100',
  'iso8859-1',
  'iso88591',
  'iso_8859-1',
  'iso_8859-1:1987',
  'l1',
  'latin1',
  'us-ascii',
  'windows-1252',
  'x-cp1252',
]);

/**
 * windows-1252 as the Encoding Standard defines it. Node's own TextDecoder reads these labels
 * as ISO-8859-1 proper, which turns the en dash (0x96) of "£2.5m – Café" into a control character.
 */
class Windows1252Decoder implements Decoder {
  decode(bytes: Uint8Array = new Uint8Array(0)): string {
    let text = '';
    for (let at = 0; at < bytes.length; at += 8192) {
      const piece = bytes.subarray(at, at + 8192);
      text += String.fromCharCode(...piece.map((b) => b));
    }
    return text.replace(/[\u0080-\u009F]/g, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80]!);
  }
}

/** A decoder for `label`, or the one-line reason the part cannot be read. */
function decoderFor(part: string, label: string): Decoder {
  if (WINDOWS_1252_LABELS.has(label)) return new Windows1252Decoder();
  try {
    // `fatal`: bytes the encoding cannot hold are a message, never silent replacement characters.
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw new XlsxFormatError(
      `the part ${part} declares the encoding "${label}", which this reader cannot decode. Save the workbook again as .xlsx.`,
      { part },
    );
  }
}

function undecodable(part: string, label: string, cause: unknown): XlsxFormatError {
  return new XlsxFormatError(
    `the part ${part} is not valid ${label} text, as it declares. Save the workbook again as .xlsx.`,
    { part, cause },
  );
}

function isUtf8(label: string): boolean {
  return label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8';
}

/** A whole (small) part as text, decoded by its declared encoding. */
export function decodeXmlPart(part: string, bytes: Uint8Array): string {
  const label = encodingOf(bytes.subarray(0, DECLARATION_BYTES));
  const decoder = isUtf8(label) ? new TextDecoder('utf-8') : decoderFor(part, label);
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw undecodable(part, label, error);
  }
}

/**
 * The part's chunks as UTF-8 bytes: unchanged (less a byte-order mark) when the part is UTF-8,
 * transcoded when it declares anything else. Chunks are held back until the declaration can be
 * seen, so a declaration split across chunks still counts.
 */
export async function* utf8Chunks(
  part: string,
  chunks: AsyncIterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  let decoder: Decoder | undefined;
  let label = 'utf-8';
  let head: Uint8Array | undefined = new Uint8Array(0);
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (head !== undefined) {
      head = concat(head, chunk);
      if (head.length < DECLARATION_BYTES) continue;
      bytes = head;
      head = undefined;
      label = encodingOf(bytes);
      if (!isUtf8(label)) decoder = decoderFor(part, label);
      else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    yield decoder ? transcode(part, label, decoder, bytes, true) : bytes;
  }
  if (head !== undefined) {
    label = encodingOf(head);
    if (!isUtf8(label)) decoder = decoderFor(part, label);
    else if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
    if (!decoder) yield head;
  }
  if (decoder) yield transcode(part, label, decoder, head ?? new Uint8Array(0), false);
}

function transcode(
  part: string,
  label: string,
  decoder: Decoder,
  bytes: Uint8Array,
  more: boolean,
): Uint8Array {
  try {
    return Buffer.from(decoder.decode(bytes, { stream: more }), 'utf8');
  } catch (error) {
    throw undecodable(part, label, error);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
