/**
 * The register's management columns (PRODUCT §8), entries of the optional columns of
 * register-columns.ts: a risk's proposal for closure with its rationale, its next review (marked
 * when overdue), its open and overdue actions, and the register a merged risk came from. Each
 * shows only when the workbook has its data.
 */
import { dateCell } from '../cells/cell.ts';
import type { RegisterColumn } from './register-columns.ts';
import { OVERDUE } from './actions-sheet.ts';
import { BODY, CENTRED, DATE, NARRATIVE, cell } from './styles.ts';

const BLANK = cell(null, CENTRED);

export const MANAGEMENT_REGISTER_COLUMNS: readonly RegisterColumn[] = [
  {
    title: 'Status',
    width: 30,
    place: 'afterResidual',
    has: (row) => row.status === 'Proposed for closure',
    cell: (row) =>
      row.status === 'Proposed for closure'
        ? cell(
            row.risk.closureRationale === '' ? row.status : `${row.status}: ${row.risk.closureRationale}`,
            NARRATIVE,
          )
        : cell(row.status, BODY),
  },
  {
    title: 'Next review',
    width: 12,
    place: 'afterResidual',
    has: (row) => row.reviewOverdue !== null,
    cell: (row) =>
      row.reviewDue === undefined
        ? BLANK
        : cell(
            dateCell(row.reviewDue),
            row.reviewOverdue ? { ...OVERDUE, numberFormat: DATE.numberFormat! } : DATE,
          ),
  },
  {
    title: 'Open actions',
    width: 9,
    place: 'afterResidual',
    has: (row) => row.actions !== null,
    cell: (row) => (row.actions ? cell(row.actions.open, CENTRED) : BLANK),
  },
  {
    title: 'Overdue actions',
    width: 9,
    place: 'afterResidual',
    has: (row) => row.actions !== null,
    cell: (row) =>
      row.actions ? cell(row.actions.overdue, row.actions.overdue > 0 ? OVERDUE : CENTRED) : BLANK,
  },
  {
    title: 'Register',
    width: 16,
    place: 'afterResidual',
    has: (row) => row.risk.register !== undefined,
    cell: (row) => cell(row.risk.register ?? null, BODY),
  },
];
