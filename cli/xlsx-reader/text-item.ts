// Reads the plain text of a string item (`<si>` in shared strings, `<is>` in an inline string) from its bytes.
import { decodeOoxmlEscapes } from './ooxml-escapes.ts';
import { GT, LT, SLASH, contentText, latin1, nameEnd, tagEnd } from './xml-bytes.ts';
import { MalformedXml } from '../xml-text.ts';

interface ItemNames {
  readonly t: Buffer;
  readonly rPh: Buffer;
}

const namesByPrefix = new Map<string, ItemNames>();

function namesFor(prefix: string | undefined): ItemNames {
  const key = prefix ?? '\0';
  let names = namesByPrefix.get(key);
  if (!names) {
    names = { t: Buffer.from(`${key}t`, 'latin1'), rPh: Buffer.from(`${key}rPh`, 'latin1') };
    namesByPrefix.set(key, names);
  }
  return names;
}

function same(buf: Buffer, from: number, to: number, name: Buffer): boolean {
  return to - from === name.length && buf.compare(name, 0, name.length, from, to) === 0;
}

/**
 * The text of the item whose content is bytes [from, to): either one `<t>` or rich-text runs
 * `<r><rPr/><t>` whose texts concatenate. Phonetic runs (`<rPh>`, furigana over Japanese text)
 * are a reading aid, not the cell's text, so their `<t>` is skipped. Text inside `<t>` is kept
 * as written (`xml:space="preserve"` only tells other parsers what Excel does anyway); the
 * `_xHHHH_` escapes are decoded per run, since two runs never form an escape across their boundary.
 * `prefix` is the part's SpreadsheetML prefix with its colon ('' for none).
 */
export function readTextItem(buf: Buffer, from: number, to: number, prefix: string | undefined): string {
  const names = namesFor(prefix);
  let text = '';
  let i = from;
  let phonetic = 0;
  while (i < to) {
    const lt = buf.indexOf(LT, i);
    if (lt < 0 || lt >= to) break;
    const gt = tagEnd(buf, lt + 1);
    if (gt < 0 || gt >= to) throw new MalformedXml('a tag inside a string item does not end');
    if (buf[lt + 1] === SLASH) {
      if (same(buf, lt + 2, nameEnd(buf, lt + 2, gt), names.rPh)) phonetic--;
      i = gt + 1;
      continue;
    }
    const nameTo = nameEnd(buf, lt + 1, gt);
    const self = buf[gt - 1] === SLASH;
    if (same(buf, lt + 1, nameTo, names.rPh)) {
      if (!self) phonetic++;
    } else if (same(buf, lt + 1, nameTo, names.t) && !self) {
      const close = closingTag(buf, gt + 1, to, names.t);
      if (phonetic === 0) text += decodeOoxmlEscapes(contentText(buf, gt + 1, close));
      i = buf.indexOf(GT, close) + 1;
      continue;
    }
    i = gt + 1;
  }
  return text;
}

/** Where `</t>` (with the prefix) starts, before `to`. */
function closingTag(buf: Buffer, from: number, to: number, name: Buffer): number {
  let at = buf.indexOf(LT, from);
  while (at >= 0 && at < to) {
    if (buf[at + 1] === SLASH) {
      const gt = buf.indexOf(GT, at);
      let end = gt;
      while (
        end > at &&
        (buf[end - 1] === 32 || buf[end - 1] === 9 || buf[end - 1] === 10 || buf[end - 1] === 13)
      )
        end--;
      if (same(buf, at + 2, end, name)) return at;
      throw new MalformedXml(`</${latin1(buf, at + 2, end)}> closes <${latin1(name, 0, name.length)}>`);
    }
    // CDATA or a comment inside the text: step over it whole (it may hold `<`).
    if (buf[at + 1] === 33) {
      const cdata = buf.toString('latin1', at, at + 9) === '<![CDATA[';
      const close = buf.indexOf(cdata ? ']]>' : '-->', at + 4);
      if (close < 0 || close >= to) break;
      at = buf.indexOf(LT, close + 3);
      continue;
    }
    at = buf.indexOf(LT, at + 1);
  }
  throw new MalformedXml(`<${latin1(name, 0, name.length)}> does not close`);
}
