// `risk-register generate`: the quarter's register as a new workbook (and PDF), never touching the input.
import { basename, dirname, extname, join, resolve } from 'node:path';
import { hasErrors } from '../../core/issues/issue.ts';
import { fiscalCalendar, formatQuarter, parseQuarter } from '../../core/quarters/quarter.ts';
import { generateQuarterlyReport } from '../../core/jobs/register-job.ts';
import type { RegisterModel } from '../../core/register/register-model.ts';
import { registerJson } from '../../core/register/register-json.ts';
import type { Command } from '../args.ts';
import type { ConsoleIO } from '../console-io.ts';
import { EXIT, UsageError, progress } from '../console-io.ts';
import { readMatrixFile } from '../matrix-file.ts';
import { exportPdf } from '../pdf-export.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { openWorkbookPort } from '../workbook-sheets.ts';
import { countText, printIssues } from './validate.ts';

export interface GenerateResult {
  readonly exitCode: number;
  readonly model?: RegisterModel;
  readonly outPath?: string;
  readonly pdfPath?: string;
}

export async function generateCommand(command: Extract<Command, { name: 'generate' }>, io: ConsoleIO): Promise<GenerateResult> {
  const calendar = fiscalCalendar(command.fyStart);
  const quarter = command.quarter === undefined ? undefined : parseQuarter(command.quarter, calendar);
  if (command.quarter !== undefined && !quarter) {
    throw new UsageError(`--quarter "${command.quarter}": not a quarter; write it like "Q2 2022/23"`);
  }
  const matrix = command.matrix ? await readMatrixFile(resolve(io.cwd, command.matrix)) : undefined;
  const inputPath = resolve(io.cwd, command.file);

  progress(io, `Reading ${command.file}…`);
  const port = await openWorkbookPort(inputPath);
  const result = await generateQuarterlyReport(port, {
    ...(matrix ? { matrix } : {}),
    ...(quarter ? { quarter } : {}),
    calendar,
    quarterCount: command.quarters,
  });
  if (!result.model || hasErrors(result.issues)) {
    if (command.json) io.stdout(`${JSON.stringify({ issues: result.issues }, null, 2)}\n`);
    else {
      printIssues(io, result.issues);
      io.stderr(`Nothing was generated: ${command.file} has ${countText(result.issues)}.\n`);
    }
    return { exitCode: EXIT.workbookErrors };
  }
  const model = result.model;
  const quarterLabel = formatQuarter(model.quarter, calendar);
  // The name depends on the quarter, known only now; the plans are already rendered in memory.
  const outPath = command.out
    ? resolve(io.cwd, command.out)
    : join(dirname(inputPath), `${basename(inputPath, extname(inputPath))}-${quarterLabel.replace(/[\s/]+/g, '-')}.xlsx`);
  if (outPath === inputPath) throw new UsageError(`--out ${command.out}: that is the input workbook; generate never overwrites its input`);

  progress(io, `Writing the ${quarterLabel} register…`);
  await writeFileAtomic(outPath, await port.outputBuffer());
  let pdfPath: string | undefined;
  if (command.pdf) {
    progress(io, 'Rendering the PDF with LibreOffice…');
    pdfPath = await exportPdf(outPath);
  }

  if (command.json) {
    io.stdout(`${JSON.stringify(registerJson(model, calendar, result.issues), null, 2)}\n`);
  } else {
    printIssues(io, result.issues);
    io.stdout(registerSummary(model, result.matrix.spec.ratings.map((r) => r.name), quarterLabel));
    io.stdout(`Register: ${outPath}\n`);
    if (pdfPath) io.stdout(`PDF:      ${pdfPath}\n`);
  }
  return { exitCode: EXIT.done, model, outPath, ...(pdfPath ? { pdfPath } : {}) };
}

/** A few lines a risk lead can read aloud: counts by rating and what moved. */
export function registerSummary(model: RegisterModel, ratingsLeastFirst: readonly string[], quarterLabel: string): string {
  const counts = [...ratingsLeastFirst]
    .reverse()
    .map((rating) => `${model.open.filter((row) => row.rating === rating).length} ${rating}`)
    .join(', ');
  const ids = (list: readonly { id: string }[]) => (list.length === 0 ? '' : ` (${list.map((r) => r.id).join(', ')})`);
  const { movement } = model;
  return [
    `${quarterLabel}: ${model.open.length} open risks — ${counts}.`,
    `Since last quarter: ${movement.new.length} new${ids(movement.new)}, ${movement.escalated.length} escalated${ids(movement.escalated)}, ` +
      `${movement.deEscalated.length} de-escalated${ids(movement.deEscalated)}, ${movement.closed.length} closed${ids(movement.closed)}.`,
    '',
  ].join('\n');
}
