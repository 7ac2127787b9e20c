// `risk-register merge`: departmental registers combined into one corporate workbook (PRODUCT §8),
// never writing over an input; ID clashes are listed by file and cell and nothing is written.
import { basename, extname, resolve } from 'node:path';
import type { MergeIssue, RegisterFile } from '../../core/index.ts';
import { formatIssue, hasErrors, mergeRegisters, plural, readDataSheets } from '../../core/index.ts';
import type { Command } from '../args.ts';
import { checkOutputPath } from '../output-path.ts';
import { writeSetUpWorkbook } from '../set-up-workbook.ts';
import type { ConsoleIO } from '../ui.ts';
import { EXIT, UsageError, progress } from '../ui.ts';
import { openWorkbookPort } from '../workbook-sheets.ts';

export async function mergeCommand(
  command: Extract<Command, { name: 'merge' }>,
  io: ConsoleIO,
): Promise<number> {
  const inputs = command.files.map((file) => ({ file, path: resolve(io.cwd, file) }));
  const outPath = resolve(io.cwd, command.out);
  // Compared by file identity, so no spelling of an input (a link, another case) can be the output.
  for (const input of inputs) await checkOutputPath(outPath, input.path, command.out);
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.path)) throw new UsageError(`${input.file} is given twice`);
    seen.add(input.path);
  }

  const files: RegisterFile[] = [];
  for (const input of inputs) {
    progress(io, `Reading ${input.file}…`);
    const sheets = await readDataSheets(await openWorkbookPort(input.path));
    files.push({ file: input.file, register: basename(input.path, extname(input.path)), sheets });
  }
  const merged = mergeRegisters(files, { prefixFromFile: command.prefixFromFile });
  printMergeIssues(io, merged.issues);
  if (hasErrors(merged.issues)) {
    io.stderr(
      `Nothing was merged: ${plural(merged.issues.filter((i) => i.severity === 'error').length, 'error')}.\n`,
    );
    return EXIT.workbookErrors;
  }
  progress(io, `Writing ${command.out}…`);
  await writeSetUpWorkbook(outPath, {
    seed: merged.content,
    ...(merged.matrix ? { matrix: merged.matrix } : {}),
  });
  const count = (rows: readonly unknown[] | undefined) => Math.max((rows?.length ?? 1) - 1, 0);
  const { content } = merged;
  io.stdout(
    `Merged ${plural(files.length, 'register')} into ${command.out}: ${plural(count(content.risks), 'risk')}, ` +
      `${plural(count(content.assessments), 'assessment')}` +
      (content.actions ? `, ${plural(count(content.actions), 'action')}` : '') +
      `.\nNext: risk-register generate ${command.out}\n`,
  );
  return EXIT.done;
}

/** `error   b.xlsx Risks!A2: ID CRR1 is also in a.xlsx (Risks!A2); …` */
function printMergeIssues(io: ConsoleIO, issues: readonly MergeIssue[]): void {
  for (const issue of issues)
    io.stdout(`${issue.severity === 'error' ? 'error  ' : 'warning'} ${issue.file} ${formatIssue(issue)}\n`);
}
