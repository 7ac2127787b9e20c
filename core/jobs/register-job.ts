/**
 * The commands every host offers — validate the register, generate the quarter's report —
 * written once against the WorkbookPort, so the hosts differ only in how they move blocks.
 */
import { ASSESSMENTS_SHEET_NAME, RISKS_SHEET_NAME } from '../readers/headers.ts';
import { hasErrors } from '../issues/issue.ts';
import type { ReportOptions } from '../layout/register-sheet.ts';
import { quarterlyReportPlans } from '../layout/report-plans.ts';
import type { GeneratedRegister, ReportSettings, WorkbookAnalysis, WorkbookSheets } from './analyse-workbook.ts';
import { analyseWorkbook, generateRegister } from './analyse-workbook.ts';
import { SCORING_SHEET_NAME } from '../matrix/scoring-sheet.ts';
import type { SheetPlan } from '../layout/sheet-plan.ts';
import type { WorkbookPort } from '../ports/workbook-port.ts';

export const DEFAULT_REPORT_TITLE = 'Corporate Risk Register';

/** Reads Risks, Assessments and Scoring, once each. */
export async function readDataSheets(port: WorkbookPort): Promise<WorkbookSheets> {
  const [risks, assessments, scoring] = await Promise.all([
    port.readSheet(RISKS_SHEET_NAME),
    port.readSheet(ASSESSMENTS_SHEET_NAME),
    port.readSheet(SCORING_SHEET_NAME),
  ]);
  return { ...(risks ? { risks } : {}), ...(assessments ? { assessments } : {}), ...(scoring ? { scoring } : {}) };
}

export async function validateWorkbook(port: WorkbookPort, settings: ReportSettings): Promise<WorkbookAnalysis> {
  return analyseWorkbook(await readDataSheets(port), settings);
}

export interface GenerateOutcome extends GeneratedRegister {
  /** The sheets written; absent when the workbook has errors and nothing was written. */
  readonly plans?: readonly SheetPlan[];
}

/** Reads, checks, and — only when there are no errors — writes the quarter's report sheets. */
export async function generateQuarterlyReport(
  port: WorkbookPort,
  settings: ReportSettings,
  title: string = DEFAULT_REPORT_TITLE,
): Promise<GenerateOutcome> {
  const result = generateRegister(await readDataSheets(port), settings);
  if (!result.model || hasErrors(result.issues)) return result;
  const options: ReportOptions = { matrix: result.matrix, calendar: settings.calendar, title };
  const plans = quarterlyReportPlans(result.model, options);
  await port.writeSheets(plans);
  return { ...result, plans };
}
