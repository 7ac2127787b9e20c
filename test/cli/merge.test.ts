import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../core/cells/cell.ts';
import { dateCell } from '../../core/cells/cell.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../core/readers/headers.ts';
import { ACTION_HEADERS } from '../../core/readers/read-actions.ts';
import { riskRow } from '../support/risk-row.ts';
import { runCli } from '../support/run-cli.ts';
import type { FixtureSheet } from '../support/workbook-fixture.ts';
import { fixtureWorkbookBuffer } from '../support/workbook-fixture.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'risk-register-merge-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A risk raised in April 2021; the last argument lists its Date closed, Closure rationale and Closure reported. */
const risk = (
  id: string,
  name: string,
  status: CellValue = 'Open',
  [closed, rationale, reported]: CellValue[] = [],
): CellValue[] => riskRow(id, name, { status, raised: dateCell('2021-04-01'), closed, rationale, reported });
const assess = (id: string, quarter: string, impact: number, probability: number): CellValue[] => [
  id,
  quarter,
  impact,
  probability,
];

/** A departmental register: Risks, Assessments and Actions, with IDs as that department numbers them. */
function register(
  risks: CellValue[][],
  assessments: CellValue[][],
  actions: CellValue[][] = [],
): FixtureSheet[] {
  return [
    { name: 'Risks', rows: [[...RISK_HEADERS], ...risks] },
    { name: 'Assessments', rows: [[...ASSESSMENT_HEADERS], ...assessments] },
    { name: 'Actions', rows: [[...ACTION_HEADERS], ...actions] },
  ];
}

const FINANCE = register(
  [risk('CRR1', 'Budget gap'), risk('CRR2', 'Fraud')],
  [
    assess('CRR1', 'Q1 2022/23', 4, 4),
    assess('CRR1', 'Q2 2022/23', 4, 5),
    assess('CRR2', 'Q2 2022/23', 2, 3),
  ],
  [['CRR1', 'Savings plan', 'CFO', dateCell('2022-08-01'), 'In progress', null]],
);
const CRIME = register(
  [
    risk('CRR1', 'Court backlog'),
    risk('CRR3', 'Biometric retention', 'De-escalated to Crime portfolio', [
      dateCell('2022-08-10'),
      'Managed locally',
      null,
    ]),
  ],
  [assess('CRR1', 'Q2 2022/23', 3, 3), assess('CRR3', 'Q1 2022/23', 3, 2)],
  [['CRR3', 'Audit', 'Head of Forensics', dateCell('2022-12-01'), 'Not started', null]],
);

async function write(file: string, sheets: readonly FixtureSheet[]): Promise<string> {
  await writeFile(join(dir, file), await fixtureWorkbookBuffer(sheets));
  return file;
}

