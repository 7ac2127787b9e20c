// `risk-register validate`: every problem in the workbook, by cell.
import { resolve } from 'node:path';
import { fiscalCalendar, hasErrors, validate } from '../../core/index.ts';
import type { Command } from '../args.ts';
import type { ConsoleIO } from '../ui.ts';
import { EXIT, progress } from '../ui.ts';
import { readMatrixFile } from '../matrix-file.ts';
import { printIssues } from '../ui.ts';
import { openWorkbookPort } from '../workbook-sheets.ts';

export async function validateCommand(
  command: Extract<Command, { name: 'validate' }>,
  io: ConsoleIO,
): Promise<number> {
  const matrix = command.matrix ? await readMatrixFile(resolve(io.cwd, command.matrix)) : undefined;
  progress(io, `Reading ${command.file}…`);
  const port = await openWorkbookPort(resolve(io.cwd, command.file));
  const result = await validate(port, {
    ...(matrix ? { matrix } : {}),
    calendar: fiscalCalendar(command.fyStart),
    quarterCount: 4,
  });
  if (command.json) {
    io.stdout(`${JSON.stringify({ issues: result.issues }, null, 2)}\n`);
  } else {
    printIssues(io, result.issues);
    io.stdout(`${command.file}: ${result.outcome.headline}.\n`);
  }
  return hasErrors(result.issues) ? EXIT.workbookErrors : EXIT.done;
}
