/**
 * The generated register in a real client: LibreOffice opens it (recalculating), shows the same
 * ratings and arrows as `--json`, keeps the data sheets' rules, and renders a PDF with content.
 * LibreOffice cannot run LAMBDA, so each generated LAMBDA body is evaluated with its parameters
 * substituted and compared with the core's function table for every cell of several matrices.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import type { CellValue } from '../../core/cells/cell.ts';
import { DEFAULT_MATRIX } from '../../core/matrix/default-matrix.ts';
import { ASSESSMENT_HEADERS } from '../../core/readers/headers.ts';
import { dataSheetPlans } from '../../core/layout/data-sheets.ts';
import { evaluateRiskFunction, isFunctionError } from '../../core/functions/functions.ts';
import { lambdaDefinitions, substituteParameters } from '../../core/functions/lambda.ts';
import type { RiskMatrix } from '../../core/matrix/matrix.ts';
import type { RegisterJson } from '../../core/register/register-json.ts';
import { FIVE_BY_FIVE_GRID, SIX_BY_SIX_GRID } from '../support/matrices.ts';
import {
  evaluateFormulas,
  exportSheetCsv,
  libreOfficeFixture,
  makeTemp,
  pageInk,
  pdfPageCount,
  pdfText,
  removeTemp,
  requireLibreOffice,
  resavedWorksheetXml,
} from './libreoffice.ts';

const dirs: string[] = [];

/** The example workbook and its generated register (xlsx, PDF, --json), made once; fails when LibreOffice is missing. */
const generated = libreOfficeFixture(async () => {
  const dir = await makeTemp('register-e2e');
  dirs.push(dir);
  expect((await runCli(dir, 'init', 'force.xlsx', '--example')).code).toBe(0);
  const result = await runCli(dir, 'generate', 'force.xlsx', '--out', 'register.xlsx', '--json', '--pdf');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { dir, report: JSON.parse(result.stdout) as RegisterJson };
});

afterAll(async () => {
  for (const dir of dirs) await removeTemp(dir);
});

describe('LibreOffice opens the generated register', () => {
  it('and shows the same IDs, arrows and ratings as --json, in register order', async () => {
    const { dir, report } = await generated();
    const rows = await exportSheetCsv(join(dir, 'register.xlsx'), 'Register Q2 2022-23');
    const header = rows.findIndex((row) => row[0] === 'ID');
    expect(rows[header]!.slice(5)).toEqual([
      'Q3 21/22',
      'Q4 21/22',
      'Q1 22/23',
      'Q2 22/23',
      // The example's optional columns (PRODUCT §8): inherent before the residual, the rest after.
      'Inherent risk rating',
      'Residual risk rating',
      'Target risk rating',
      'Target date',
      'Appetite',
      // The example's management columns: a proposal's status, the next review, action counts.
      'Status',
      'Next review',
      'Open actions',
      'Overdue actions',
    ]);
    const shown = rows
      .slice(header + 1)
      .filter((row) => row[0] !== null)
      .map((row) => [
        row[0],
        ...row.slice(5, 9),
        row[10],
        row[9] ?? null,
        row[11] ?? null,
        Number(row[16]),
        Number(row[17]),
      ]);
    expect(shown).toEqual(
      report.open.map((risk) => [
        risk.id,
        ...risk.trend,
        risk.rating,
        risk.inherent?.rating ?? null,
        risk.target?.rating ?? null,
        risk.actions?.open,
        risk.actions?.overdue,
      ]),
    );
    expect(shown).toHaveLength(21);
  });

  it('and lists the closed risk with its dates', async () => {
    const { dir } = await generated();
    const rows = await exportSheetCsv(join(dir, 'register.xlsx'), 'Closed Q2 2022-23');
    const closed = rows.find((row) => row[0] === 'CRR14');
    expect(closed).toBeDefined();
    // The CSV export writes dates in LibreOffice's own locale form; the PDF shows them as formatted.
    expect(String(closed![5])).toMatch(/(15\/08|08\/15)\/2022/);
    const text = await pdfText(join(dir, 'register.pdf'));
    expect(text).toContain('15/08/2022');
    expect(text).toContain('29/09/2022');
  });

  it('renders a committee PDF: every report sheet, non-blank pages, the risks in it', async () => {
    const { dir, report } = await generated();
    const pdf = join(dir, 'register.pdf');
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(await pageInk(pdf, 1)).toBeGreaterThan(1000);
    const text = await pdfText(pdf);
    for (const risk of report.open) expect(text).toContain(risk.id);
    // What only each report sheet prints (core/layout/*-sheet.ts): its title and a line of its own.
    const title = 'Corporate Risk Register';
    const onlyOn: Record<string, string[]> = {
      Register: [`${title} — Q2 2022/23`, `${report.open.length} open risks, most severe first.`],
      Closed: [`${title} — closed risks Q2 2022/23`, '1 risk closed in Q2 2022/23.'],
      Movement: [`${title} — movement Q2 2022/23`, 'Changes since Q1 2022/23.', 'Escalated (rating up)'],
      'Heat map': [
        `${title} — heat map Q2 2022/23`,
        `Open risks by residual impact and probability (${report.open.length} risks).`,
      ],
    };
    for (const [sheet, lines] of Object.entries(onlyOn))
      for (const line of lines) expect(text, `the ${sheet} sheet`).toContain(line);
    expect(text).toContain('Risk trend key');
    expect(text).toContain('Risk scoring guidance');
    expect(text).toContain('Costs over £2m');
  });
});

