/**
 * Reads the optional Actions sheet (PRODUCT §8) into typed rows: each action names a risk on
 * the Risks sheet, and may have an owner, a due date, a status and the date it was completed.
 * A row with an error is reported at its cell and left out.
 */
import type { IsoDate, SheetGrid } from '../cells/cell.ts';
import { quotedCellText } from '../cells/cell-text.ts';
import { dateFromCell, formatDateForReport } from '../dates/dates.ts';
import { choicesText } from '../issues/messages.ts';
import type { Action, ActionStatus } from './action.ts';
import { ACTION_STATUSES, actionStatusOf } from './action.ts';
import type { ColumnSpec } from './headers.ts';
import { locateColumns } from './headers.ts';
import type { IssueList } from './issue-list.ts';
import type { RisksRead } from './read-risks.ts';
import { idFault, riskIdKeyer, shownId } from './risk-id.ts';
import {
  RowCheck,
  RowReader,
  hasMissingRequired,
  labelsOf,
  reportErrorCells,
  safeRows,
} from './row-reader.ts';

export const ACTIONS_SHEET_NAME = 'Actions';

export type ActionColumnKey = 'riskId' | 'action' | 'owner' | 'due' | 'status' | 'completed';

/** The Actions sheet's columns, in template order. */
export const ACTION_COLUMNS: readonly ColumnSpec<ActionColumnKey>[] = [
  {
    key: 'riskId',
    header: 'Risk ID',
    label: 'risk ID',
    synonyms: ['ID', 'Ref', 'Risk ref', 'Risk'],
    required: true,
  },
  {
    key: 'action',
    header: 'Action',
    label: 'action',
    synonyms: ['Actions', 'Action description', 'Mitigating action', 'Further action', 'Description'],
    required: true,
  },
  {
    key: 'owner',
    header: 'Owner',
    label: 'owner',
    synonyms: ['Action owner', 'Lead', 'Responsible'],
    required: false,
  },
  {
    key: 'due',
    header: 'Due date',
    label: 'due date',
    synonyms: ['Due', 'Due by', 'Deadline', 'Target date', 'Target completion date'],
    required: false,
  },
  {
    key: 'status',
    header: 'Status',
    label: 'status',
    synonyms: ['Action status', 'Progress'],
    required: false,
  },
  {
    key: 'completed',
    header: 'Completed',
    label: 'completion date',
    synonyms: ['Completed date', 'Date completed', 'Completion date', 'Completed on'],
    required: false,
  },
];

/** Canonical Actions headers in template order. */
export const ACTION_HEADERS: readonly string[] = ACTION_COLUMNS.map((spec) => spec.header);

const LABELS = labelsOf(ACTION_COLUMNS);

type Check = RowCheck<ActionColumnKey>;

/**
 * The actions on the sheet, risk IDs given as the Risks sheet writes them. An action for a risk
 * that is not on Risks, a due or completion date that is not a date, or a status outside the
 * list is an error at its cell; a Complete action with no completion date is a warning.
 * @example readActions({ name: 'Actions', rows: [ACTION_HEADERS, ['CRR9', 'Audit', '', 'soon']] }, issues, risks)
 * // [] and the error `Actions!D2: due date "soon" is not a date`
 */
export interface ActionsRead {
  readonly actions: Action[];
  /** Where each column is, for messages about an action's cells. */
  readonly columns: ReadonlyMap<ActionColumnKey, number>;
}

export function readActions(
  grid: SheetGrid,
  issues: IssueList,
  risks: RisksRead | undefined,
  risksSheet: string,
): ActionsRead {
  const located = locateColumns(grid, ACTION_COLUMNS);
  for (const issue of located.issues) issues.addHeaderIssue(issue, located.headerRow);
  if (hasMissingRequired(located.columns, ACTION_COLUMNS)) return { actions: [], columns: located.columns };
  const rows = safeRows(grid);
  const reader = new RowReader<ActionColumnKey>(located.columns);
  const keyOf = riskIdKeyer();
  const actions: Action[] = [];
  for (let row = located.headerRow + 1; row < rows.length; row++) {
    if (reader.read(rows[row]).allBlank()) continue;
    const check = new RowCheck(reader, row, issues);
    reportErrorCells(check, LABELS);
    const riskId = readRiskId(check, risks, risksSheet, keyOf);
    const text = reader.text('action');
    if (text === '' && !reader.error('action')) check.error(reader.column('action')!, 'action is missing');
    const due = readDate(check, 'due');
    const completed = readDate(check, 'completed');
    const status = readStatus(check, completed);
    checkCompletion(check, status, completed);
    if (!check.ok || riskId === undefined) continue;
    actions.push({
      riskId,
      action: text,
      owner: reader.text('owner'),
      status,
      row,
      ...(due !== undefined ? { due } : {}),
      ...(completed !== undefined ? { completed } : {}),
    });
  }
  return { actions, columns: located.columns };
}

/** The risk's ID as Risks writes it; an error when it is missing or not on the Risks sheet. */
function readRiskId(
  check: Check,
  risks: RisksRead | undefined,
  risksSheet: string,
  keyOf: (id: string) => string,
): string | undefined {
  const { reader } = check;
  if (reader.error('riskId')) return undefined;
  const column = reader.column('riskId')!;
  const id = reader.text('riskId');
  const fault = idFault(reader.value('riskId'), 'risk ID');
  if (id === '') check.error(column, 'missing risk ID');
  else if (fault) check.error(column, fault);
  else {
    const key = keyOf(id);
    if (risks?.knownIds && !risks.knownIds.has(key))
      check.error(column, `risk ID ${shownId(id)} is not on the ${risksSheet} sheet`);
    // An action of a risk whose own row has an error is left out with it; that error is reported there.
    else return risks?.validIds.get(key)?.id;
  }
  return undefined;
}

function readDate(check: Check, key: 'due' | 'completed'): IsoDate | undefined {
  const { reader } = check;
  if (reader.blank(key) || reader.error(key)) return undefined;
  const value = reader.value(key);
  const date = dateFromCell(value);
  if (date === undefined)
    check.error(reader.column(key)!, `${LABELS[key]} ${quotedCellText(value)} is not a date`);
  return date;
}

/** The status as written; blank is Complete when a completion date is given, else Not started. */
function readStatus(check: Check, completed: IsoDate | undefined): ActionStatus {
  const { reader } = check;
  if (reader.error('status') || reader.blank('status'))
    return completed !== undefined ? 'Complete' : 'Not started';
  const status = actionStatusOf(reader.text('status'));
  if (status === undefined) {
    check.error(
      reader.column('status')!,
      `status ${quotedCellText(reader.value('status'))} is not ${choicesText(ACTION_STATUSES)}`,
    );
    return 'Not started';
  }
  return status;
}

/** A Complete action should say when it was completed; an unfinished one should not. */
function checkCompletion(check: Check, status: ActionStatus, completed: IsoDate | undefined): void {
  const { reader } = check;
  const at = (key: ActionColumnKey) =>
    reader.column(key) ?? reader.column('status') ?? reader.column('action')!;
  if (status === 'Complete' && reader.blank('completed')) {
    check.warning(at('completed'), 'action is Complete but has no completion date');
  } else if (status !== 'Complete' && completed !== undefined) {
    check.warning(
      at('completed'),
      `action has a completion date ${formatDateForReport(completed)} but its status is ${status}`,
    );
  }
}