describe('risk-register merge', () => {
  it('reports an ID two registers define by file and cell, and writes nothing', async () => {
    await write('finance.xlsx', FINANCE);
    await write('crime.xlsx', CRIME);
    const before = await readFile(join(dir, 'crime.xlsx'));
    const result = await runCli(dir, 'merge', 'finance.xlsx', 'crime.xlsx', '--out', 'corporate.xlsx');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'error   crime.xlsx Risks!A2: ID CRR1 is also in finance.xlsx (Risks!A2); merge with --prefix-from-file, or rename one',
    );
    await expect(stat(join(dir, 'corporate.xlsx'))).rejects.toThrow();
    expect(await readFile(join(dir, 'crime.xlsx'))).toEqual(before);
  });

  it('round-trips: generating over the merged registers equals generating over the same rows typed by hand', async () => {
    await write('finance.xlsx', FINANCE);
    await write('crime.xlsx', CRIME);
    const merged = await runCli(
      dir,
      'merge',
      'finance.xlsx',
      'crime.xlsx',
      '--out',
      'corporate.xlsx',
      '--prefix-from-file',
    );
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain(
      'Merged 2 registers into corporate.xlsx: 4 risks, 5 assessments, 2 actions.',
    );

    const typed = (
      id: string,
      name: string,
      from: string,
      status: CellValue = 'Open',
      closed: CellValue[] = [null, null, null],
    ) => [...risk(id, name, status, closed), from];
    await write('by-hand.xlsx', [
      {
        name: 'Risks',
        rows: [
          [...RISK_HEADERS, 'Register'],
          typed('finance-CRR1', 'Budget gap', 'finance'),
          typed('finance-CRR2', 'Fraud', 'finance'),
          typed('crime-CRR1', 'Court backlog', 'crime'),
          typed('crime-CRR3', 'Biometric retention', 'crime', 'De-escalated to Crime portfolio', [
            dateCell('2022-08-10'),
            'Managed locally',
            null,
          ]),
        ],
      },
      {
        name: 'Assessments',
        rows: [
          [...ASSESSMENT_HEADERS],
          assess('finance-CRR1', 'Q1 2022/23', 4, 4),
          assess('finance-CRR1', 'Q2 2022/23', 4, 5),
          assess('finance-CRR2', 'Q2 2022/23', 2, 3),
          assess('crime-CRR1', 'Q2 2022/23', 3, 3),
          assess('crime-CRR3', 'Q1 2022/23', 3, 2),
        ],
      },
      {
        name: 'Actions',
        rows: [
          [...ACTION_HEADERS],
          ['finance-CRR1', 'Savings plan', 'CFO', dateCell('2022-08-01'), 'In progress', null],
          ['crime-CRR3', 'Audit', 'Head of Forensics', dateCell('2022-12-01'), 'Not started', null],
        ],
      },
    ]);
    const fromMerge = await runCli(dir, 'generate', 'corporate.xlsx', '--json', '--out', 'a.xlsx');
    const fromHand = await runCli(dir, 'generate', 'by-hand.xlsx', '--json', '--out', 'b.xlsx');
    expect(fromMerge.code).toBe(0);
    expect(JSON.parse(fromMerge.stdout)).toEqual(JSON.parse(fromHand.stdout));
    expect(JSON.parse(fromMerge.stdout).transferred).toEqual([
      {
        id: 'crime-CRR3',
        name: 'Biometric retention',
        to: 'Crime portfolio',
        date: '2022-08-10',
        rationale: 'Managed locally',
      },
    ]);
  });

  it('merges registers whose IDs differ as they are, with a Register column, and generates one register', async () => {
    await write('finance.xlsx', FINANCE);
    await write(
      'crime.xlsx',
      register([risk('CRR7', 'Court backlog')], [assess('CRR7', 'Q2 2022/23', 3, 3)], []),
    );
    expect((await runCli(dir, 'merge', 'finance.xlsx', 'crime.xlsx', '--out', 'corporate.xlsx')).code).toBe(
      0,
    );
    const generated = await runCli(dir, 'generate', 'corporate.xlsx', '--json', '--out', 'register.xlsx');
    expect(generated.code).toBe(0);
    const json = JSON.parse(generated.stdout);
    expect(json.open.map((r: { id: string }) => r.id)).toEqual(['CRR1', 'CRR7', 'CRR2']);
    expect(json.open.map((r: { actions: unknown }) => r.actions)).toEqual([
      { open: 1, overdue: 1 },
      { open: 0, overdue: 0 },
      { open: 0, overdue: 0 },
    ]);
  });

  it('never writes over an input, and says how to call it', async () => {
    await write('finance.xlsx', FINANCE);
    await write('crime.xlsx', CRIME);
    const over = await runCli(
      dir,
      'merge',
      'finance.xlsx',
      'crime.xlsx',
      '--out',
      'crime.xlsx',
      '--prefix-from-file',
    );
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('is the input workbook');
    expect((await runCli(dir, 'merge', 'finance.xlsx', '--out', 'x.xlsx')).stderr).toContain(
      'merge needs at least two register workbooks',
    );
    expect((await runCli(dir, 'merge', 'finance.xlsx', 'crime.xlsx')).stderr).toContain('merge needs --out');
    expect((await runCli(dir, 'merge', 'finance.xlsx', 'finance.xlsx', '--out', 'x.xlsx')).stderr).toContain(
      'finance.xlsx is given twice',
    );
    expect((await runCli(dir, 'merge', 'finance.xlsx', 'missing.xlsx', '--out', 'x.xlsx')).code).toBe(2);
  });
});
