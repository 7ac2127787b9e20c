// `risk-register init`: a ready register workbook, empty or filled with the bundled example.
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_MATRIX } from '../../core/matrix/default-matrix.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../core/readers/headers.ts';
import { lambdaDefinitions } from '../../core/functions/lambda.ts';
import { dataSheetPlans } from '../../core/layout/data-sheets.ts';
import { scoringSheetPlan } from '../../core/layout/scoring-data-sheet.ts';
import { FORCE_REGISTER_EXAMPLE } from '../../examples/force-register.ts';
import type { Command } from '../args.ts';
import type { ConsoleIO } from '../console-io.ts';
import { EXIT, UsageError } from '../console-io.ts';
import { writeWorkbook } from '../report-workbook.ts';

export async function initCommand(command: Extract<Command, { name: 'init' }>, io: ConsoleIO): Promise<number> {
  const path = resolve(io.cwd, command.file);
  if (await exists(path)) throw new UsageError(`${command.file} already exists; init never overwrites a workbook`);
  await writeRegisterWorkbook(path, command.example);
  io.stdout(
    `Created ${command.file}: Risks, Assessments and Scoring sheets${command.example ? ' with the example register' : ''}.\n` +
      `Next: risk-register validate ${command.file}\n`,
  );
  return EXIT.done;
}

/** The Risks, Assessments and Scoring sheets plus the RISKSCORE, RISKRATING and RISKTREND LAMBDA names. */
export async function writeRegisterWorkbook(path: string, example: boolean): Promise<void> {
  const matrix = DEFAULT_MATRIX;
  const content = example ? FORCE_REGISTER_EXAMPLE : { risks: [[...RISK_HEADERS]], assessments: [[...ASSESSMENT_HEADERS]] };
  const plans = [...dataSheetPlans(matrix, content), scoringSheetPlan(matrix.spec)];
  const names = lambdaDefinitions(matrix).map((definition) => ({ name: definition.name, formula: definition.fileFormula }));
  await writeWorkbook(path, plans, names);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
