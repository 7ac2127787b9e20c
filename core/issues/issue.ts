/** A problem found in a workbook, addressed to the cell a user must fix. */
export interface Issue {
  readonly severity: 'error' | 'warning';
  /** Sheet name as it appears in the workbook. */
  readonly sheet: string;
  /** A1 address on that sheet, e.g. `D7`. */
  readonly cell: string;
  readonly message: string;
}

export function issueError(sheet: string, cell: string, message: string): Issue {
  return { severity: 'error', sheet, cell, message };
}

export function issueWarning(sheet: string, cell: string, message: string): Issue {
  return { severity: 'warning', sheet, cell, message };
}

/** `Assessments!D7: impact 6 is outside 1-5` — the one form every host prints. */
export function formatIssue(issue: Issue): string {
  return `${issue.sheet}!${issue.cell}: ${issue.message}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
