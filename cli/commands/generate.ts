// `risk-register generate`: the quarter's register as a new workbook (and PDF), never touching the input.
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { RegisterModel } from '../../core/index.ts';
import {
  fiscalCalendar,
  formatQuarter,
  generate,
  hasErrors,
  parseQuarter,
  quarterExample,
  registerJson,
} from '../../core/index.ts';
import type { Command } from '../args.ts';
import type { ConsoleIO } from '../ui.ts';
import { EXIT, UsageError, progress } from '../ui.ts';
import { readMatrixFile } from '../matrix-file.ts';
import { exportPdf } from '../pdf-export.ts';
import { checkOutputPath } from '../output-path.ts';
import { printIssues } from '../ui.ts';
import { openWorkbookPort } from '../workbook-sheets.ts';

export interface GenerateResult {
  readonly exitCode: number;
  readonly model?: RegisterModel;
  readonly outPath?: string;
  readonly pdfPath?: string;
}

export async function generateCommand(
  command: Extract<Command, { name: 'generate' }>,
  io: ConsoleIO,
): Promise<GenerateResult> {
  const calendar = fiscalCalendar(command.fyStart);
  const quarter = command.quarter === undefined ? undefined : parseQuarter(command.quarter, calendar);
  if (command.quarter !== undefined && !quarter) {
    throw new UsageError(
      `--quarter "${command.quarter}": not a quarter; write it like "${quarterExample(calendar)}"`,
    );
  }
  const matrix = command.matrix ? await readMatrixFile(resolve(io.cwd, command.matrix)) : undefined;
  const inputPath = resolve(io.cwd, command.file);
  // Say what is wrong with --out before the work, and again just before writing.
  if (command.out) await checkOutputPath(resolve(io.cwd, command.out), inputPath, command.out);

  progress(io, `Reading ${command.file}…`);
  const port = await openWorkbookPort(inputPath);
  // Only what is reported is kept: the result's sheet plans are the port's to write and free.
  const { model, issues, outcome } = await generate(port, {
    ...(matrix ? { matrix } : {}),
    ...(quarter ? { quarter } : {}),
    calendar,
    quarterCount: command.quarters,
    historyCount: command.history,
  });
  if (!model || hasErrors(issues)) {
    if (command.json) io.stdout(`${JSON.stringify({ issues }, null, 2)}\n`);
    else {
      printIssues(io, issues);
      io.stderr(`${command.file}: ${outcome.headline}\n`);
    }
    return { exitCode: EXIT.workbookErrors };
  }
  const quarterLabel = formatQuarter(model.quarter, calendar);
  // The name depends on the quarter, known only now; the plans are already rendered in memory.
  const outPath = command.out
    ? resolve(io.cwd, command.out)
    : join(
        dirname(inputPath),
        `${basename(inputPath, extname(inputPath))}-${quarterLabel.replace(/[\s/]+/g, '-')}.xlsx`,
      );
  await checkOutputPath(outPath, inputPath, command.out ?? outPath);

  progress(io, `Writing the ${quarterLabel} register…`);
  await port.writeFile(outPath);
  // Said before the PDF, so a PDF that fails (no LibreOffice) still leaves the register reported.
  if (command.json) {
    io.stdout(`${JSON.stringify(registerJson(model, calendar, issues), null, 2)}\n`);
  } else {
    printIssues(io, issues);
    io.stdout(`${[outcome.headline, ...outcome.details].join('\n')}\n`);
    io.stdout(`Register: ${outPath}\n`);
  }
  let pdfPath: string | undefined;
  if (command.pdf) {
    progress(io, 'Rendering the PDF with LibreOffice…');
    pdfPath = await exportPdf(outPath);
    if (!command.json) io.stdout(`PDF:      ${pdfPath}\n`);
  }
  return { exitCode: EXIT.done, model, outPath, ...(pdfPath ? { pdfPath } : {}) };
}
