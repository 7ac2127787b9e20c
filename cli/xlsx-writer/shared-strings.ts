// The report's xl/sharedStrings.xml: each distinct text once, cells referring to it by index.
import { escapeXml } from '../xml-text.ts';
import { ByteChunks } from './byte-chunks.ts';

/** Text whose spaces or line breaks need xml:space="preserve" to be kept. */
const PRESERVE = /^\s|\n|\s$/;

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

  /** The part's XML in chunks of bytes. */
  *xml(): Generator<Uint8Array> {
    const out = new ByteChunks();
    out.ascii(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.strings.length}">`,
    );
    for (const text of this.strings) {
      // Leading or trailing spaces and line breaks survive only where the text says so.
      out.ascii(PRESERVE.test(text) ? '<si><t xml:space="preserve">' : '<si><t>');
      out.utf8(escapeXml(text));
      out.ascii('</t></si>');
      if (out.full) yield out.take()!;
    }
    out.ascii('</sst>');
    yield out.take()!;
  }
}
