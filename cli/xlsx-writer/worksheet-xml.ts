// One report sheet's part (xl/worksheets/sheetN.xml) from its plan, made as a series of chunks of
// rows so the zip deflates each while the next is made: views, widths, cells, merges, rules and
// print setup.
import type { CellRange, PlanCell, SheetPlan } from '../../core/index.ts';
import { a1, checkCellText, columnLetter, formulaBody } from '../../core/index.ts';
import {
  argb,
  cellNumber,
  storableText,
  dateFromIso,
  headerFooterOf,
  isDateValue,
  pageSetupOf,
  rangeRef,
} from '../render-plan.ts';
import { toValidation } from '../sheet-rules.ts';
import { escapeXml } from '../xml-text.ts';
import { ByteChunks } from './byte-chunks.ts';
import type { SharedStrings } from './shared-strings.ts';
import type { StyleTable } from './style-table.ts';

/** Excel's width of a column nobody sized: such columns are left out of `<cols>`. */
const DEFAULT_COLUMN_WIDTH = 9;
/** Days from Excel's day 0 (1899-12-30 in its 1900 date system) to 1970-01-01. */
const EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

const WORKSHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac"' +
  ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';

/** The serial number Excel stores for a date (whole days: plan dates are calendar dates). */
export function dateSerial(date: Date): number {
  return EPOCH_SERIAL + date.getTime() / DAY_MS;
}

/** Column letters by index, made once each. */
const letters: string[] = [];
function letter(column: number): string {
  return (letters[column] ??= columnLetter(column));
}

/** A merged area's cells other than its top-left one, as they are written in one row. */
interface MergedSpan {
  readonly left: number;
  readonly right: number;
  /** Whether the span holds the area's top-left cell (written from the plan, not as merged). */
  readonly masterRow: boolean;
  /** The top-left cell's format: every cell of the area shows it. */
  readonly format: number;
}

