/// <reference types="office-js" />
// Turns a SheetPlan (or cell blocks) into Office.js calls: 2-D arrays per block, one format call set per styled rectangle.
import {
  DEFAULT_DATE_FORMAT,
  a1,
  checkCellText,
  excelSerialFromIsoDate,
  formulaText,
  pageHeaderText,
  sizeRuns,
  fixedRowHeights,
  hasWrappedRows,
  type CellRange,
  type CellStyle,
  type PlanCell,
  type PlanValue,
  type PrintSetup,
  type SheetPlan,
} from '../core/index.ts';
import { CALL_BYTES, REQUEST_BUDGET_BYTES, payloadBytes, rangeOf, type SheetCall } from './batch.ts';
import { conditionalFormatCall, validationCall } from './sheet-rules.ts';

/** Text keeps this number format: Excel then stores what it is given as text, never a formula or a number. */
export const TEXT_FORMAT = '@';
const GENERAL = 'General';

function isDate(value: PlanValue): value is { kind: 'date'; iso: string } {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'date';
}

/** A cell's value and number format as Office.js takes them; null leaves the cell as it is. */
function officeCell(cell: PlanCell | undefined, row: number, column: number): [unknown, string | null] {
  const value = cell?.value ?? null;
  const format = cell?.style?.numberFormat;
  if (value === null) return [null, null];
  if (typeof value === 'string') {
    checkCellText(value, row, column);
    // `@` is set in the same batch before the values, so `=x`, `-1`, `2022-01-01` stay text.
    return [value, TEXT_FORMAT];
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError(`${a1(row, column)}: ${value} is not a number a sheet can hold.`);
    return [value, format ?? GENERAL];
  }
  if (typeof value === 'boolean') return [value, format ?? GENERAL];
  if (isDate(value)) {
    const serial = excelSerialFromIsoDate(value.iso);
    if (serial === undefined)
      throw new RangeError(`${a1(row, column)}: ${value.iso} is not a date Excel can hold.`);
    return [serial, format ?? DEFAULT_DATE_FORMAT];
  }
  // A formula: General, so a text-formatted column cannot turn it into text.
  return [formulaText((value as { formula: string }).formula), format ?? GENERAL];
}

/**
 * Values of a block from (top, left), as number-format-then-values calls over row slices that
 * each fit the request budget: one slice for any ordinary sheet, more only for megabytes of text.
 */
export function valueCalls(top: number, left: number, cells: readonly (readonly PlanCell[])[]): SheetCall[] {
  const width = cells.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (width === 0) return [];
  const calls: SheetCall[] = [];
  let slice: { top: number; values: unknown[][]; formats: (string | null)[][]; bytes: number } | undefined;
  const close = () => {
    if (!slice) return;
    const { top: sliceTop, values, formats } = slice;
    const anything = values.some((row) => row.some((value) => value !== null));
    if (anything) {
      const rows = values.length;
      calls.push({
        bytes: payloadBytes(formats),
        queue: (sheet) => {
          sheet.getRangeByIndexes(sliceTop, left, rows, width).numberFormat = formats as string[][];
        },
      });
      calls.push({
        bytes: payloadBytes(values),
        queue: (sheet) => {
          sheet.getRangeByIndexes(sliceTop, left, rows, width).values = values as Excel.Range['values'];
        },
      });
    }
    slice = undefined;
  };
  cells.forEach((row, r) => {
    const values: unknown[] = [];
    const formats: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const [value, format] = officeCell(row[c], top + r, left + c);
      values.push(value);
      formats.push(format);
    }
    const bytes = payloadBytes(values) + payloadBytes(formats);
    // Half the budget per slice: its number formats and values go in one request.
    if (slice && slice.bytes + bytes > REQUEST_BUDGET_BYTES / 2) close();
    slice ??= { top: top + r, values: [], formats: [], bytes: 0 };
    slice.values.push(values);
    slice.formats.push(formats);
    slice.bytes += bytes;
  });
  close();
  return calls;
}

type FormatStyle = Omit<CellStyle, 'numberFormat'>;

function formatKey(style: CellStyle | undefined): string | undefined {
  if (!style) return undefined;
  const { numberFormat: _numberFormat, ...rest } = style;
  const keys = Object.keys(rest) as (keyof FormatStyle)[];
  if (keys.every((key) => rest[key] === undefined || rest[key] === false)) return undefined;
  return JSON.stringify(keys.sort().map((key) => [key, rest[key]]));
}

