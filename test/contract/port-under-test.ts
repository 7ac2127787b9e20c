/**
 * How the shared contract suite drives a port: open a workbook holding some sheets behind the
 * host's port, run a job, count the host's round trips, and take a snapshot of what the workbook
 * then holds as plain data, so every port's result can be compared with every other's.
 */
import type { CellValue, SheetGrid } from '../../core/index.ts';
import type { CellStyle, DataValidation, WorkbookPort } from '../../core/index.ts';
import { formulaBody } from '../../core/index.ts';

export interface PortUnderTest {
  readonly name: string;
  /**
   * True where a port call is one round trip to the host (a sync, a file write); false for
   * Sheets, where each SpreadsheetApp call is one, so a job's count there is its own.
   */
  readonly roundTripPerPortCall: boolean;
  /** A workbook holding these sheets (values only; no rules, no names) behind the host's port. */
  open(sheets: readonly SheetGrid[]): Promise<OpenedPort>;
}

export interface OpenedPort {
  readonly port: WorkbookPort;
  /**
   * Round trips to the host so far: SpreadsheetApp range/sheet calls for Sheets, `context.sync()`
   * calls for Office.js, port calls for the in-memory and exceljs ports.
   */
  roundTrips(): number;
  /** What the workbook holds now. */
  snapshot(): Promise<WorkbookSnapshot>;
}

/** A formula as a snapshot shows it: the text after `=`, as written. */
export interface SnapshotFormula {
  readonly formula: string;
}

export type SnapshotValue = CellValue | SnapshotFormula;

export interface SheetSnapshot {
  readonly name: string;
  /** Trailing empty cells and rows trimmed; '' reads as null. */
  readonly values: SnapshotValue[][];
  /** Styles of non-empty cells keyed by A1 address: only bold, fill, fontColour, numberFormat, wrap. */
  readonly styles: Record<string, Pick<CellStyle, 'bold' | 'fill' | 'fontColour' | 'numberFormat' | 'wrap'>>;
  /** A1 ranges, sorted. */
  readonly merges: string[];
  /**
   * The validation of every cell that has one, keyed by A1 address, as `validationSummary` writes
   * it; per cell, so a port may store rules in ranges of any shape.
   */
  readonly validations: Record<string, string>;
  /** Sorted by range then formula. */
  readonly conditionalFormats: { range: string; formula: string; fill?: string; fontColour?: string }[];
  readonly frozenRows: number;
}

export interface WorkbookSnapshot {
  /** In workbook order. */
  readonly sheets: SheetSnapshot[];
  /** Sorted by name; formula in display form (`=LAMBDA(…)`). */
  readonly names: { name: string; formula: string }[];
}

/**
 * One cell's validation as a snapshot holds it: the rule, and whether blanks pass. A `custom`
 * formula is as written for the top-left cell of the range it was set on.
 * @example validationSummary({ rule: { kind: 'wholeNumber', min: 1, max: 5 }, allowBlank: true }) // 'wholeNumber 1-5, blank ok'
 */
export function validationSummary(validation: Pick<DataValidation, 'rule' | 'allowBlank'>): string {
  const { rule } = validation;
  const what =
    rule.kind === 'list'
      ? `list ${rule.values.join('|')}`
      : rule.kind === 'wholeNumber'
        ? `wholeNumber ${rule.min}-${rule.max}`
        : rule.kind === 'custom'
          ? `custom ${formulaBody(rule.formula)}`
          : 'date';
  return `${what}${validation.allowBlank ? ', blank ok' : ''}`;
}
