// Opens .xlsx bytes: finds the workbook, its worksheets and tables, and streams sheets on request.
import type { SheetGrid } from '../../core/index.ts';
import { parseCellStyles, type CellStyles } from './cell-styles.ts';
import type { CellContext } from './cell-value.ts';
import { noWorkbookReason, notZipReason } from './not-a-workbook.ts';
import type { PartScanner } from './part-scanner.ts';
import { isType, parseRelationships, relationshipsPartOf, type Relationship } from './relationships.ts';
import { SharedStringsScanner } from './shared-strings.ts';
import { SheetScanner, type ColumnChoice } from './sheet-cells.ts';
import { parseWorkbookPart } from './workbook-part.ts';
import { NotUtf8 } from './xml-bytes.ts';
import { utf8Chunks } from './xml-encoding.ts';
import { XlsxFormatError } from './xlsx-format-error.ts';
import { ZipEntries } from './zip-entries.ts';
import type { ArchiveBytes } from './archive-bytes.ts';
import { MalformedXml } from '../xml-text.ts';

/** A sheet as read: the grid (with its merged areas), and the text shown for zero-padded numbers. */
export interface XlsxSheet extends SheetGrid {
  readonly merges: NonNullable<SheetGrid['merges']>;
  /** The text shown at 0-based (row, column) when its number format pads it (`000` shows 7 as `007`). */
  shownText(row: number, column: number): string | undefined;
  /** How many non-empty cells the grid holds (memory grows with this, not with the part). */
  readonly cellsKept: number;
  /** The most bytes of the sheet's part held at once (never the whole part, when it is bigger than a chunk). */
  readonly largestHeld: number;
}

export interface ReadSheetOptions {
  /** Keep only some columns below the top rows (see ColumnChoice); every column when absent. */
  readonly columns?: ColumnChoice;
  /** Inflated bytes per chunk (tests make it small to prove nothing needs a whole part). */
  readonly chunkSize?: number;
}

export interface XlsxWorkbook {
  /** Worksheet names in tab order, hidden ones included; chartsheets and dialog sheets are not worksheets. */
  readonly sheetNames: readonly string[];
  /** True for the 1904 date system (serial 0 is 1904-01-01). */
  readonly date1904: boolean;
  /**
   * The named worksheet (case and surrounding spaces ignored, as users retype tab names) as a
   * grid, or undefined when there is no such worksheet. See GridBuilder for the grid's shape:
   * rows may differ in length and may be holes. Each call streams the sheet's part afresh.
   */
  readSheet(name: string, options?: ReadSheetOptions): Promise<XlsxSheet | undefined>;
  /** Lets go of the file the workbook is read from (when it was opened from one); no sheet can be read after. */
  close(): void;
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

/** A scanner's own faults as the reader's one error, naming the part. */
function partError(part: string, error: unknown): unknown {
  if (error instanceof MalformedXml) {
    return new XlsxFormatError(`the part ${part} is not well-formed XML (${error.message}).`, {
      part,
      cause: error,
    });
  }
  if (error instanceof NotUtf8) {
    return new XlsxFormatError(
      `the part ${part} is not valid UTF-8 text, and declares no other encoding. Save the workbook again as .xlsx.`,
      { part, cause: error },
    );
  }
  return error;
}

/** Streams the part through the scanner (UTF-8, declared encodings transcoded). */
async function scanPart(
  zip: ZipEntries,
  part: string,
  scanner: PartScanner,
  chunkSize?: number,
): Promise<void> {
  const chunks = zip.chunks(part, chunkSize);
  if (!chunks) throw new XlsxFormatError(`the archive has no part ${part}.`, { part });
  try {
    for await (const chunk of utf8Chunks(part, chunks)) scanner.feed(chunk);
    scanner.end();
  } catch (error) {
    throw partError(part, error);
  }
}

class Workbook implements XlsxWorkbook {
  readonly sheetNames: readonly string[];
  readonly date1904: boolean;
  private readonly sheetParts = new Map<string, { name: string; part: string }>();
  private context: Promise<CellContext> | undefined;

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

  close(): void {
    this.zip.close();
  }

  async readSheet(name: string, options: ReadSheetOptions = {}): Promise<XlsxSheet | undefined> {
    const sheet = this.sheetParts.get(name.trim().toLowerCase());
    if (!sheet) return undefined;
    if (!this.zip.has(sheet.part)) {
      throw new XlsxFormatError(`the sheet "${sheet.name}" has no part ${sheet.part} in the archive.`, {
        part: sheet.part,
      });
    }
    const scanner = new SheetScanner(sheet.part, await this.cellContext(options.chunkSize), options.columns);
    await scanPart(this.zip, sheet.part, scanner, options.chunkSize);
    const cells = scanner.result();
    return {
      name: sheet.name,
      rows: cells.rows,
      merges: cells.merges,
      cellsKept: cells.cellsKept,
      largestHeld: cells.largestHeld,
      shownText: (row, column) => cells.shown.get(row * 16_384 + column),
    };
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
  private cellContext(chunkSize: number | undefined): Promise<CellContext> {
    this.context ??= (async () => ({
      sharedStrings: await this.sharedStrings(chunkSize),
      styles: this.styles(),
      date1904: this.date1904,
    }))();
    return this.context;
  }

  private partOf(kind: string, fallback: string): string {
    return this.relationships.find((r) => isType(r, kind))?.part ?? fallback;
  }

  private async sharedStrings(chunkSize: number | undefined): Promise<readonly string[]> {
    const part = this.partOf('sharedStrings', 'xl/sharedStrings.xml');
    if (!this.zip.has(part)) return [];
    const scanner = new SharedStringsScanner(part);
    await scanPart(this.zip, part, scanner, chunkSize);
    return scanner.strings;
  }

  private styles(): CellStyles {
    const part = this.partOf('styles', 'xl/styles.xml');
    const bytes = this.zip.read(part);
    return bytes ? parseCellStyles(part, bytes) : [];
  }
}

/**
 * Opens a workbook from its bytes, in memory or read from a file as needed (archive-bytes.ts).
 * Reads the zip's directory and the workbook part only; sheets, shared strings and styles are
 * inflated when a sheet is first read.
 * @throws XlsxFormatError when the bytes are not a readable .xlsx workbook (with the reason).
 */
export function openXlsx(bytes: Uint8Array | ArchiveBytes): XlsxWorkbook {
  const head = bytes instanceof Uint8Array ? bytes : bytes.slice(0, Math.min(bytes.length, 8));
  const reason = notZipReason(head);
  if (reason) throw new XlsxFormatError(reason);
  const zip = new ZipEntries(bytes);
  const workbookPart = workbookPartName(zip);
  const relationships = parseRelationships(workbookPart, zip.read(relationshipsPartOf(workbookPart)));
  return new Workbook(zip, workbookPart, relationships);
}
