import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { CellValue } from '../../../core/cells/cell.ts';
import { dateCell, errorCell } from '../../../core/cells/cell.ts';
import { formatIssue } from '../../../core/issues/issue.ts';
import type { Issue } from '../../../core/issues/issue.ts';
import { APRIL_FISCAL_YEAR } from '../../../core/quarters/quarter.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../../core/readers/headers.ts';
import { actionStatusOf } from '../../../core/readers/action.ts';
import { ACTION_HEADERS } from '../../../core/readers/read-actions.ts';
import { readRegisterSheets } from '../../../core/readers/read-register.ts';
import { bandMatrix } from '../../support/band-matrix.ts';
import { FC_SEED } from '../../support/fc-seed.ts';

const matrix = bandMatrix();
const risk = (
  id: string,
  status: CellValue = 'Open',
  closed: CellValue = null,
  rationale: CellValue = null,
) => [id, `Risk ${id}`, '', '', '', '', status, null, closed, rationale, null];

function read(actionRows: CellValue[][], head: CellValue[] = [...ACTION_HEADERS]) {
  return readRegisterSheets(
    {
      risks: { name: 'Risks', rows: [[...RISK_HEADERS], risk('CRR1'), risk('CRR2'), ['CRR3', '']] },
      assessments: { name: 'Assessments', rows: [[...ASSESSMENT_HEADERS], ['CRR1', 'Q2 2022/23', 3, 3]] },
      actions: { name: 'Actions', rows: [head, ...actionRows] },
    },
    { matrix, calendar: APRIL_FISCAL_YEAR },
  );
}
/** The issues on one sheet (the fixture's CRR3 has a Risks error of its own). */
const lines = (issues: readonly Issue[], sheet = 'Actions') =>
  issues
    .filter((issue) => issue.sheet === sheet)
    .map((issue) => `${issue.severity.padEnd(7)} ${formatIssue(issue)}`);

