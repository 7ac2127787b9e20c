// Renders a core SheetPlan into an exceljs worksheet: values, styles, layout and print setup (its rules: sheet-rules.ts).
import type ExcelJS from 'exceljs';
import {
  DEFAULT_DATE_FORMAT,
  a1,
  a1Range,
  checkCellText,
  formulaBody,
  pageHeaderText,
} from '../core/index.ts';
import type { CellRange, CellStyle, PlanCell, PlanValue, PrintSetup, SheetPlan } from '../core/index.ts';

/** What exceljs needs when a plan's worksheet is created: views, tab colour and page setup. */
export function worksheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  const frozen = plan.frozenRows > 0 || plan.frozenColumns > 0;
  return {
    views: [
      frozen
        ? {
            state: 'frozen',
            xSplit: plan.frozenColumns,
            ySplit: plan.frozenRows,
            topLeftCell: a1(plan.frozenRows, plan.frozenColumns),
          }
        : { state: 'normal' },
    ],
    ...(plan.tabColour ? { properties: { tabColor: { argb: argb(plan.tabColour) } } } : {}),
  };
}

/** Adds the plan as a new worksheet of `workbook` and returns it. */
export function renderSheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(plan.name, worksheetOptions(plan));
  writePlanCells(worksheet, 0, 0, plan.cells);
  plan.columnWidths.forEach((width, index) => {
    worksheet.getColumn(index + 1).width = width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    worksheet.getRow(Number(row) + 1).height = height;
  }
  for (const m of plan.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    worksheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  worksheet.pageSetup = pageSetupOf(plan.print, worksheet.pageSetup);
  const headerFooter = headerFooterOf(plan.print);
  if (headerFooter) worksheet.headerFooter = { ...worksheet.headerFooter, ...headerFooter };
  return worksheet;
}

/** Writes plan cells from (top, left), 0-based; cells with neither value nor style are left alone. */
export function writePlanCells(
  worksheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  cells: readonly (readonly PlanCell[])[],
): void {
  const write = planRowWriter();
  cells.forEach((rowCells, i) => {
    if (rowCells.length === 0) return;
    write(worksheet.getRow(top + i + 1), top + i, left, rowCells);
  });
}

/**
 * A function that writes one plan row's cells into an exceljs row (of a worksheet in memory or
 * of a streaming WorksheetWriter) from 0-based column `left`; `r` is the 0-based sheet row.
 * One converted style object per plan style is shared by every cell that uses it: exceljs then
 * finds the style id through its own WeakMap instead of hashing each cell's style.
 */
export function planRowWriter(): (
  row: ExcelJS.Row,
  r: number,
  left: number,
  cells: readonly PlanCell[],
) => void {
  const styles = new StyleCache();
  return (row, r, left, rowCells) => {
    rowCells.forEach((planCell, j) => {
      const c = left + j;
      const { value, style } = planCell;
      const isDate = isDateValue(value);
      if (value === null && !style) return;
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = toExcelValue(value, r, c);
      if (style || isDate) cell.style = styles.get(style, isDate);
    });
  };
}

export function isDateValue(value: PlanValue): value is Extract<PlanValue, { kind: 'date' }> {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'date';
}

function toExcelValue(value: Exclude<PlanValue, null>, r: number, c: number): ExcelJS.CellValue {
  switch (typeof value) {
    case 'string': {
      // A plain string is always written as a (shared) string, never parsed as a formula.
      const text = storableText(value);
      checkCellText(text, r, c);
      return text;
    }
    case 'number':
      return cellNumber(value, r, c);
    case 'boolean':
      return value;
  }
  if ('formula' in value) {
    // No cached result: LibreOffice and Excel then calculate it on open.
    return { formula: formulaBody(value.formula) };
  }
  return dateFromIso(value.iso, r, c);
}

/** A plan's number as a cell at (r, c) stores it; NaN and infinities are errors naming the cell. */
export function cellNumber(value: number, r: number, c: number): number {
  if (!Number.isFinite(value))
    throw new RangeError(`${a1(r, c)}: ${value} is not a number a sheet can hold.`);
  return value;
}

// Characters XML 1.0 cannot carry (exceljs drops most of them but writes U+FFFE/U+FFFF, which
// breaks the file), carriage returns (XML readers turn CR LF into LF anyway), lone surrogates,
// and literal `_xHHHH_` (Excel and exceljs decode it as an escaped character).
const NEEDS_CLEANUP =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\r\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/;

/** Text as a cell can store it and every reader gives back; almost all text passes unchanged. */
export function storableText(text: string): string {
  if (!NEEDS_CLEANUP.test(text)) return text;
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      // `_x005F_` is an escaped `_`, so `_x0041_` reads back as itself.
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
  );
}

