/**
 * A sheet's header row as the readers see it, with the group row above it when there is one:
 * `Inherent risk | Residual risk | Target risk` over repeated `Impact | Likelihood | Score`.
 * A group cell covers its own column and those to its right up to the next filled cell of the
 * group row, so merged and unmerged group rows read alike; a header merged down over both rows
 * (`Risk ID`) sits in the group row and is read from there.
 */
import type { CellValue } from '../cells/cell.ts';
import { columnLetter, isDateCell, isErrorCell } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import type { AssessmentGroup } from './header-groups.ts';
import { GROUP_NAMES_TEXT, baseOfHeader, groupOfHeader } from './header-groups.ts';

/** A group-row cell over level columns that names none of the groups: its columns are not read. */
export const UNKNOWN_GROUP = 'unknown';

export interface HeaderLayout {
  readonly headerRow: number;
  /** The row above the headers naming the assessment groups, when there is one. */
  readonly groupRow?: number;
  /** Each column's header text (from the group row where the header row is blank under a merged header). */
  readonly texts: readonly string[];
  /** Each column's group, where a group row gives one. */
  readonly groups: readonly (AssessmentGroup | typeof UNKNOWN_GROUP | undefined)[];
  /** Group-row cells that name no group over level columns, at their column of the group row. */
  readonly issues: readonly { readonly column: number; readonly message: string }[];
}

/** A header is typed: a date or an error cell (`#REF!` would read as "Ref") names no column. */
function textOf(value: CellValue | undefined): string {
  return isDateCell(value) || isErrorCell(value) ? '' : cellText(value);
}

function textsOf(row: unknown): string[] {
  return Array.isArray(row) ? (row as CellValue[]).map((value) => textOf(value)) : [];
}

/**
 * True when row `r` names an assessment group and the row below has a level column: the
 * group row of a grouped header.
 */
export function isGroupRow(rows: readonly (readonly CellValue[])[], r: number): boolean {
  const below = textsOf(rows[r + 1]);
  return (
    textsOf(rows[r]).some((text) => groupOfHeader(text) !== undefined) &&
    below.some((text) => baseOfHeader(text) !== undefined)
  );
}

/**
 * The header row `headerRow` read under `groupRow` (the row above it) when given.
 * @example headerLayoutAt([['', 'Inherent risk', ''], ['ID', 'Impact', 'Likelihood']], 1, 0).groups // [undefined, 'inherent', 'inherent']
 */
export function headerLayoutAt(
  rows: readonly (readonly CellValue[])[],
  headerRow: number,
  groupRow: number | undefined,
): HeaderLayout {
  const header = textsOf(rows[headerRow]);
  if (groupRow === undefined)
    return { headerRow, texts: header, groups: header.map(() => undefined), issues: [] };
  const above = textsOf(rows[groupRow]);
  const width = Math.max(header.length, above.length);
  const texts: string[] = [];
  const groups: HeaderLayout['groups'][number][] = [];
  const issues: { column: number; message: string }[] = [];
  let current: HeaderLayout['groups'][number];
  let currentColumn = 0;
  let reported = false;
  for (let column = 0; column < width; column++) {
    const top = above[column] ?? '';
    const own = header[column] ?? '';
    if (top !== '') {
      const group = groupOfHeader(top);
      // A header merged down over both rows is written in the group row, with nothing under it.
      current = group ?? (own === '' ? undefined : UNKNOWN_GROUP);
      currentColumn = column;
      reported = false;
    }
    texts.push(own !== '' ? own : top !== '' && groupOfHeader(top) === undefined ? top : '');
    groups.push(current);
    if (current === UNKNOWN_GROUP && !reported && baseOfHeader(own) !== undefined) {
      reported = true;
      issues.push({
        column: currentColumn,
        message: `group "${above[currentColumn]}" over "${own}" (column ${columnLetter(column)}) is not one of ${GROUP_NAMES_TEXT}; its columns are not read`,
      });
    }
  }
  return { headerRow, groupRow, texts, groups, issues };
}
