// The report's xl/sharedStrings.xml: each distinct text once, cells referring to it by index.
import { escapeXml } from '../xml-text.ts';

/** Strings per chunk of the part handed to the zip: the part is never one string. */
const STRINGS_PER_CHUNK = 2000;

export class SharedStrings {
  /** Keyed by the string itself: a plain object would keep an internalized copy of every text. */
  private readonly index = new Map<string, number>();
  private readonly strings: string[] = [];
  private references = 0;

  get count(): number {
    return this.strings.length;
  }

  /** The index of `text`, added if new. */
  add(text: string): number {
    this.references++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.strings.length;
      this.index.set(text, at);
      this.strings.push(text);
    }
    return at;
  }

  /** The part's XML in chunks. */
  *xml(): Generator<string> {
    yield (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.strings.length}">`
    );
    let chunk = '';
    for (let i = 0; i < this.strings.length; i++) {
      const text = this.strings[i]!;
      // Leading or trailing spaces and line breaks survive only where the text says so.
      chunk += /^\s|\n|\s$/.test(text)
        ? `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`
        : `<si><t>${escapeXml(text)}</t></si>`;
      if (i % STRINGS_PER_CHUNK === STRINGS_PER_CHUNK - 1) {
        yield chunk;
        chunk = '';
      }
    }
    yield `${chunk}</sst>`;
  }
}
