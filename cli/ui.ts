// What the CLI user sees: where output goes (passed in, so tests run commands in-process and read
// what they print), exit codes, usage errors, progress, and issues as the CLI prints them.
import type { Issue } from '../core/index.ts';
import { formatIssue } from '../core/index.ts';

export interface ConsoleIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stderr is a terminal: show progress there. */
  readonly interactive: boolean;
  readonly cwd: string;
}

/** Exit codes of PRODUCT §6. */
export const EXIT = { done: 0, workbookErrors: 1, usage: 2 } as const;

/** A command line or file problem: exit code 2 with this message. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/** A mistake in the command line itself: exit code 2, and the usage text is shown too. */
export class CommandLineError extends UsageError {
  override readonly name = 'CommandLineError';
}

/** Progress on an interactive stderr only, so `--json` output and pipes stay clean. */
export function progress(io: ConsoleIO, text: string): void {
  if (io.interactive) io.stderr(`${text}\n`);
}

/** Issues in the form PRODUCT §6 shows: `error   Assessments!D7: impact 6 is outside 1-5`. */
export function printIssues(io: ConsoleIO, issues: readonly Issue[]): void {
  for (const issue of issues)
    io.stdout(`${issue.severity === 'error' ? 'error  ' : 'warning'} ${formatIssue(issue)}\n`);
}
