/**
 * The `Actions <quarter>` report sheet (PRODUCT §8): the open actions of the register's open
 * risks at the quarter's end, overdue first, with owner and due date — what a committee chases.
 */
import { dateCell } from '../cells/cell.ts';
import { formatDateForReport } from '../dates/dates.ts';
import { plural } from '../issues/messages.ts';
import { formatQuarter, quarterEndDate } from '../quarters/quarter.ts';
import type { RegisterModel } from '../register/register-model.ts';
import type { ReportOptions } from './register-sheet.ts';
import type { CellStyle, SheetPlan } from './sheet-plan.ts';
import { reportTableSheetPlan } from './report-table-sheet.ts';
import { safeSheetName } from './sheet-name.ts';
import { BODY, BODY_BOLD, CENTRED, DATE, NARRATIVE, cell } from './styles.ts';

/** Overdue reads as an alert whatever the matrix's colours: Excel's own "Bad" style. */
export const OVERDUE: CellStyle = { ...CENTRED, bold: true, fill: '#FFC7CE', fontColour: '#9C0006' };

const TITLES = ['ID', 'Risk name', 'Action', 'Owner', 'Due date', 'Status', 'Overdue'];

/** The sheet, named `Actions Q2 2022-23`; written only when the workbook has an Actions sheet. */
export function actionsSheetPlan(model: RegisterModel, options: ReportOptions): SheetPlan {
  const quarterLabel = formatQuarter(model.quarter, options.calendar);
  const end = formatDateForReport(quarterEndDate(model.quarter, options.calendar));
  const overdue = model.movement.overdueActions;
  const rows = model.actions.map((action) => [
    cell(action.riskId, BODY_BOLD),
    cell(action.riskName, BODY),
    cell(action.action, NARRATIVE),
    cell(action.owner, BODY),
    action.due === undefined ? cell('No due date', CENTRED) : cell(dateCell(action.due), DATE),
    cell(action.status, CENTRED),
    action.overdue ? cell('Overdue', OVERDUE) : cell(null, CENTRED),
  ]);
  const subtitle =
    model.actions.length === 0
      ? `No open actions at ${end}.`
      : `${plural(model.actions.length, 'open action')} at ${end}, ${overdue} overdue; overdue first, then by due date.`;
  return reportTableSheetPlan({
    name: safeSheetName(`Actions ${quarterLabel}`),
    title: `${options.title} — open actions ${quarterLabel}`,
    subtitle,
    headers: TITLES,
    body: rows,
    columnWidths: [9, 28, 60, 22, 12, 12, 10],
    footer: `${options.title} ${quarterLabel}`,
  });
}
