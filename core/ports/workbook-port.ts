/**
 * The one small port every host implements (exceljs in the CLI, SpreadsheetApp in Sheets,
 * Office.js in Excel) and the jobs in `core/jobs/` run against. Hosts move whole blocks through
 * it — one call reads every sheet a job needs, one call writes every block — so round trips do
 * not grow with the number of risks.
 */
import type { SheetGrid } from '../cells/cell.ts';
import type {
  CellRange,
  ConditionalFormat,
  DataValidation,
  PlanCell,
  SheetPlan,
} from '../layout/sheet-plan.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';

/** A sheet to read: its used range from A1, or only the rectangle `range` (0-based, inclusive). */
export interface ReadRequest {
  /** Matched as `sameSheetName` does: case and surrounding spaces ignored. */
  readonly sheet: string;
  /**
   * The block to read, the whole used range when absent. It may reach past the cells a sheet
   * uses (down to the last row any host has): every port clips it to the used range.
   */
  readonly range?: CellRange;
}

/**
 * A block read back. `rows[0]` is sheet row `top + 1` and `rows[r][0]` is column `left`;
 * rows may be shorter than the block (missing cells are empty). For a whole sheet top = left = 0.
 * `name` is the sheet's name as the workbook spells it.
 */
export interface SheetBlock extends SheetGrid {
  readonly top: number;
  readonly left: number;
}

/**
 * Cells to write in place, from (top, left). The jobs only ever address cells that are empty, or
 * (formulasPerColumn) a Score or Rating header cell, which becomes its column's formula.
 */
export interface CellBlock {
  readonly top: number;
  readonly left: number;
  readonly cells: readonly (readonly PlanCell[])[];
}

/** The rules of a data sheet: the validation and the conditional formats that guide editing. */
export interface SheetRules {
  readonly validations: readonly DataValidation[];
  readonly conditionalFormats: readonly ConditionalFormat[];
}

export interface WorkbookPort {
  /** Reads every request in one round trip; `undefined` where the workbook has no such sheet. */
  read(requests: readonly ReadRequest[]): Promise<readonly (SheetBlock | undefined)[]>;
  /**
   * Writes whole sheets (report sheets, or data sheets that did not exist). Every plan is built
   * before any same-named sheet is removed, so a failure leaves the old sheets; no other sheet
   * is touched.
   */
  writeSheets(plans: readonly SheetPlan[]): Promise<void>;
  /** Writes values (and their styles) into cells of an existing sheet; nothing else on it changes. */
  writeCells(sheet: string, blocks: readonly CellBlock[]): Promise<void>;
  /**
   * Sets rules on an existing sheet without touching a value: each validation replaces the
   * validation of the cells it covers; a conditional format replaces any earlier one with the
   * same formula on that sheet (so applying the same rules twice changes nothing).
   */
  applyRules(sheet: string, rules: SheetRules): Promise<void>;
  /**
   * Workbook names (RISKSCORE…) for `matrix`, built by the host with `lambdaDefinitions(matrix)`
   * so a host without names (Sheets) never carries the LAMBDA text. Absent on such a host.
   * Replaces names that exist; resolves to the names defined.
   */
  defineNames?(matrix: RiskMatrix): Promise<readonly string[]>;
  readonly capabilities: PortCapabilities;
}

export interface PortCapabilities {
  /**
   * The host recalculates a custom function only when its arguments change, so formulas that
   * must follow the Scoring sheet take its range as an extra last argument.
   */
  readonly functionsRecalculateOnArgumentsOnly: boolean;
  /**
   * Every cell calling a custom function is an execution of its own on each recalculation (Apps
   * Script), so Set up writes Score and Rating as one array formula per column, in the header
   * cell, instead of one formula per row: the executions do not grow with the register. Hosts
   * whose RISKSCORE is a workbook LAMBDA (Excel, the CLI's .xlsx) calculate it natively and keep
   * per-row formulas, which a user may overwrite row by row.
   */
  readonly formulasPerColumn: boolean;
}
