// `risk-register init`: a ready register workbook, empty or filled with the bundled example — the
// Set up job run on an empty workbook.
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setUp } from '../../core/index.ts';
import { FORCE_REGISTER_EXAMPLE } from '../../examples/force-register.ts';
import type { Command } from '../args.ts';
import type { ConsoleIO } from '../ui.ts';
import { EXIT, UsageError } from '../ui.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { newWorkbook } from '../report-workbook.ts';
import { XlsxWorkbookPort } from '../workbook-port.ts';
import { workbookGrids } from '../read-grid.ts';

export async function initCommand(
  command: Extract<Command, { name: 'init' }>,
  io: ConsoleIO,
): Promise<number> {
  const path = resolve(io.cwd, command.file);
  if (await exists(path))
    throw new UsageError(`${command.file} already exists; init never overwrites a workbook`);
  await writeRegisterWorkbook(path, command.example);
  io.stdout(
    `Created ${command.file}: Risks, Assessments and Scoring sheets${command.example ? ' with the example register' : ''}.\n` +
      // An empty register has nothing to validate yet: validate would say there is no quarter.
      (command.example
        ? `Next: risk-register validate ${command.file}\n`
        : `Next: fill in Risks and Assessments, then: risk-register validate ${command.file}\n`),
  );
  return EXIT.done;
}

/** The Risks, Assessments and Scoring sheets plus the RISKSCORE, RISKRATING and RISKTREND LAMBDA names. */
export async function writeRegisterWorkbook(path: string, example: boolean): Promise<void> {
  const workbook = newWorkbook();
  const port = new XlsxWorkbookPort(workbookGrids(workbook), workbook);
  await setUp(port, example ? { seed: FORCE_REGISTER_EXAMPLE } : {});
  await writeFileAtomic(path, await port.outputBuffer());
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
