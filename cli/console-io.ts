// Where the CLI's output goes: passed in, so tests run commands in-process and read what they print.

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
