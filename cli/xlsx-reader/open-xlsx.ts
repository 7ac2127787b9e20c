// Opens .xlsx bytes: finds the workbook, its worksheets and tables, and reads sheets on request.
import type { SheetGrid } from '../../core/index.ts';
import { parseCellStyles, type CellStyles } from './cell-styles.ts';
import type { CellContext } from './cell-value.ts';
import { noWorkbookReason, notZipReason } from './not-a-workbook.ts';
import { isType, parseRelationships, relationshipsPartOf, type Relationship } from './relationships.ts';
import { parseSharedStrings } from './shared-strings.ts';
import { parseSheetCells } from './sheet-cells.ts';
import { layOutGrid } from './sparse-grid.ts';
import { parseWorkbookPart } from './workbook-part.ts';
import { XlsxFormatError } from './xlsx-format-error.ts';
import { ZipEntries } from './zip-entries.ts';

export interface XlsxWorkbook {
  /** Worksheet names in tab order, hidden ones included; chartsheets and dialog sheets are not worksheets. */
  readonly sheetNames: readonly string[];
  /** True for the 1904 date system (serial 0 is 1904-01-01). */
  readonly date1904: boolean;
  /**
   * The named worksheet (case and surrounding spaces ignored, as users retype tab names) as a
   * grid, or undefined when there is no such worksheet. See layOutGrid for the grid's shape:
   * rows may differ in length and may be holes. Each call reads the sheet's part afresh.
   */
  readSheet(name: string): SheetGrid | undefined;
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

/** The main part: what the package relationships call the office document, else the usual path. */
function workbookPartName(zip: ZipEntries): string {
  const packageRels = parseRelationships('', zip.read('_rels/.rels'));
  const office = packageRels.find((rel) => isType(rel, 'officeDocument') && zip.has(rel.part));
  if (office && office.part.toLowerCase().endsWith('.xml')) return office.part;
  if (zip.has(DEFAULT_WORKBOOK)) return DEFAULT_WORKBOOK;
  throw new XlsxFormatError(noWorkbookReason(zip));
}

class Workbook implements XlsxWorkbook {
  readonly sheetNames: readonly string[];
  readonly date1904: boolean;
  private readonly sheetParts = new Map<string, { name: string; part: string }>();
  private context: CellContext | undefined;

  constructor(
    private readonly zip: ZipEntries,
    workbookPart: string,
    private readonly relationships: readonly Relationship[],
  ) {
    const workbook = parseWorkbookPart(workbookPart, zip.read(workbookPart)!);
    this.date1904 = workbook.date1904;
    const names: string[] = [];
    workbook.sheets.forEach((sheet, position) => {
      const part = this.worksheetPart(sheet.relationshipId, position);
      const key = sheet.name.trim().toLowerCase();
      if (part === undefined || this.sheetParts.has(key)) return;
      this.sheetParts.set(key, { name: sheet.name, part });
      names.push(sheet.name);
    });
    this.sheetNames = names;
  }

  readSheet(name: string): SheetGrid | undefined {
    const sheet = this.sheetParts.get(name.trim().toLowerCase());
    if (!sheet) return undefined;
    const bytes = this.zip.read(sheet.part);
    if (!bytes) {
      throw new XlsxFormatError(`the sheet "${sheet.name}" has no part ${sheet.part} in the archive.`, {
        part: sheet.part,
      });
    }
    return layOutGrid(sheet.name, parseSheetCells(sheet.part, bytes, this.cellContext()));
  }

  /**
   * The part of a worksheet; undefined for a chartsheet, dialog sheet or macro sheet. Without any
   * workbook relationships (a few minimal writers) the conventional sheetN.xml is assumed.
   */
  private worksheetPart(id: string, position: number): string | undefined {
    if (this.relationships.length === 0) {
      const guess = `xl/worksheets/sheet${position + 1}.xml`;
      return this.zip.has(guess) ? guess : undefined;
    }
    const rel = this.relationships.find((r) => r.id === id);
    return rel && isType(rel, 'worksheet') ? rel.part : undefined;
  }

  /** Shared strings and styles, read once, on the first sheet read (listing sheets needs neither). */
  private cellContext(): CellContext {
    this.context ??= {
      sharedStrings: this.readTable('sharedStrings', 'xl/sharedStrings.xml', parseSharedStrings) ?? [],
      styles: this.readTable('styles', 'xl/styles.xml', parseCellStyles) ?? ([] as CellStyles),
      date1904: this.date1904,
    };
    return this.context;
  }

  private readTable<T>(
    kind: string,
    fallback: string,
    parse: (part: string, bytes: Uint8Array) => T,
  ): T | undefined {
    const part = this.relationships.find((r) => isType(r, kind))?.part ?? fallback;
    const bytes = this.zip.read(part);
    return bytes && parse(part, bytes);
  }
}

/**
 * Opens a workbook from its bytes. Reads the zip's directory and the workbook part only; sheets,
 * shared strings and styles are inflated when a sheet is first read.
 * @throws XlsxFormatError when the bytes are not a readable .xlsx workbook (with the reason).
 */
export function openXlsx(bytes: Uint8Array): XlsxWorkbook {
  const reason = notZipReason(bytes);
  if (reason) throw new XlsxFormatError(reason);
  const zip = new ZipEntries(bytes);
  const workbookPart = workbookPartName(zip);
  const relationships = parseRelationships(workbookPart, zip.read(relationshipsPartOf(workbookPart)));
  return new Workbook(zip, workbookPart, relationships);
}
