// `risk-register demo` (what `npm start` runs): the example workbook and its latest register, in out/.
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_HISTORY_COUNT } from '../../core/index.ts';
import type { Command } from '../args.ts';
import type { ConsoleIO } from '../ui.ts';
import { generateCommand } from './generate.ts';
import { writeRegisterWorkbook } from './init.ts';

export async function demoCommand(
  command: Extract<Command, { name: 'demo' }>,
  io: ConsoleIO,
): Promise<number> {
  const outDir = resolve(io.cwd, command.outDir);
  await mkdir(outDir, { recursive: true });
  const examplePath = join(outDir, 'force-register.xlsx');
  await writeRegisterWorkbook(examplePath, true);
  const shown = (path: string) => relative(io.cwd, path) || path;
  io.stdout(`Example register workbook: ${shown(examplePath)}\n`);

  const result = await generateCommand(
    {
      name: 'generate',
      file: examplePath,
      fyStart: 4,
      quarters: 4,
      history: DEFAULT_HISTORY_COUNT,
      json: false,
      pdf: false,
    },
    { ...io, cwd: outDir, stdout: (text) => io.stdout(text.replace(outDir, shown(outDir))) },
  );
  if (result.exitCode === 0) {
    io.stdout(
      [
        '',
        'Open the register in Excel or LibreOffice. Try next:',
        `  npx risk-register validate ${shown(examplePath)}`,
        `  npx risk-register generate ${shown(examplePath)} --quarter "Q1 2022/23" --json`,
        `  npx risk-register init my-register.xlsx`,
        '',
      ].join('\n'),
    );
  }
  return result.exitCode;
}
