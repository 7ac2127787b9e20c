/** Runs the risk-register command in-process in a folder, as a user would in a terminal, and keeps what it printed. */
import { run } from '../../cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    interactive: false,
    cwd,
  });
  return { code, stdout, stderr };
}
