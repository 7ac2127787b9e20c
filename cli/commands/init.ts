// `risk-register init`: a ready register workbook, empty or filled with the bundled example — the
// Set up job run on an empty workbook.
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FORCE_REGISTER_EXAMPLE } from '../../examples/force-register.ts';
import type { Command } from '../args.ts';
import type { ConsoleIO } from '../ui.ts';
import { EXIT, UsageError } from '../ui.ts';
import { writeSetUpWorkbook } from '../set-up-workbook.ts';

export async function initCommand(
  command: Extract<Command, { name: 'init' }>,
  io: ConsoleIO,
): Promise<number> {
  const path = resolve(io.cwd, command.file);
  if (await exists(path))
    throw new UsageError(`${command.file} already exists; init never overwrites a workbook`);
  await writeRegisterWorkbook(path, command.example, command.actions);
  const sheets = `Risks, Assessments${command.actions || command.example ? ', Actions' : ''} and Scoring sheets`;
  io.stdout(
    `Created ${command.file}: ${sheets}${command.example ? ' with the example register' : ''}.\n` +
      // An empty register has nothing to validate yet: validate would say there is no quarter.
      (command.example
        ? `Next: risk-register validate ${command.file}\n`
        : `Next: fill in Risks and Assessments, then: risk-register validate ${command.file}\n`),
  );
  return EXIT.done;
}

/**
 * The Risks, Assessments and Scoring sheets (and Actions, when asked or in the example) plus the
 * RISKSCORE, RISKRATING and RISKTREND LAMBDA names.
 */
export async function writeRegisterWorkbook(path: string, example: boolean, actions = false): Promise<void> {
  await writeSetUpWorkbook(path, { ...(example ? { seed: FORCE_REGISTER_EXAMPLE } : {}), actions });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
