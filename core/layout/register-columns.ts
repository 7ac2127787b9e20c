/**
 * The register's optional columns (PRODUCT §8), as data: each says where it sits, how wide it is,
 * whether a risk has a value for it, and its cell. A column shows when some open risk has a
 * value, so a register without the columns lays out exactly as the seed's. A new optional column
 * is one entry here.
 */
import { dateCell } from '../cells/cell.ts';
import { appetiteValue } from '../matrix/appetite.ts';
import type { RiskMatrix } from '../matrix/matrix.ts';
import type { RatedView, RegisterRow } from '../register/register-model.ts';
import type { CellStyle, PlanCell } from './sheet-plan.ts';
import { MANAGEMENT_REGISTER_COLUMNS } from './management-columns.ts';
import { CENTRED, DATE, cell, ratingStyle } from './styles.ts';

export interface RegisterColumn {
  readonly title: string;
  /** Width in characters. */
  readonly width: number;
  /** Before the residual rating (read left to right: inherent, residual) or after it. */
  readonly place: 'beforeResidual' | 'afterResidual';
  /** True when the risk has a value for this column. */
  readonly has: (row: RegisterRow) => boolean;
  /** The risk's cell (called for every open risk once the column shows; a blank cell when it has no value). */
  readonly cell: (row: RegisterRow, matrix: RiskMatrix) => PlanCell;
}

/** Above appetite reads as an alert whatever the matrix's colours: Excel's own "Bad" style. */
export const ABOVE_APPETITE: CellStyle = { ...CENTRED, bold: true, fill: '#FFC7CE', fontColour: '#9C0006' };

const BLANK = cell(null, CENTRED);
/** Middle-aligned like the ratings beside it. */
const TARGET_DATE: CellStyle = { ...DATE, vertical: 'middle' };

function ratedCell(rated: RatedView | undefined, matrix: RiskMatrix): PlanCell {
  return rated ? cell(rated.rating, ratingStyle(matrix.spec.ratings[rated.severity]!)) : BLANK;
}

export const OPTIONAL_REGISTER_COLUMNS: readonly RegisterColumn[] = [
  {
    title: 'Inherent risk rating',
    width: 13,
    place: 'beforeResidual',
    has: (row) => row.inherent !== undefined,
    cell: (row, matrix) => ratedCell(row.inherent, matrix),
  },
  {
    title: 'Target risk rating',
    width: 13,
    place: 'afterResidual',
    has: (row) => row.target !== undefined,
    cell: (row, matrix) => ratedCell(row.target, matrix),
  },
  {
    title: 'Target date',
    width: 12,
    place: 'afterResidual',
    has: (row) => row.targetDate !== undefined,
    cell: (row) => (row.targetDate === undefined ? BLANK : cell(dateCell(row.targetDate), TARGET_DATE)),
  },
  {
    title: 'Appetite',
    width: 14,
    place: 'afterResidual',
    has: (row) => row.appetite !== undefined,
    cell: (row) => {
      if (!row.appetite) return BLANK;
      const value = appetiteValue(row.appetite);
      if (row.aboveAppetite === true) return cell(`Above (${value})`, ABOVE_APPETITE);
      if (row.aboveAppetite === false) return cell(`Within (${value})`, CENTRED);
      return cell(String(value), CENTRED);
    },
  },
  ...MANAGEMENT_REGISTER_COLUMNS,
];

/** The optional columns some open risk has a value for, split by where they sit. */
export function shownRegisterColumns(rows: readonly RegisterRow[]): {
  readonly before: readonly RegisterColumn[];
  readonly after: readonly RegisterColumn[];
} {
  const shown = OPTIONAL_REGISTER_COLUMNS.filter((column) => rows.some((row) => column.has(row)));
  return {
    before: shown.filter((column) => column.place === 'beforeResidual'),
    after: shown.filter((column) => column.place === 'afterResidual'),
  };
}
