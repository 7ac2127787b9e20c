// The onEdit simple trigger: re-checks the edited rows, restores their rules, tells the user in a toast.
import {
  ASSESSMENTS_SHEET_NAME,
  DEFAULT_JOB_SETTINGS,
  RISKS_SHEET_NAME,
  issueCountText,
  recheckEdit,
  sameSheetName,
} from '../core/index.ts';
import { host, type EditEventApi } from './sheets-api.ts';
import { UI_TITLE, issueLines } from './ui.ts';
import { SheetsWorkbookPort } from './workbook-port.ts';

const TOAST_ISSUES = 3;
const TOAST_SECONDS = 15;

/**
 * A paste can cover thousands of cells and wipes their validation; the job reads only the header
 * rows, the edited rows and the Risks IDs, so the work follows the edit, not the sheet. Bad
 * values are reported in a toast and left as typed: a toast changes nothing in the sheet,
 * where notes would have to be written and later cleared on the user's cells.
 */
export async function onEdit(e: EditEventApi | undefined): Promise<void> {
  const range = e?.range;
  if (!range) return;
  const sheet = range.getSheet();
  const name = sheet.getName();
  if (!sameSheetName(name, RISKS_SHEET_NAME) && !sameSheetName(name, ASSESSMENTS_SHEET_NAME)) return;
  const top = range.getRow() - 1;
  const left = range.getColumn() - 1;
  const edited = { top, left, bottom: top + range.getNumRows() - 1, right: left + range.getNumColumns() - 1 };
  const { SpreadsheetApp, Utilities } = host();
  const spreadsheet = SpreadsheetApp.getActive();
  const port = new SheetsWorkbookPort(spreadsheet, SpreadsheetApp, Utilities);
  const result = await recheckEdit(port, { sheet: name, range: edited }, DEFAULT_JOB_SETTINGS);
  if (result.issues.length === 0) return;
  const lines = issueLines(result.issues, TOAST_ISSUES);
  spreadsheet.toast(lines.join('\n'), `${UI_TITLE}: ${issueCountText(result.issues)}`, TOAST_SECONDS);
}
