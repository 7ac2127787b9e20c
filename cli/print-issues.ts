// Issues as the CLI prints them, in the form PRODUCT §6 shows: `error   Assessments!D7: impact 6 is outside 1-5`.
import type { Issue } from '../core/index.ts';
import { formatIssue } from '../core/index.ts';
import type { ConsoleIO } from './console-io.ts';

export function printIssues(io: ConsoleIO, issues: readonly Issue[]): void {
  for (const issue of issues)
    io.stdout(`${issue.severity === 'error' ? 'error  ' : 'warning'} ${formatIssue(issue)}\n`);
}
