// Collects the plain text of a string item (`<si>` in shared strings, `<is>` in an inline string).
import { decodeOoxmlEscapes } from './ooxml-escapes.ts';
import { isSpreadsheetMl } from './xml-events.ts';
import type { ScannedTag } from './xml-scanner.ts';

/**
 * Feed it the events inside one item; `take()` gives its text. The item is either one `<t>` or
 * rich-text runs `<r><rPr/><t>` whose texts concatenate. Phonetic runs (`<rPh>`, furigana over
 * Japanese text) are a reading aid, not the cell's text, so their `<t>` is skipped. All text inside
 * `<t>` is kept as written: `xml:space="preserve"` only tells other parsers what Excel does anyway.
 */
export class TextItem {
  private parts: string[] = [];
  /** The text of the `<t>` being read; undefined outside one. */
  private current: string | undefined;
  private phoneticDepth = 0;

  open(tag: ScannedTag): void {
    if (!isSpreadsheetMl(tag)) return;
    if (tag.local === 'rPh') this.phoneticDepth++;
    else if (tag.local === 't' && this.phoneticDepth === 0) this.current = '';
  }

  close(tag: ScannedTag): void {
    if (!isSpreadsheetMl(tag)) return;
    if (tag.local === 'rPh') this.phoneticDepth--;
    else if (tag.local === 't' && this.current !== undefined) {
      // Escapes belong to one run's text: two runs never form an escape across their boundary.
      this.parts.push(decodeOoxmlEscapes(this.current));
      this.current = undefined;
    }
  }

  text(text: string): void {
    if (this.current !== undefined) this.current += text;
  }

  /** The item's text, escapes decoded; resets for the next item. */
  take(): string {
    const text = detached(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
    this.parts = [];
    this.current = undefined;
    this.phoneticDepth = 0;
    return text;
  }
}

/**
 * `text` as a string of its own. A substring V8 makes of the part's text keeps the whole part
 * (megabytes) alive for as long as any cell's text is held; flattening a one-character prefix
 * copies it out. Short strings are copies already.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
