/** Reads the data sheets every job starts from — Risks, Assessments, Scoring — in one port call. */
import type { SheetGrid } from '../cells/cell.ts';
import { SCORING_SHEET_NAME } from '../matrix/scoring-sheet.ts';
import type { WorkbookPort } from './workbook-port.ts';
import { ASSESSMENTS_SHEET_NAME, RISKS_SHEET_NAME } from '../readers/headers.ts';

/** The sheets the core reads; the optional Scoring sheet replaces the default matrix. */
export interface WorkbookSheets {
  readonly risks?: SheetGrid;
  readonly assessments?: SheetGrid;
  readonly scoring?: SheetGrid;
}

const DATA_SHEET_NAMES = [RISKS_SHEET_NAME, ASSESSMENTS_SHEET_NAME, SCORING_SHEET_NAME] as const;

export async function readDataSheets(port: WorkbookPort): Promise<WorkbookSheets> {
  const [risks, assessments, scoring] = await port.read(DATA_SHEET_NAMES.map((sheet) => ({ sheet })));
  return {
    ...present('risks', risks),
    ...present('assessments', assessments),
    ...present('scoring', scoring),
  };
}

function present<K extends keyof WorkbookSheets>(
  key: K,
  grid: SheetGrid | undefined,
): Partial<Record<K, SheetGrid>> {
  return grid ? ({ [key]: { name: grid.name, rows: grid.rows } } as Record<K, SheetGrid>) : {};
}
