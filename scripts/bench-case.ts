/**
 * One benchmark case, run in its own process so its peak memory is its own.
 * Prints one JSON line: { case, ms, peakMb }.
 */
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DEFAULT_MATRIX } from '../core/index.ts';
import { evaluateRiskFunction } from '../core/index.ts';
import { quarterlyReportPlans } from '../core/index.ts';
import { APRIL_FISCAL_YEAR } from '../core/index.ts';
import { readRegisterSheets } from '../core/index.ts';
import { buildRegister } from '../core/index.ts';
import { run } from '../cli/main.ts';
import { fixtureWorkbookBuffer } from '../test/support/workbook-fixture.ts';
import { syntheticRegister } from './synthetic-register.ts';

const [name, arg1, arg2, file] = process.argv.slice(2) as [string, string, string, string];

async function measure(fn: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const cases: Record<string, () => Promise<number>> = {
  /** Core: read grids and build the register model, as every host does after reading. */
  async 'core-register'() {
    const data = syntheticRegister(Number(arg1), Number(arg2));
    const options = { matrix: DEFAULT_MATRIX, calendar: APRIL_FISCAL_YEAR };
    return measure(() => {
      const read = readRegisterSheets({ risks: { name: 'Risks', rows: data.risks }, assessments: { name: 'Assessments', rows: data.assessments } }, options);
      const model = buildRegister({ ...read, ...options, quarter: { fiscalYear: 2022, quarter: 2 }, quarterCount: 4 });
      quarterlyReportPlans(model, { ...options, title: 'Bench' });
    });
  },
  /** Core: building the model alone, from already-typed rows. */
  async 'core-model'() {
    const data = syntheticRegister(Number(arg1), Number(arg2));
    const options = { matrix: DEFAULT_MATRIX, calendar: APRIL_FISCAL_YEAR };
    const read = readRegisterSheets({ risks: { name: 'Risks', rows: data.risks }, assessments: { name: 'Assessments', rows: data.assessments } }, options);
    return measure(() => {
      buildRegister({ ...read, ...options, quarter: { fiscalYear: 2022, quarter: 2 }, quarterCount: 4 });
    });
  },
  /** Custom functions over a 100,000-cell range (316 × 316 ≈ 100k), as a spilled call would. */
  async functions() {
    const side = 317;
    const impacts = Array.from({ length: side }, (_, r) => Array.from({ length: side }, (_, c) => 1 + ((r + c) % 5)));
    const probabilities = Array.from({ length: side }, (_, r) => Array.from({ length: side }, (_, c) => 1 + ((r * c) % 5)));
    return measure(() => {
      // RISKTREND reads the two grids as previous and current scores.
      evaluateRiskFunction(arg1, DEFAULT_MATRIX, [impacts, probabilities]);
    });
  },
  /** Writes the input workbook for the CLI cases (not timed). */
  async prepare() {
    const data = syntheticRegister(Number(arg1), Number(arg2));
    await writeFile(file, await fixtureWorkbookBuffer([{ name: 'Risks', rows: data.risks }, { name: 'Assessments', rows: data.assessments }]));
    return 0;
  },
  /** The CLI's whole generate: read the workbook, check, build, render, write. */
  async 'cli-generate'() {
    return measure(async () => {
      const code = await run(['generate', file, '--out', `${file}.register.xlsx`], { stdout: () => {}, stderr: (t) => process.stderr.write(t), interactive: false, cwd: process.cwd() });
      if (code !== 0) throw new Error(`generate exited ${code}`);
    });
  },
  /** The floor: exceljs alone reading the same workbook and writing a register-sized sheet. */
  async 'exceljs-floor'() {
    return measure(async () => {
      const input = new ExcelJS.Workbook();
      await input.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
      const risks = input.getWorksheet('Risks')!;
      const rows: unknown[][] = [];
      risks.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 6)));
      input.getWorksheet('Assessments')!.eachRow(() => undefined);
      const output = new ExcelJS.Workbook();
      const sheet = output.addWorksheet('Register');
      for (const row of rows) sheet.addRow([...row, '↔', '↔', '↔', '↔', 'High']);
      await writeFile(`${file}.floor.xlsx`, Buffer.from(await output.xlsx.writeBuffer()));
    });
  },
};

const ms = await cases[name]!();
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ case: name, ms: Math.round(ms), peakMb })}\n`);