export function* worksheetXml(
  plan: SheetPlan,
  styles: StyleTable,
  strings: SharedStrings,
): Generator<Uint8Array> {
  const out = new ByteChunks();
  out.utf8(WORKSHEET_OPEN + sheetHead(plan) + columnsXml(plan.columnWidths) + '<sheetData>');

  const merges = plan.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  const spans = mergedSpans(plan, merges, styles);
  const heights = plan.rowHeights ?? {};
  let last = plan.cells.length - 1;
  for (const row of Object.keys(heights)) last = Math.max(last, Number(row));
  for (const m of merges) last = Math.max(last, m.bottom);

  const cells = new ByteChunks();
  for (let r = 0; r <= last; r++) {
    writeRow(out, cells, r, plan.cells[r] ?? [], heights[r], spans.get(r), styles, strings);
    if (out.full) yield out.take()!;
  }
  let xml = '</sheetData>';

  if (merges.length > 0)
    xml += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>`;
  plan.conditionalFormats.forEach((format, index) => {
    const dxf = styles.differentialFormat(format.style);
    xml +=
      `<conditionalFormatting sqref="${rangeRef(format.range)}"><cfRule type="expression" dxfId="${dxf}" priority="${index + 1}">` +
      `<formula>${escapeXml(formulaBody(format.formula))}</formula></cfRule></conditionalFormatting>`;
  });
  xml += validationsXml(plan);
  xml += printXml(plan);
  out.utf8(`${xml}</worksheet>`);
  yield out.take()!;
}

/** Sheet properties (tab colour, fit to page), the view (frozen panes) and row defaults. */
function sheetHead(plan: SheetPlan): string {
  const setup = pageSetupOf(plan.print, {});
  const properties =
    (plan.tabColour ? `<tabColor rgb="${argb(plan.tabColour)}"/>` : '') +
    (setup.fitToPage ? '<pageSetUpPr fitToPage="1"/>' : '');
  let view = '<sheetView workbookViewId="0"/>';
  const { frozenRows: y, frozenColumns: x } = plan;
  if (x > 0 || y > 0) {
    const pane = x > 0 && y > 0 ? 'bottomRight' : x > 0 ? 'topRight' : 'bottomLeft';
    view =
      `<sheetView workbookViewId="0"><pane${x > 0 ? ` xSplit="${x}"` : ''}${y > 0 ? ` ySplit="${y}"` : ''}` +
      ` topLeftCell="${a1(y, x)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView>`;
  }
  return (
    (properties ? `<sheetPr>${properties}</sheetPr>` : '') +
    `<sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>'
  );
}

/** `<cols>`: runs of equal widths as one entry; default widths left out. */
function columnsXml(widths: readonly number[]): string {
  let xml = '';
  for (let c = 0; c < widths.length;) {
    const width = widths[c];
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === width) end++;
    if (width !== undefined && width !== DEFAULT_COLUMN_WIDTH)
      xml += `<col min="${c + 1}" max="${end + 1}"${width ? ` width="${width}"` : ''} customWidth="1"/>`;
    c = end + 1;
  }
  return xml ? `<cols>${xml}</cols>` : '';
}

/**
 * Where each row crosses a merged area. A merged area shows its top-left cell's format in every
 * cell, whatever the plan put there; areas may not overlap (Excel refuses such a file).
 */
function mergedSpans(
  plan: SheetPlan,
  merges: readonly CellRange[],
  styles: StyleTable,
): Map<number, MergedSpan[]> {
  const spans = new Map<number, MergedSpan[]>();
  for (const m of merges) {
    const master = plan.cells[m.top]?.[m.left];
    const format = master ? formatOf(master, styles) : 0;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = spans.get(r) ?? [];
      const clash = row.find((s) => s.left <= m.right && m.left <= s.right);
      if (clash)
        throw new RangeError(
          `${plan.name}: merged cells ${rangeRef(m)} overlap other merged cells in row ${r + 1}.`,
        );
      row.push({ left: m.left, right: m.right, masterRow: r === m.top, format });
      spans.set(r, row);
    }
  }
  for (const row of spans.values()) row.sort((a, b) => a.left - b.left);
  return spans;
}

function formatOf(cell: PlanCell, styles: StyleTable): number {
  const isDate = isDateValue(cell.value);
  return cell.style || isDate ? styles.cellFormat(cell.style, isDate) : 0;
}

/**
 * One `<row>` into `out`, or nothing for a row with nothing to write. Its cells are written into
 * `cells` first: the row's tag carries their span, known only once they are.
 */
function writeRow(
  out: ByteChunks,
  cells: ByteChunks,
  r: number,
  planCells: readonly PlanCell[],
  height: number | undefined,
  merged: readonly MergedSpan[] | undefined,
  styles: StyleTable,
  strings: SharedStrings,
): void {
  const number = r + 1;
  let min = 0;
  let max = 0;
  let span = 0;
  cells.clear();
  // `<c r="B7"`: every cell starts so.
  const open = (c: number) => {
    cells.ascii('<c r="');
    cells.ascii(letter(c));
    cells.number(number);
    cells.ascii('"');
  };
  const style = (s: number) => {
    if (!s) return;
    cells.ascii(' s="');
    cells.number(s);
    cells.ascii('"');
  };
  const end = Math.max(planCells.length, merged ? merged[merged.length - 1]!.right + 1 : 0);
  for (let c = 0; c < end; c++) {
    // Inside a merged area (not its top-left cell): the area's format, no value.
    const area = merged?.[span];
    if (area && c >= area.left) {
      if (c > area.left || !area.masterRow) {
        open(c);
        style(area.format);
        cells.ascii('/>');
        if (!min) min = c + 1;
        max = c + 1;
        if (c === area.right) span++;
        continue;
      }
      if (c === area.right) span++;
      // The top-left cell is the plan's own; counted as written even when empty, as Excel lists it.
      if (!min) min = c + 1;
      max = c + 1;
    }
    const cell = planCells[c];
    if (!cell) continue;
    const { value } = cell;
    if (value === null) {
      if (!cell.style) continue;
      if (!min) min = c + 1;
      max = c + 1;
      const s = styles.cellFormat(cell.style, false);
      if (s) {
        open(c);
        style(s);
        cells.ascii('/>');
      }
      continue;
    }
    if (!min) min = c + 1;
    max = c + 1;
    switch (typeof value) {
      case 'string': {
        const s = cell.style ? styles.cellFormat(cell.style, false) : 0;
        const text = storableText(value);
        checkCellText(text, r, c);
        open(c);
        style(s);
        cells.ascii(' t="s"><v>');
        cells.number(strings.add(text));
        cells.ascii('</v></c>');
        break;
      }
      case 'number': {
        const s = cell.style ? styles.cellFormat(cell.style, false) : 0;
        open(c);
        style(s);
        cells.ascii('><v>');
        cells.ascii(String(cellNumber(value, r, c)));
        cells.ascii('</v></c>');
        break;
      }
      case 'boolean': {
        const s = cell.style ? styles.cellFormat(cell.style, false) : 0;
        open(c);
        style(s);
        cells.ascii(value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
        break;
      }
      default: {
        if ('formula' in value) {
          // No cached result: Excel and LibreOffice calculate it on open (fullCalcOnLoad).
          const s = cell.style ? styles.cellFormat(cell.style, false) : 0;
          open(c);
          style(s);
          cells.ascii('><f>');
          cells.utf8(escapeXml(formulaBody(value.formula)));
          cells.ascii('</f></c>');
        } else {
          const s = styles.cellFormat(cell.style, true);
          open(c);
          cells.ascii(' s="');
          cells.number(s);
          cells.ascii('"><v>');
          cells.ascii(String(dateSerial(dateFromIso(value.iso, r, c))));
          cells.ascii('</v></c>');
        }
      }
    }
  }
  if (cells.empty && height === undefined && !min) return;
  out.ascii('<row r="');
  out.number(number);
  out.ascii('"');
  if (height) out.ascii(` ht="${height}" customHeight="1"`);
  if (min > 0) out.ascii(` spans="${min}:${max}"`);
  out.ascii(' x14ac:dyDescent="0.25"');
  if (cells.empty) {
    out.ascii('/>');
    return;
  }
  out.ascii('>');
  out.append(cells);
  out.ascii('</row>');
}

/** `<dataValidations>`: one per range (a later rule for the same range replaces an earlier one). */
function validationsXml(plan: SheetPlan): string {
  const byRange = new Map<string, string>();
  for (const validation of plan.validations) {
    const sqref = rangeRef(validation.range);
    const v = toValidation(validation);
    const attributes =
      ` type="${v.type}"` +
      (v.operator && v.type !== 'list' && v.operator !== 'between' ? ` operator="${v.operator}"` : '') +
      (v.allowBlank ? ' allowBlank="1"' : '') +
      (v.showInputMessage ? ' showInputMessage="1"' : '') +
      (v.promptTitle ? ` promptTitle="${escapeXml(v.promptTitle)}"` : '') +
      (v.prompt ? ` prompt="${escapeXml(v.prompt)}"` : '') +
      (v.showErrorMessage ? ' showErrorMessage="1"' : '') +
      (v.errorStyle ? ` errorStyle="${v.errorStyle}"` : '') +
      (v.errorTitle ? ` errorTitle="${escapeXml(v.errorTitle)}"` : '') +
      (v.error ? ` error="${escapeXml(v.error)}"` : '') +
      ` sqref="${sqref}"`;
    const formulae = v.formulae
      .map((formula: unknown, index: number) => {
        const text = formula instanceof Date ? String(dateSerial(formula)) : String(formula);
        return `<formula${index + 1}>${escapeXml(text)}</formula${index + 1}>`;
      })
      .join('');
    byRange.delete(sqref);
    byRange.set(sqref, `<dataValidation${attributes}>${formulae}</dataValidation>`);
  }
  return byRange.size > 0
    ? `<dataValidations count="${byRange.size}">${[...byRange.values()].join('')}</dataValidations>`
    : '';
}

/** Margins, orientation and fit to page, and the header and footer. */
function printXml(plan: SheetPlan): string {
  const setup = pageSetupOf(plan.print, {});
  const headerFooter = headerFooterOf(plan.print);
  return (
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup orientation="${setup.orientation}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100"` +
    ` fitToWidth="${setup.fitToWidth}" fitToHeight="${setup.fitToHeight}"/>` +
    (headerFooter
      ? '<headerFooter>' +
        (headerFooter.oddHeader ? `<oddHeader>${escapeXml(headerFooter.oddHeader)}</oddHeader>` : '') +
        (headerFooter.oddFooter ? `<oddFooter>${escapeXml(headerFooter.oddFooter)}</oddFooter>` : '') +
        '</headerFooter>'
      : '')
  );
}
