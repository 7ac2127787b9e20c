/** What a job is asked to do: the fiscal calendar, how many trend quarters, which quarter, which matrix. */
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { FiscalCalendar, Quarter } from '../quarters/quarter.ts';
import { APRIL_FISCAL_YEAR } from '../quarters/quarter.ts';

export interface JobSettings {
  /** A matrix given outside the workbook (CLI `--matrix`); wins over the Scoring sheet. */
  readonly matrix?: RiskMatrix;
  readonly calendar: FiscalCalendar;
  /** The quarter to report; the latest quarter in Assessments when absent. */
  readonly quarter?: Quarter;
  /** Trend columns, ending with the reported quarter. */
  readonly quarterCount: number;
  /** Quarters of the History sheet, ending with the reported one (8 when absent; PRODUCT §8). */
  readonly historyCount?: number;
}

/** UK public-sector quarters (April), four trend columns, the latest quarter, the workbook's matrix. */
export const DEFAULT_JOB_SETTINGS: JobSettings = { calendar: APRIL_FISCAL_YEAR, quarterCount: 4 };

/** The report's title line, as the reference register is headed. */
export const DEFAULT_REPORT_TITLE = 'Corporate Risk Register';