/** A plan date as a UTC-midnight Date; anything but a calendar date is an error naming the cell. */
export function dateFromIso(iso: string, r: number, c: number): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined;
  if (!date || date.toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`${a1(r, c)}: ${JSON.stringify(iso)} is not a calendar date (YYYY-MM-DD).`);
  }
  // UTC midnight: exceljs turns it into a whole serial number, whatever the machine's zone.
  return date;
}

class StyleCache {
  private readonly byObject = new WeakMap<CellStyle, Partial<ExcelJS.Style>>();
  private readonly byObjectDate = new WeakMap<CellStyle, Partial<ExcelJS.Style>>();
  /** Plans that build a fresh style object per cell still share converted styles by content. */
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();
  private plainDate: Partial<ExcelJS.Style> | undefined;

  get(style: CellStyle | undefined, isDate: boolean): Partial<ExcelJS.Style> {
    if (!style) return (this.plainDate ??= { numFmt: DEFAULT_DATE_FORMAT });
    const map = isDate ? this.byObjectDate : this.byObject;
    let converted = map.get(style);
    if (!converted) {
      const key = `${isDate ? 'd' : 'v'}${JSON.stringify(style)}`;
      converted = this.byKey.get(key);
      if (!converted) {
        converted = toExcelStyle(style, isDate);
        this.byKey.set(key, converted);
      }
      map.set(style, converted);
    }
    return converted;
  }
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const THIN_BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function toExcelStyle(style: CellStyle, isDate: boolean): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font = toFont(style);
  // A cell font replaces the default one whole: name it, or some readers fall back to another face.
  if (font) out.font = { name: 'Calibri', family: 2, size: 11, ...font };
  if (style.fill) out.fill = solidFill(style.fill);
  if (style.wrap || style.horizontal || style.vertical) {
    out.alignment = {
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
    };
  }
  const numFmt = style.numberFormat ?? (isDate ? DEFAULT_DATE_FORMAT : undefined);
  if (numFmt) out.numFmt = numFmt;
  if (style.border) out.border = THIN_BOX;
  return out;
}

export function toFont(style: CellStyle): Partial<ExcelJS.Font> | undefined {
  if (!style.bold && !style.italic && style.fontSize === undefined && !style.fontColour) return undefined;
  return {
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
    ...(style.fontColour ? { color: { argb: argb(style.fontColour) } } : {}),
  };
}

export function solidFill(colour: string): ExcelJS.Fill {
  // Cell fills read fgColor; conditional-format (dxf) fills read bgColor: set both.
  const color = { argb: argb(colour) };
  return { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color };
}

/** `#RRGGBB` → opaque `FFRRGGBB`. */
export function argb(colour: string): string {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour);
  if (!match) throw new RangeError(`${JSON.stringify(colour)} is not a #RRGGBB colour.`);
  return `FF${match[1]!.toUpperCase()}`;
}

export function rangeRef(range: CellRange): string {
  return a1Range(range.top, range.left, range.bottom, range.right);
}

/** The page setup a plan's print settings give, over `base` (the worksheet's defaults). */
export function pageSetupOf(print: PrintSetup, base: Partial<ExcelJS.PageSetup>): Partial<ExcelJS.PageSetup> {
  return {
    ...base,
    orientation: print.orientation,
    fitToPage: print.fitToWidth || Boolean(print.fitToHeight),
    // One page wide; as many pages tall as needed unless the plan asks for one.
    fitToWidth: 1,
    fitToHeight: print.fitToHeight ? 1 : 0,
    ...(print.repeatRows > 0 ? { printTitlesRow: `1:${print.repeatRows}` } : {}),
  };
}

/** The header and footer a plan's print settings give; undefined when it asks for neither. */
export function headerFooterOf(print: PrintSetup): Partial<ExcelJS.HeaderFooter> | undefined {
  if (!print.header && !print.footer && !print.pageNumbers) return undefined;
  return {
    ...(print.header ? { oddHeader: `&C${pageHeaderText(storableText(print.header))}` } : {}),
    ...(print.footer || print.pageNumbers
      ? {
          oddFooter: `${print.footer ? `&L${pageHeaderText(storableText(print.footer))}` : ''}${print.pageNumbers ? '&RPage &P of &N' : ''}`,
        }
      : {}),
  };
}
