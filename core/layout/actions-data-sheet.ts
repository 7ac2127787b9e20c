/**
 * The optional Actions data sheet (PRODUCT §8): its rules — Risk ID must be on Risks, a status
 * list, dates — and a new sheet's plan. Set up adds it only when asked, and keeps its rules when
 * the workbook has one, so an analyst who does not track actions never sees it.
 */
import type { CellValue } from '../cells/cell.ts';
import type { SheetRules } from '../ports/workbook-port.ts';
import { ACTION_STATUSES } from '../readers/action.ts';
import type { ColumnLocation } from '../readers/headers.ts';
import { locateColumns } from '../readers/headers.ts';
import type { ActionColumnKey } from '../readers/read-actions.ts';
import { ACTION_COLUMNS, ACTIONS_SHEET_NAME } from '../readers/read-actions.ts';
import type { RowSpan } from './data-sheet-rules.ts';
import {
  dataRowSpan,
  dateValidation,
  fadedRowsFormat,
  listValidation,
  riskIdValidation,
} from './data-sheet-rules.ts';
import { asPlanValue, dataSheetPlan, widthByHeader } from './data-sheets.ts';
import type { ConditionalFormat, DataValidation, SheetPlan } from './sheet-plan.ts';

const WIDTHS: Record<ActionColumnKey, number> = {
  riskId: 10,
  action: 60,
  owner: 22,
  due: 12,
  status: 13,
  completed: 12,
};

export interface ActionsRulesInput {
  readonly located: ColumnLocation<ActionColumnKey>;
  /** Columns in the header row: the completed-action format greys the whole row. */
  readonly width: number;
  readonly span: RowSpan;
  /** Where the Risks sheet keeps its IDs (`Risks!$A$2:$A$523`); none, no Risk ID rule. */
  readonly riskIdRange?: string;
}

export function actionsSheetRules({ located, width, span, riskIdRange }: ActionsRulesInput): SheetRules {
  const col = (key: ActionColumnKey) => located.columns.get(key);
  const validations: DataValidation[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const riskId = col('riskId');
  if (riskId !== undefined && riskIdRange !== undefined)
    validations.push(
      riskIdValidation(
        riskId,
        span,
        riskIdRange,
        'The ID of the risk this action reduces, as on the Risks sheet.',
      ),
    );
  const status = col('status');
  if (status !== undefined) {
    validations.push(
      listValidation(status, span, ACTION_STATUSES, {
        title: 'Status',
        prompt: 'Not started, In progress or Complete. A complete action needs its Completed date.',
        error: 'Choose Not started, In progress or Complete.',
      }),
    );
    conditionalFormats.push(fadedRowsFormat(status, span, width, ['Complete']));
  }
  for (const [key, title] of [
    ['due', 'Due date'],
    ['completed', 'Completed'],
  ] as const) {
    const column = col(key);
    if (column !== undefined) validations.push(dateValidation(column, span, title));
  }
  return { validations, conditionalFormats };
}

/** A plan for a new Actions sheet holding `rows` (header row first). */
export function actionsDataSheetPlan(
  rows: readonly (readonly CellValue[])[],
  riskIdRange?: string,
): SheetPlan {
  const located = locateColumns({ name: ACTIONS_SHEET_NAME, rows }, ACTION_COLUMNS);
  const rules = actionsSheetRules({
    located,
    width: (rows[located.headerRow] ?? []).length,
    span: dataRowSpan(located.headerRow, rows.length),
    ...(riskIdRange ? { riskIdRange } : {}),
  });
  return dataSheetPlan(
    ACTIONS_SHEET_NAME,
    rows.map((row) => row.map(asPlanValue)),
    located.headerRow,
    widthByHeader(ACTION_COLUMNS, WIDTHS),
    rules,
  );
}
