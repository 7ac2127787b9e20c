/**
 * A host-neutral description of a sheet to write: values, styles, sizes, merges, print setup,
 * conditional formats and validation rules as plain data. Layout code in core builds plans;
 * each host only renders them, in as few API calls as it allows.
 */
import type { DateCell } from '../cells/cell.ts';

/** A formula to write as a formula (the only way a plan asks for one), without the leading `=`. */
export interface FormulaValue {
  readonly formula: string;
}

/**
 * What a plan puts in a cell. Strings are always written as text, even when they start with
 * `=`, `+`, `-` or `@`: a host must never let user text become a formula.
 */
export type PlanValue = string | number | boolean | null | DateCell | FormulaValue;

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** `#RRGGBB` */
  readonly fontColour?: string;
  /** `#RRGGBB` */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly vertical?: 'top' | 'middle' | 'bottom';
  /** e.g. `yyyy-mm-dd`, `d mmm yyyy`, `@` (text) */
  readonly numberFormat?: string;
  readonly border?: boolean;
}

export interface PlanCell {
  readonly value: PlanValue;
  readonly style?: CellStyle;
}

/** A rectangle of cells, 0-based, inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A rule that styles cells for which `formula` is true; the formula is written for the range's top-left cell. */
export interface ConditionalFormat {
  readonly range: CellRange;
  readonly formula: string;
  readonly style: CellStyle;
}

export interface ValidationMessage {
  readonly title: string;
  readonly text: string;
}

export type ValidationRule =
  | { readonly kind: 'list'; readonly values: readonly string[] }
  | { readonly kind: 'wholeNumber'; readonly min: number; readonly max: number }
  | { readonly kind: 'date' }
  /** True for valid input; written for the range's top-left cell. */
  | { readonly kind: 'custom'; readonly formula: string };

export interface DataValidation {
  readonly range: CellRange;
  readonly rule: ValidationRule;
  readonly allowBlank: boolean;
  /** Shown while the cell is selected. */
  readonly prompt?: ValidationMessage;
  /** Shown when input is rejected. */
  readonly error: ValidationMessage;
}

export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  readonly fitToWidth: boolean;
  /** Also fit to one page tall: for sheets that must be seen whole, such as the heat map. */
  readonly fitToHeight?: boolean;
  /** Rows 0..repeatRows-1 repeat at the top of every printed page. */
  readonly repeatRows: number;
  /** Plain text printed at the top and bottom of each page. */
  readonly header?: string;
  readonly footer?: string;
  /** Print "Page N of M" at the bottom right. */
  readonly pageNumbers?: boolean;
}

export interface SheetPlan {
  /** A valid sheet name (≤ 31 characters, none of `[]:*?/\`). */
  readonly name: string;
  /** Row-major cells from A1; rows may differ in length. */
  readonly cells: readonly (readonly PlanCell[])[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  /** Row heights in points where a row needs one; other rows keep the host default. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly merges: readonly CellRange[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly print: PrintSetup;
  readonly conditionalFormats: readonly ConditionalFormat[];
  readonly validations: readonly DataValidation[];
  /** Tab colour, `#RRGGBB`. */
  readonly tabColour?: string;
}

/**
 * The row heights a live spreadsheet must be given: those of rows without wrapped text, by
 * row (0-based), in order. The layout estimates wrapped rows' heights for .xlsx readers, which
 * do not re-measure text; Sheets and Excel fit a wrapped row to its text themselves, so the
 * hosts leave those rows to them — and the calls do not grow with the rows.
 */
export function fixedRowHeights(plan: SheetPlan): [row: number, height: number][] {
  return Object.entries(plan.rowHeights ?? {})
    .map(([row, height]): [number, number] => [Number(row), height])
    .filter(([row]) => !(plan.cells[row] ?? []).some((cell) => cell.style?.wrap))
    .sort((a, b) => a[0] - b[0]);
}

/** True when some cell of the plan wraps its text (the host then fits those rows). */
export function hasWrappedRows(plan: SheetPlan): boolean {
  return plan.cells.some((row) => row.some((cell) => cell.style?.wrap));
}
