// Reads xl/workbook.xml: the sheet list (name, relationship, visibility) and the date system.
import { XlsxFormatError } from './xlsx-format-error.ts';
import { attribute, isSpreadsheetMl, parseXmlPart, relationshipId } from './xml-events.ts';

export interface SheetEntry {
  readonly name: string;
  /** The `r:id` naming the sheet's part in the workbook's relationships. */
  readonly relationshipId: string;
  /** `visible`, `hidden` or `veryHidden`: all are read alike (a hidden Scoring sheet is still data). */
  readonly state: string;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  /** Serial 0 is 1904-01-01 rather than 1900-01-00 (old Mac Excel; LibreOffice and SheetJS write `true`). */
  readonly date1904: boolean;
}

/** xsd:boolean allows `1`/`0` and `true`/`false`; Excel writes the first, LibreOffice and SheetJS the second. */
export function xmlBoolean(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  return v === '1' || v === 'true';
}

export function parseWorkbookPart(part: string, bytes: Uint8Array): WorkbookPart {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let root: string | undefined;
  parseXmlPart(part, bytes, {
    open(tag) {
      if (root === undefined) root = isSpreadsheetMl(tag) ? tag.local : `{${tag.uri}}${tag.local}`;
      if (!isSpreadsheetMl(tag)) return;
      if (tag.local === 'workbookPr') date1904 = xmlBoolean(attribute(tag, 'date1904'));
      else if (tag.local === 'sheet') {
        const id = relationshipId(tag);
        const name = attribute(tag, 'name');
        if (id === undefined || name === undefined) return;
        sheets.push({ name, relationshipId: id, state: attribute(tag, 'state') ?? 'visible' });
      }
    },
  });
  if (root !== 'workbook') {
    throw new XlsxFormatError(
      `${part} is not a SpreadsheetML workbook (its root element is ${root ?? 'missing'}).`,
      {
        part,
      },
    );
  }
  return { sheets, date1904 };
}