/** The cells of a block grouped into rectangles of one style: a row's runs, stacked while rows repeat them. */
export function styleRectangles(
  top: number,
  left: number,
  cells: readonly (readonly PlanCell[])[],
): { range: CellRange; style: FormatStyle }[] {
  const done: { range: CellRange; style: FormatStyle }[] = [];
  let open = new Map<string, { range: CellRange; style: FormatStyle }>();
  cells.forEach((row, r) => {
    const next = new Map<string, { range: CellRange; style: FormatStyle }>();
    let c = 0;
    while (c < row.length) {
      const key = formatKey(row[c]?.style);
      let end = c;
      while (end + 1 < row.length && formatKey(row[end + 1]?.style) === key) end++;
      if (key !== undefined) {
        const id = `${c}:${end}:${key}`;
        const previous = open.get(id);
        if (previous) {
          open.delete(id);
          next.set(id, { ...previous, range: { ...previous.range, bottom: top + r } });
        } else {
          next.set(id, {
            range: { top: top + r, left: left + c, bottom: top + r, right: left + end },
            style: row[c]!.style!,
          });
        }
      }
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done;
}

const BORDER_EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
] as const;

/** The format calls of one styled rectangle. */
export function formatCall(range: CellRange, style: FormatStyle): SheetCall {
  const settings = Object.keys(style).length + (style.border ? BORDER_EDGES.length * 2 : 0);
  return {
    bytes: settings * CALL_BYTES + 64,
    queue: (sheet) => {
      const format = rangeOf(sheet, range).format;
      if (style.fill) format.fill.color = style.fill;
      if (style.bold) format.font.bold = true;
      if (style.italic) format.font.italic = true;
      if (style.fontSize !== undefined) format.font.size = style.fontSize;
      if (style.fontColour) format.font.color = style.fontColour;
      if (style.wrap) format.wrapText = true;
      if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
      if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
      if (style.border) {
        const multiRow = range.bottom > range.top;
        const multiColumn = range.right > range.left;
        for (const edge of BORDER_EDGES) {
          if ((edge === 'InsideHorizontal' && !multiRow) || (edge === 'InsideVertical' && !multiColumn))
            continue;
          const border = format.borders.getItem(edge);
          border.style = 'Continuous';
          border.color = '#000000';
        }
      }
    },
  };
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Values first, then formats: what writeCells and writeSheets send for cells. */
export function cellBlockCalls(
  top: number,
  left: number,
  cells: readonly (readonly PlanCell[])[],
): SheetCall[] {
  return [
    ...valueCalls(top, left, cells),
    ...styleRectangles(top, left, cells).map(({ range, style }) => formatCall(range, style)),
  ];
}

/** Excel widths are in points; a plan's are in characters of the default font (7 px each, 5 px padding). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function layoutCalls(plan: SheetPlan): SheetCall[] {
  const calls: SheetCall[] = [];
  for (const run of sizeRuns(plan.columnWidths.map((width, index) => [index, width] as const))) {
    calls.push({
      bytes: CALL_BYTES * 2,
      queue: (sheet) => {
        sheet.getRangeByIndexes(0, run.start, 1, run.count).format.columnWidth = widthInPoints(run.size);
      },
    });
  }
  // Excel fits wrapped rows to their text (one call for the sheet's rows); the other heights follow.
  if (hasWrappedRows(plan)) {
    calls.push({
      bytes: CALL_BYTES * 2,
      queue: (sheet) => sheet.getRangeByIndexes(0, 0, plan.cells.length, 1).format.autofitRows(),
    });
  }
  for (const run of sizeRuns(fixedRowHeights(plan))) {
    calls.push({
      bytes: CALL_BYTES * 2,
      queue: (sheet) => {
        sheet.getRangeByIndexes(run.start, 0, run.count, 1).format.rowHeight = run.size;
      },
    });
  }
  for (const merge of plan.merges) {
    if (merge.top === merge.bottom && merge.left === merge.right) continue;
    calls.push({ bytes: CALL_BYTES * 2, queue: (sheet) => rangeOf(sheet, merge).merge(false) });
  }
  calls.push({
    bytes: CALL_BYTES * 8,
    queue: (sheet) => {
      if (plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
      if (plan.frozenColumns > 0) sheet.freezePanes.freezeColumns(plan.frozenColumns);
      if (plan.tabColour) sheet.tabColor = plan.tabColour;
      printCalls(sheet, plan.print);
    },
  });
  return calls;
}

function printCalls(sheet: Excel.Worksheet, print: PrintSetup): void {
  const page = sheet.pageLayout;
  page.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (print.fitToWidth || print.fitToHeight) {
    // 0 pages tall: as many as the rows need.
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.fitToHeight ? 1 : 0 };
  }
  if (print.repeatRows > 0) page.setPrintTitleRows(`$1:$${print.repeatRows}`);
  const all = page.headersFooters.defaultForAllPages;
  if (print.header) all.centerHeader = pageHeaderText(print.header);
  if (print.footer) all.leftFooter = pageHeaderText(print.footer);
  if (print.pageNumbers) all.rightFooter = 'Page &P of &N';
}

/** Every call that builds the plan on an empty sheet: values, then formats, layout and rules. */
export function sheetPlanCalls(plan: SheetPlan): SheetCall[] {
  return [
    ...cellBlockCalls(0, 0, plan.cells),
    ...layoutCalls(plan),
    ...plan.conditionalFormats.map(conditionalFormatCall),
    ...plan.validations.map(validationCall),
  ];
}
