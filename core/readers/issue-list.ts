/** The issues a reader finds on one sheet, each kept with the position it sorts by. */
import { a1, parseA1 } from '../cells/cell.ts';
import type { Issue } from '../issues/issue.ts';
import { issueError, issueWarning } from '../issues/issue.ts';

/** An issue with the position it sorts by. */
export interface Located {
  readonly sheetOrder: number;
  readonly row: number;
  readonly column: number;
  readonly issue: Issue;
}

export class IssueList {
  readonly items: Located[] = [];

  constructor(
    private readonly sheet: string,
    private readonly sheetOrder: number,
  ) {}

  error(row: number, column: number, message: string): void {
    this.push(row, column, issueError(this.sheet, a1(row, column), message));
  }

  warning(row: number, column: number, message: string): void {
    this.push(row, column, issueWarning(this.sheet, a1(row, column), message));
  }

  /** A header issue carries an A1 address already; keep it in header-row order with the rest. */
  addHeaderIssue(issue: Issue, headerRow: number): void {
    const column = parseA1(issue.cell)?.column ?? 0;
    if (issue.severity === 'error') this.error(headerRow, column, issue.message);
    else this.warning(headerRow, column, issue.message);
  }

  private push(row: number, column: number, issue: Issue): void {
    this.items.push({ sheetOrder: this.sheetOrder, row, column, issue });
  }
}

/** Issues of several sheets in sheet, row, column order; issues at one cell keep the order they were found in. */
export function sortedIssues(lists: readonly IssueList[]): Issue[] {
  const located = lists.flatMap((list) => list.items);
  // Array.prototype.sort is stable.
  located.sort((a, b) => a.sheetOrder - b.sheetOrder || a.row - b.row || a.column - b.column);
  return located.map((item) => item.issue);
}