describe('LibreOffice keeps the data sheets’ rules', () => {
  it('validations and conditional formats survive a round trip of the init workbook', async () => {
    const { dir } = await generated();
    const sheets = await resavedWorksheetXml(join(dir, 'force.xlsx'), join(dir, 'roundtrip'));
    const all = sheets.join('\n');
    expect(all).toMatch(/<dataValidation[^>]*type="whole"/);
    expect(all).toMatch(/<dataValidation[^>]*type="list"/);
    expect(all).toMatch(/<conditionalFormatting/);
    expect(all).toContain('&quot;Critical&quot;');
  });
});

describe('the data sheets’ custom rules compute in LibreOffice', () => {
  it('Quarter accepts labels and dates and rejects other text; Risk ID must be on the Risks sheet', async () => {
    requireLibreOffice();
    const [, assessments] = dataSheetPlans(DEFAULT_MATRIX, {
      risks: [
        ['Ref', 'ID', 'Risk name'],
        [null, 'CRR1', 'One'],
        [null, 'CRR2', 'Two'],
      ],
      assessments: [[...ASSESSMENT_HEADERS]],
    });
    const rule = (column: number) => {
      const found = assessments!.validations.find((v) => v.range.left === column)!.rule;
      if (found.kind !== 'custom') throw new Error(`column ${column} has a ${found.kind} rule`);
      return found.formula;
    };
    const quarterRule = rule(1);
    const idRule = rule(0);
    const quarterCases: [string, boolean][] = [
      ['"Q2 2022/23"', true],
      ['"FY22/23 Q2"', true],
      ['"quarter 2 2022/23"', true],
      ['DATE(2022,8,1)', true],
      ['"2022"', false],
      ['"abc"', false],
    ];
    const idCases: [string, boolean][] = [
      ['"CRR2"', true],
      ['"crr1"', true],
      ['"CRR9"', false],
    ];
    const formulas = [
      ...quarterCases.map(([value]) => quarterRule.replaceAll('B2', value)),
      ...idCases.map(([value]) => idRule.replace(/,A2\)/, `,${value})`)),
    ];
    const results = await evaluateFormulas(formulas, [
      {
        name: 'Risks',
        rows: [
          ['Ref', 'ID', 'Risk name'],
          [null, 'CRR1', 'One'],
          [null, 'CRR2', 'Two'],
        ],
      },
    ]);
    expect(results).toEqual([...quarterCases, ...idCases].map(([, expected]) => expected));
  });
});

/** Every impact × probability, plus blanks and bad values, as LibreOffice computes the LAMBDA bodies. */
async function checkLambdas(matrix: RiskMatrix) {
  requireLibreOffice();
  const definitions = new Map(lambdaDefinitions(matrix).map((d) => [d.name, d]));
  const cases: { name: 'RISKSCORE' | 'RISKRATING' | 'RISKTREND'; args: [CellValue, CellValue] }[] = [];
  for (let p = 1; p <= matrix.probabilityLevels; p++) {
    for (let i = 1; i <= matrix.impactLevels; i++) {
      cases.push({ name: 'RISKSCORE', args: [i, p] }, { name: 'RISKRATING', args: [i, p] });
    }
  }
  const bad: [CellValue, CellValue][] = [
    [matrix.impactLevels + 1, 1],
    [0, 1],
    [2.5, 1],
    ['abc', 1],
    [1, matrix.probabilityLevels + 1],
    ['', ''],
    ['', 3],
  ];
  for (const args of bad) cases.push({ name: 'RISKSCORE', args }, { name: 'RISKRATING', args });
  for (const args of [
    [5, 10],
    [10, 5],
    [7, 7],
    ['', 9],
    [9, ''],
    ['', ''],
  ] as [CellValue, CellValue][])
    cases.push({ name: 'RISKTREND', args });

  const literal = (value: CellValue) => (typeof value === 'string' ? `"${value}"` : String(value));
  const formulas = cases.map(({ name, args }) => {
    const definition = definitions.get(name)!;
    return substituteParameters(
      definition,
      Object.fromEntries(definition.parameters.map((p, k) => [p, literal(args[k]!)])),
    );
  });
  const computed = await evaluateFormulas(formulas);
  cases.forEach(({ name, args }, k) => {
    const expected = evaluateRiskFunction(
      name,
      matrix,
      args.map((a) => (a === '' ? null : a)),
    );
    const got = computed[k];
    const where = `${name}(${args.map(literal).join(', ')}) = ${formulas[k]}`;
    if (isFunctionError(expected)) expect(got, where).toMatchObject({ kind: 'error' });
    else if (expected === '') expect(got ?? '', where).toBe('');
    else expect(got, where).toEqual(expected);
  });
}

describe('generated LAMBDA bodies agree with the function table in LibreOffice', () => {
  it('for the default (banded) matrix', async () => checkLambdas(DEFAULT_MATRIX));
  it('for a 5×5 grid matrix where score 12 rates by cell', async () => checkLambdas(FIVE_BY_FIVE_GRID));
  it('for a 6×6 grid matrix with six ratings', async () => checkLambdas(SIX_BY_SIX_GRID));
});
