// Writes report sheets to an .xlsx with exceljs's streaming writer: each row is turned into XML
// as soon as it is made (and whatever merges it belongs to are known), and the zip is deflated
// by Node's native zlib, rather than building the whole workbook model in memory first.
import type ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { Readable, type Writable } from 'node:stream';
import type { SheetPlan } from '../core/index.ts';
import { withDefinedNames, type DefinedName } from './functions.ts';
import {
  conditionalFormatting,
  headerFooterOf,
  pageSetupOf,
  planRowWriter,
  rangeRef,
  toValidation,
  worksheetOptions,
} from './render-plan.ts';

/**
 * Text cells as shared strings, as the in-memory writer wrote them. Inline strings measured
 * about 5% faster on the 10,000-risk register (2.1 s against 2.2 s, within run-to-run noise on
 * memory) but made the file 5% larger and read back differently: an empty text cell ("")
 * becomes an empty cell, so the output would no longer equal the in-memory writer's.
 */
const USE_SHARED_STRINGS = true;

const WORKBOOK_PART = '/xl/workbook.xml';

/**
 * Rows made between turns of the event loop, so the zip deflates (on libuv's threads) and writes
 * what is committed while later rows are made, rather than holding a whole sheet's XML first.
 */
const YIELD_EVERY = 1000;

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * exceljs's streaming writer, loaded from its own module: `require('exceljs')` loads the whole
 * library (readers, the in-memory model, CSV) in ~150 ms, the writer alone in ~70 ms. Should a
 * later exceljs move the file, the package's export is used instead.
 */
function loadWorkbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  const require = createRequire(import.meta.url);
  try {
    return require('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;
  } catch {
    return (require('exceljs') as typeof ExcelJS).stream.xlsx.WorkbookWriter;
  }
}

/** The parts of exceljs's streaming writer used here that its typings leave out. */
interface StreamingInternals {
  readonly zip: { append(source: unknown, data: { name: string }): unknown };
  sharedStrings: { readonly count: number; readonly values: readonly string[] };
  addSharedStrings(): Promise<void>;
  creator: string;
  lastModifiedBy: string;
}

/**
 * Writes `plans` as the sheets of a new workbook into `out` (emptying the array as it goes), with workbook-scoped `names` (the
 * LAMBDA functions) added to xl/workbook.xml, and resolves when `out` has finished. The result
 * equals what renderSheetPlan and addDefinedNames make in memory (test/cli/xlsx-stream-writer.test.ts).
 */
export async function streamWorkbook(
  out: Writable,
  plans: SheetPlan[],
  names: readonly DefinedName[] = [],
): Promise<void> {
  const Writer = loadWorkbookWriter();
  const writer = new Writer({ stream: out, useStyles: true, useSharedStrings: USE_SHARED_STRINGS });
  const internals = writer as unknown as StreamingInternals;
  // The properties newWorkbook gives a workbook made in memory.
  internals.creator = 'risk-register';
  internals.lastModifiedBy = 'risk-register';
  internals.sharedStrings = new SharedStringTable();
  finishWorkbookPart(internals, names);
  streamSharedStrings(internals);
  // Taken out one at a time: once written, a sheet's plan can be freed.
  for (let plan = plans.shift(); plan; plan = plans.shift()) await writeSheet(writer, plan);
  await writer.commit();
}

/**
 * The streaming writer makes xl/workbook.xml from a fixed model: no calculation properties and no
 * LAMBDA names. Edit the part's text on its way into the zip: ask for a full calculation on load
 * (as newWorkbook does: formulas carry no cached results) and add the names.
 */
function finishWorkbookPart(internals: StreamingInternals, names: readonly DefinedName[]): void {
  const zip = internals.zip;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => {
    if (data.name !== WORKBOOK_PART || typeof source !== 'string') return append(source, data);
    let xml = source.replace(/<calcPr\b([^>]*?)\/>/, (tag, attrs: string) =>
      /fullCalcOnLoad=/.test(attrs) ? tag : `<calcPr${attrs} fullCalcOnLoad="1"/>`,
    );
    if (names.length > 0) xml = withDefinedNames(xml, names);
    return append(xml, data);
  };
}

/**
 * The streaming writer drops a row whose cells are all empty (hasValues false) unless it has a
 * height, where the in-memory writer keeps it for its styled empty cells (a bordered blank row):
 * tell it such a row has something to write.
 */
function keepStyledRow(row: ExcelJS.Row): void {
  if (!row.hasValues && row.model) Object.defineProperty(row, 'hasValues', { value: true });
}

/**
 * exceljs's table of shared strings (utils/shared-strings.js) with a Map for its index. exceljs
 * keys a plain object by each text, and V8 keeps an internalized copy of every string used as a
 * property name: a second copy of all the register's text. A Map keys by the string itself.
 */
class SharedStringTable {
  private readonly index = new Map<string, number>();
  private readonly strings: string[] = [];
  private refs = 0;

  get count(): number {
    return this.strings.length;
  }

  get values(): readonly string[] {
    return this.strings;
  }

