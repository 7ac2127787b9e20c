// `risk-register validate`: every problem in the workbook, by cell.
import { resolve } from 'node:path';
import type { Issue } from '../../core/issues/issue.ts';
import { formatIssue, hasErrors } from '../../core/issues/issue.ts';
import { fiscalCalendar } from '../../core/quarters/quarter.ts';
import type { Command } from '../args.ts';
import type { ConsoleIO } from '../console-io.ts';
import { EXIT, progress } from '../console-io.ts';
import { readMatrixFile } from '../matrix-file.ts';
import { validateWorkbook } from '../../core/jobs/register-job.ts';
import { openWorkbookPort } from '../workbook-sheets.ts';

export async function validateCommand(command: Extract<Command, { name: 'validate' }>, io: ConsoleIO): Promise<number> {
  const matrix = command.matrix ? await readMatrixFile(resolve(io.cwd, command.matrix)) : undefined;
  progress(io, `Reading ${command.file}…`);
  const port = await openWorkbookPort(resolve(io.cwd, command.file));
  const analysis = await validateWorkbook(port, {
    ...(matrix ? { matrix } : {}),
    calendar: fiscalCalendar(command.fyStart),
    quarterCount: 4,
  });
  if (command.json) {
    io.stdout(`${JSON.stringify({ issues: analysis.issues }, null, 2)}\n`);
  } else {
    printIssues(io, analysis.issues);
    io.stdout(
      analysis.issues.length === 0
        ? `${command.file}: no problems (${analysis.risks.length} risks, ${analysis.assessments.length} assessments).\n`
        : `${command.file}: ${countText(analysis.issues)}.\n`,
    );
  }
  return hasErrors(analysis.issues) ? EXIT.workbookErrors : EXIT.done;
}

export function printIssues(io: ConsoleIO, issues: readonly Issue[]): void {
  for (const issue of issues) io.stdout(`${issue.severity === 'error' ? 'error  ' : 'warning'} ${formatIssue(issue)}\n`);
}

export function countText(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
