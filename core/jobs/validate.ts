/** The Validate job: every problem in the data sheets by cell, and a report sheet a host can show as it is. */
import { hasErrors } from '../issues/issue.ts';
import { validationHeadline } from '../issues/messages.ts';
import { validationIssuesSheetPlan } from '../layout/validation-issues-sheet.ts';
import type { SheetPlan } from '../layout/sheet-plan.ts';
import type { HostUi, JobOutcome } from '../ports/host-ui.ts';
import type { WorkbookPort } from '../ports/workbook-port.ts';
import type { WorkbookAnalysis } from './analyse-workbook.ts';
import { analyseWorkbook } from './analyse-workbook.ts';
import type { JobSettings } from './job-settings.ts';
import { readDataSheets } from '../ports/read-data-sheets.ts';

export interface ValidateResult extends WorkbookAnalysis {
  /** The "Validation issues" sheet; a host writes it with `port.writeSheets` where the user reads it there. */
  readonly report: SheetPlan;
  readonly outcome: JobOutcome;
}

/** Reads and checks; writes nothing, so the data stays as it is. */
export async function validate(
  port: WorkbookPort,
  settings: JobSettings,
  ui?: HostUi,
): Promise<ValidateResult> {
  ui?.progress('Checking the register…');
  const analysis = analyseWorkbook(await readDataSheets(port), settings);
  const headline = validationHeadline(analysis.issues, analysis.risks.length, analysis.assessments.length);
  const outcome: JobOutcome = {
    headline,
    details: [],
    issues: analysis.issues,
    failed: hasErrors(analysis.issues),
  };
  ui?.showOutcome(outcome);
  return { ...analysis, report: validationIssuesSheetPlan(analysis.issues, headline), outcome };
}