  get totalRefs(): number {
    return this.refs;
  }

  getString(index: number): string | undefined {
    return this.strings[index];
  }

  add(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.strings.length;
      this.index.set(value, at);
      this.strings.push(value);
    }
    this.refs++;
    return at;
  }
}

/** exceljs's XML writer and shared-string renderer, as far as streamSharedStrings uses them. */
interface XmlStreamClass {
  new (): {
    _xml: string[];
    readonly xml: string;
    openXml(attributes: object): void;
    openNode(name: string, attributes: object): void;
  };
  readonly StdDocAttributes: object;
}
interface SharedStringRenderer {
  render(xml: InstanceType<XmlStreamClass>, text: string): void;
}

/** Shared strings rendered per batch, each batch handed to the zip as it is made. */
const STRINGS_PER_CHUNK = 2000;

/**
 * The writer renders xl/sharedStrings.xml as one string at the end (tens of MB for a large
 * register, on top of everything else alive then: the peak of the whole run). Render it with
 * exceljs's own XML writer and shared-string renderer, so the bytes are the same, but as a stream
 * of batches the zip deflates as they come. Left as it is if those modules have moved.
 */
function streamSharedStrings(internals: StreamingInternals): void {
  const require = createRequire(import.meta.url);
  let XmlStream: XmlStreamClass;
  let SharedStringXform: new () => SharedStringRenderer;
  try {
    XmlStream = require('exceljs/lib/utils/xml-stream.js') as XmlStreamClass;
    SharedStringXform =
      require('exceljs/lib/xlsx/xform/strings/shared-string-xform.js') as new () => SharedStringRenderer;
  } catch {
    return;
  }
  function* chunks(values: readonly string[]): Generator<Buffer> {
    const xml = new XmlStream();
    xml.openXml(XmlStream.StdDocAttributes);
    // As exceljs's SharedStringsXform writes it: its count is the number of distinct strings.
    xml.openNode('sst', {
      xmlns: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      count: values.length,
      uniqueCount: values.length,
    });
    const item = new SharedStringXform();
    for (let i = 0; i < values.length; i++) {
      item.render(xml, values[i]!);
      if (i % STRINGS_PER_CHUNK === STRINGS_PER_CHUNK - 1) {
        yield Buffer.from(xml._xml.join(''));
        xml._xml = [];
      }
    }
    yield Buffer.from(xml.xml);
  }
  internals.addSharedStrings = async () => {
    const strings = internals.sharedStrings;
    if (strings.count === 0) return;
    internals.zip.append(Readable.from(chunks(strings.values), { objectMode: false }), {
      name: '/xl/sharedStrings.xml',
    });
  };
}

async function writeSheet(writer: WorkbookWriter, plan: SheetPlan): Promise<void> {
  // Everything the writer puts before <sheetData> (views, tab colour, fit to page) is known now.
  const headerFooter = headerFooterOf(plan.print);
  const sheet = writer.addWorksheet(plan.name, {
    ...worksheetOptions(plan),
    pageSetup: pageSetupOf(plan.print, {}),
    ...(headerFooter ? { headerFooter } : {}),
  });
  plan.columnWidths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });

  // A merge copies its top-left cell's style over the others, so it is made once all its rows are
  // written (as in memory: cells, then merges), and a row is committed, i.e. written out and
  // freed, only once every merge covering it is made.
  const merges = plan.merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  const mergesEndingAt = new Map<number, (typeof merges)[number][]>();
  const heldUntil = new Map<number, number>();
  for (const m of merges) {
    mergesEndingAt.set(m.bottom, [...(mergesEndingAt.get(m.bottom) ?? []), m]);
    for (let r = m.top; r <= m.bottom; r++) heldUntil.set(r, Math.max(heldUntil.get(r) ?? r, m.bottom));
  }
  const heights = plan.rowHeights ?? {};
  let last = plan.cells.length - 1;
  for (const row of Object.keys(heights)) last = Math.max(last, Number(row));
  for (const m of merges) last = Math.max(last, m.bottom);

  const write = planRowWriter();
  let committed = 0; // rows 1..committed (1-based) are written out
  for (let r = 0; r <= last; r++) {
    const cells = plan.cells[r];
    if (cells && cells.length > 0) {
      const row = sheet.getRow(r + 1);
      write(row, r, 0, cells);
      keepStyledRow(row);
    }
    const height = heights[r];
    if (height !== undefined) sheet.getRow(r + 1).height = height;
    for (const m of mergesEndingAt.get(r) ?? [])
      sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    let next = committed;
    while (next <= r && (heldUntil.get(next) ?? next) <= r) next++;
    if (next > committed) {
      sheet.getRow(next).commit();
      committed = next;
    }
    if (r % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }

  plan.conditionalFormats.forEach((format, index) =>
    sheet.addConditionalFormatting(conditionalFormatting(format, index + 1)),
  );
  const validations = (
    sheet as unknown as {
      dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
    }
  ).dataValidations;
  for (const validation of plan.validations)
    validations.add(rangeRef(validation.range), toValidation(validation));
  sheet.commit();
}
