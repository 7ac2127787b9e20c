/** What a job is asked to do: the fiscal calendar, how many trend quarters, which quarter, which matrix. */
import type { ReportSettings } from './analyse-workbook.ts';
import { APRIL_FISCAL_YEAR } from '../quarters/quarter.ts';

export type JobSettings = ReportSettings;

/** UK public-sector quarters (April), four trend columns, the latest quarter, the workbook's matrix. */
export const DEFAULT_JOB_SETTINGS: JobSettings = { calendar: APRIL_FISCAL_YEAR, quarterCount: 4 };

/** The report's title line, as the reference register is headed. */
export const DEFAULT_REPORT_TITLE = 'Corporate Risk Register';
