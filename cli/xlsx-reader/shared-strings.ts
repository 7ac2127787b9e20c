// Reads the shared string table (xl/sharedStrings.xml) that `t="s"` cells index into.
import { TextItem } from './text-item.ts';
import { isSpreadsheetMl } from './xml-events.ts';
import { scanXmlPart } from './xml-scanner.ts';

/** Every `<si>` in order, as plain text (rich runs joined, phonetic runs dropped, escapes decoded). */
export function parseSharedStrings(part: string, bytes: Uint8Array): string[] {
  const strings: string[] = [];
  const item = new TextItem();
  let inItem = false;
  scanXmlPart(part, bytes, {
    open(tag) {
      if (isSpreadsheetMl(tag) && tag.local === 'si') inItem = true;
      else if (inItem) item.open(tag);
    },
    close(tag) {
      if (isSpreadsheetMl(tag) && tag.local === 'si') {
        strings.push(item.take());
        inItem = false;
      } else if (inItem) item.close(tag);
    },
    text(text) {
      if (inItem) item.text(text);
    },
  });
  return strings;
}