describe('readActions', () => {
  it('reads actions with their owner, due date, status and completion date', () => {
    const result = read([
      ['crr1', 'Audit the disclosures', 'Head of IM', dateCell('2022-08-31'), 'In progress', null],
      ['CRR2', 'Publish the MOU', 'ACC', '15/07/2022', 'done', dateCell('2022-07-10')],
      ['CRR2', 'Train staff', '', null, null, null],
    ]);
    expect(lines(result.issues)).toEqual([]);
    expect(result.actions).toEqual([
      {
        riskId: 'CRR1',
        action: 'Audit the disclosures',
        owner: 'Head of IM',
        due: '2022-08-31',
        status: 'In progress',
        row: 1,
      },
      {
        riskId: 'CRR2',
        action: 'Publish the MOU',
        owner: 'ACC',
        due: '2022-07-15',
        status: 'Complete',
        completed: '2022-07-10',
        row: 2,
      },
      { riskId: 'CRR2', action: 'Train staff', owner: '', status: 'Not started', row: 3 },
    ]);
  });

  it('finds the columns by header and synonym, in any order', () => {
    const result = read(
      [['Chase the audit', dateCell('2022-09-01'), 'CRR1', 'Ongoing']],
      ['Mitigating action', 'Deadline', 'Ref', 'Progress'],
    );
    expect(lines(result.issues)).toEqual([]);
    expect(result.actions).toEqual([
      {
        riskId: 'CRR1',
        action: 'Chase the audit',
        owner: '',
        due: '2022-09-01',
        status: 'In progress',
        row: 1,
      },
    ]);
  });

  it('reports each bad row at its cell and leaves it out', () => {
    const result = read([
      ['CRR9', 'Unknown risk', '', null, '', null],
      ['CRR1', 'Bad due date', '', 'next week', '', null],
      ['CRR1', 'Bad status', '', null, 'Maybe', null],
      ['CRR1', 'Bad completion', '', null, 'Complete', 'yesterday'],
      ['', 'No risk', '', null, '', null],
      ['CRR1', '', '', null, '', null],
      ['CRR1', 'Error due', '', errorCell('#REF!'), '', null],
    ]);
    expect(lines(result.issues)).toEqual([
      'error   Actions!A2: risk ID CRR9 is not on the Risks sheet',
      'error   Actions!D3: due date "next week" is not a date',
      'error   Actions!E4: status "Maybe" is not Not started, In progress or Complete',
      'error   Actions!F5: completion date "yesterday" is not a date',
      'error   Actions!A6: missing risk ID',
      'error   Actions!B7: action is missing',
      'error   Actions!D8: due date is the error #REF!',
    ]);
    expect(result.actions).toEqual([]);
  });

  it('warns about a Complete action without a completion date and an unfinished one with one', () => {
    const result = read([
      ['CRR1', 'Done, undated', '', null, 'Complete', null],
      ['CRR1', 'Dated, unfinished', '', null, 'In progress', dateCell('2022-08-01')],
    ]);
    expect(lines(result.issues)).toEqual([
      'warning Actions!F2: action is Complete but has no completion date',
      'warning Actions!F3: action has a completion date 01/08/2022 but its status is In progress',
    ]);
    expect(result.actions?.map((a) => a.status)).toEqual(['Complete', 'In progress']);
  });

  it('leaves out the actions of a risk whose own row has an error, without a second message', () => {
    const result = read([['CRR3', 'Of a risk with no name', '', null, '', null]]);
    expect(lines(result.issues)).toEqual([]);
    expect(lines(result.issues, 'Risks')).toEqual(['error   Risks!B4: CRR3 has no risk name']);
    expect(result.actions).toEqual([]);
  });

  it('says which required column is missing; without an Actions sheet there are no actions at all', () => {
    expect(lines(read([['CRR1']], ['Risk ID']).issues)).toEqual([
      'error   Actions!A1: missing column "Action" (or Actions, Action description, Mitigating action, Further action, Description): no row of rows 1-2 names it',
    ]);
    const without = readRegisterSheets(
      { risks: { name: 'Risks', rows: [[...RISK_HEADERS], risk('CRR1')] } },
      { matrix, calendar: APRIL_FISCAL_YEAR },
    );
    expect(without.actions).toBeUndefined();
  });
});

describe('actionStatusOf', () => {
  it.each([
    ['Not started', 'Not started'],
    ['to do', 'Not started'],
    ['In Progress', 'In progress'],
    ['on-going', 'In progress'],
    ['COMPLETED', 'Complete'],
    ['done', 'Complete'],
  ] as const)('%s → %s', (text, status) => expect(actionStatusOf(text)).toBe(status));
  it('names no status for other text', () => expect(actionStatusOf('Maybe')).toBeUndefined());
});

const arbCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(
    'CRR1',
    'crr2 ',
    'CRR9',
    '',
    'Complete',
    'In progress',
    'done',
    'Maybe',
    '15/08/2022',
    'soon',
  ),
  fc.constantFrom(...ACTION_HEADERS),
  fc.integer({ min: 40000, max: 50000 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom('2022-08-15', '2022-02-30', '').map(dateCell),
  fc.constantFrom('#N/A', '#REF!').map(errorCell),
);

test.prop([fc.array(fc.array(arbCell, { maxLength: 8 }), { maxLength: 12 }), fc.boolean()], {
  numRuns: 200,
  ...FC_SEED,
})(
  'never throws on a random Actions sheet; every issue is at a cell, every action is of a known risk',
  (rows, withHead) => {
    const result = read(rows, withHead ? [...ACTION_HEADERS] : (rows[0] ?? []));
    for (const issue of result.issues) {
      expect(issue.cell).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
      expect(['Risks', 'Assessments', 'Actions']).toContain(issue.sheet);
    }
    for (const action of result.actions ?? []) {
      expect(['CRR1', 'CRR2']).toContain(action.riskId);
      expect(action.action).not.toBe('');
      if (action.due !== undefined) expect(action.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  },
);
