import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { CellValue, SheetGrid } from '../../../core/cells/cell.ts';
import { UNCALCULATED, dateCell, errorCell } from '../../../core/cells/cell.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../../core/readers/headers.ts';
import type { Issue } from '../../../core/issues/issue.ts';
import { formatIssue } from '../../../core/issues/issue.ts';
import {
  APRIL_FISCAL_YEAR,
  CALENDAR_YEAR,
  formatQuarter,
  quarterFromIndex,
  quarterIndex,
} from '../../../core/quarters/quarter.ts';
import { checkReassessed, readRegisterSheets } from '../../../core/readers/read-register.ts';
import { bandMatrix } from '../../support/band-matrix.ts';
import { FC_SEED } from '../../support/fc-seed.ts';

const matrix = bandMatrix();
const options = { matrix, calendar: APRIL_FISCAL_YEAR };

const RISK_HEAD = [...RISK_HEADERS];
const ASSESSMENT_HEAD = [...ASSESSMENT_HEADERS];

function risksGrid(rows: CellValue[][], head: CellValue[] = RISK_HEAD): SheetGrid {
  return { name: 'Risks', rows: [head, ...rows] };
}
function assessmentsGrid(rows: CellValue[][], head: CellValue[] = ASSESSMENT_HEAD): SheetGrid {
  return { name: 'Assessments', rows: [head, ...rows] };
}

const openRisk = (id: string, name = `Risk ${id}`): CellValue[] => [
  id,
  name,
  'desc',
  'impact text',
  'controls',
  'Owner A',
  'Open',
  dateCell('2021-04-01'),
  null,
  null,
  null,
];

function read(risks: CellValue[][], assessments: CellValue[][]) {
  return readRegisterSheets({ risks: risksGrid(risks), assessments: assessmentsGrid(assessments) }, options);
}

const lines = (issues: readonly Issue[]) => issues.map((issue) => `${issue.severity} ${formatIssue(issue)}`);

describe('readRegisterSheets: a clean register', () => {
  it('reads risks and assessments into typed rows', () => {
    const result = read(
      [
        [
          'CRR20',
          'Probation Data Sharing',
          'Since 2019 …',
          'Legal costs',
          '- MOU',
          'ACC',
          'Open',
          dateCell('2021-10-01'),
          null,
          null,
          null,
        ],
        [
          'CRR07',
          'Closed risk',
          'd',
          'i',
          'c',
          'o',
          'Closed',
          '01/04/2020',
          44788,
          'Manual work is complete',
          '29th September 2022',
        ],
      ],
      [
        ['CRR20', 'Q1 2022/23', 5, 4, 20, 'Critical', 'first look'],
        ['crr20 ', dateCell('2022-08-15'), '5', ' 4 ', '=formula cached as text?', null, null],
        ['CRR07', 44700, 2, 2, 4, 'Low', ''],
      ],
    );
    expect(result.risks).toEqual([
      {
        id: 'CRR20',
        name: 'Probation Data Sharing',
        description: 'Since 2019 …',
        impactNarrative: 'Legal costs',
        controls: '- MOU',
        owner: 'ACC',
        status: 'Open',
        dateRaised: '2021-10-01',
        closureRationale: '',
        row: 1,
      },
      {
        id: 'CRR07',
        name: 'Closed risk',
        description: 'd',
        impactNarrative: 'i',
        controls: 'c',
        owner: 'o',
        status: 'Closed',
        dateRaised: '2020-04-01',
        dateClosed: '2022-08-15',
        closureRationale: 'Manual work is complete',
        closureReported: '2022-09-29',
        row: 2,
      },
    ]);
    expect(result.assessments).toEqual([
      {
        riskId: 'CRR20',
        quarter: { fiscalYear: 2022, quarter: 1 },
        impact: 5,
        probability: 4,
        severity: 3,
        commentary: 'first look',
        row: 1,
      },
      // The ID as the Risks sheet writes it, whatever the case and spacing here.
      {
        riskId: 'CRR20',
        quarter: { fiscalYear: 2022, quarter: 2 },
        impact: 5,
        probability: 4,
        severity: 3,
        commentary: '',
        row: 2,
      },
      {
        riskId: 'CRR07',
        quarter: { fiscalYear: 2022, quarter: 1 },
        impact: 2,
        probability: 2,
        severity: 0,
        commentary: '',
        row: 3,
      },
    ]);
    // The odd Score text only warns.
    expect(lines(result.issues)).toEqual([
      'warning Assessments!E3: score "=formula cached as text?" does not match impact 5 × probability 4 = 20',
    ]);
  });

  it('finds columns by header, in any order, beside extra columns', () => {
    const result = readRegisterSheets(
      {
        risks: {
          name: 'risks',
          rows: [
            [],
            ['Notes', 'Title', 'Risk ID'],
            ['x', 'Name A', 'A1'],
            [null, null, null],
            ['y', 'Name B', 'B2'],
          ],
        },
        assessments: {
          name: 'Assessments',
          rows: [
            ['Likelihood', 'Severity', 'Period', 'ID'],
            [2, 3, 'Q2 22/23', 'b2'],
          ],
        },
      },
      options,
    );
    expect(result.issues).toEqual([]);
    expect(result.risks.map((risk) => [risk.id, risk.name, risk.status, risk.row])).toEqual([
      ['A1', 'Name A', 'Open', 2],
      ['B2', 'Name B', 'Open', 4],
    ]);
    expect(result.assessments).toEqual([
      {
        riskId: 'B2',
        quarter: { fiscalYear: 2022, quarter: 2 },
        impact: 3,
        probability: 2,
        severity: 1,
        commentary: '',
        row: 1,
      },
    ]);
  });

  it('reads calendar quarters with a calendar year', () => {
    const result = readRegisterSheets(
      { risks: risksGrid([openRisk('R1')]), assessments: assessmentsGrid([['R1', 'Q2 2022', 1, 1]]) },
      { matrix, calendar: CALENDAR_YEAR },
    );
    expect(result.assessments[0]?.quarter).toEqual({ fiscalYear: 2022, quarter: 2 });
  });

  it('skips blank rows, including rows of blank text', () => {
    const result = read(
      [[], openRisk('R1'), ['  ', null, ''], openRisk('R2')],
      [[null], ['R1', 'Q1 2022/23', 1, 2], []],
    );
    expect(result.issues).toEqual([]);
    expect(result.risks.map((risk) => risk.id)).toEqual(['R1', 'R2']);
    expect(result.assessments).toHaveLength(1);
  });

  it('accepts the canonical template headers', () => {
    expect(RISK_HEAD).toEqual(RISK_HEADERS);
    expect(ASSESSMENT_HEAD).toEqual(ASSESSMENT_HEADERS);
  });
});

describe('readRegisterSheets: missing sheets and columns', () => {
  it('reports a missing sheet at its A1', () => {
    const result = readRegisterSheets({}, options);
    expect(lines(result.issues)).toEqual([
      'error Risks!A1: the workbook has no Risks sheet',
      'error Assessments!A1: the workbook has no Assessments sheet',
    ]);
    expect(result.risks).toEqual([]);
    expect(result.assessments).toEqual([]);
  });

  it('still reads Assessments, without checking IDs, when Risks is missing', () => {
    const result = readRegisterSheets(
      { assessments: assessmentsGrid([['R1', 'Q1 2022/23', 9, 1]]) },
      options,
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!A1: the workbook has no Risks sheet',
      'error Assessments!C2: impact 9 is outside 1-5',
    ]);
  });

  it('leaves out assessments when the Risks sheet cannot be read, as they name no risk read', () => {
    const result = readRegisterSheets(
      {
        risks: { name: 'Risks', rows: [] },
        assessments: assessmentsGrid([[0, dateCell('2022-08-15'), 1, '4']]),
      },
      options,
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!A1: missing column "ID" (or Risk ID, Ref, Risk ref, Reference): the sheet is empty',
      'error Risks!A1: missing column "Risk name" (or Name, Title, Risk, Risk title): the sheet is empty',
    ]);
    expect(result.assessments).toEqual([]);
  });

  it('reports missing required columns and reads no rows from that sheet', () => {
    const result = readRegisterSheets(
      {
        risks: risksGrid([['R1', 'me']], ['ID', 'Owner']),
        assessments: {
          name: 'Assessments',
          rows: [[], ['Risk ID', 'Quarter', 'Impact'], ['R1', 'Q1 2022/23', 2]],
        },
      },
      options,
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!A1: missing column "Risk name" (or Name, Title, Risk, Risk title): no row of rows 1-2 names it',
      'error Assessments!A2: missing column "Probability" (or Likelihood): no row of rows 2-3 names it',
    ]);
    expect(result.risks).toEqual([]);
    expect(result.assessments).toEqual([]);
  });

  it('reads headers with a note in brackets, as the rule prompts write them: Impact (1-5)', () => {
    const result = readRegisterSheets(
      {
        risks: risksGrid([openRisk('R1')]),
        assessments: assessmentsGrid(
          [['R1', 'Q1 2022/23', 4, 3]],
          ['Risk ID', 'Quarter', 'Impact (1-5)', 'Probability (1-5)'],
        ),
      },
      options,
    );
    expect(lines(result.issues)).toEqual([]);
    expect(result.assessments.map((a) => [a.riskId, a.impact, a.probability])).toEqual([['R1', 4, 3]]);
  });

  it('warns about a repeated header', () => {
    const result = readRegisterSheets(
      { risks: risksGrid([], ['ID', 'Risk name', 'Risk ID']), assessments: assessmentsGrid([]) },
      options,
    );
    expect(lines(result.issues)).toEqual([
      'warning Risks!C1: column "Risk ID" repeats "ID" (column A); it is ignored',
    ]);
  });
});

describe('readRegisterSheets: bad risks', () => {
  it('reports a missing ID and a missing name', () => {
    const result = read(
      [
        [null, 'Has no ID'],
        ['R2', '  '],
        ['R3', 'fine'],
      ],
      [],
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!A2: missing risk ID',
      'error Risks!B3: R2 has no risk name',
    ]);
    expect(result.risks.map((risk) => risk.id)).toEqual(['R3']);
  });

  it('reports each later duplicate ID, compared without case or spaces', () => {
    const result = read(
      [openRisk('CRR05', 'first'), openRisk(' crr05', 'second'), openRisk('CRR05 ', 'third')],
      [['CRR05', 'Q1 2022/23', 1, 1]],
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!A3: duplicate ID crr05: row 2 already uses it',
      'error Risks!A4: duplicate ID CRR05: row 2 already uses it',
    ]);
    expect(result.risks.map((risk) => risk.name)).toEqual(['first']);
    expect(result.assessments.map((a) => a.riskId)).toEqual(['CRR05']);
  });

  it('reports an unknown status', () => {
    const result = read(
      [
        ['R1', 'n', null, null, null, null, 'Pending'],
        ['R2', 'n', null, null, null, null, true],
        ['R3', 'n', null, null, null, null, ' CLOSED ', null, '2022-01-01', 'done'],
      ],
      [],
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!G2: status "Pending" is not Open, Proposed for closure, Closed or Transferred',
      'error Risks!G3: status TRUE is not Open, Proposed for closure, Closed or Transferred',
    ]);
    expect(result.risks.map((risk) => [risk.id, risk.status])).toEqual([['R3', 'Closed']]);
  });

  it('requires a date closed and a rationale for a closed risk', () => {
    const result = read([['R1', 'n', null, null, null, null, 'Closed', null, null, null, null]], []);
    expect(lines(result.issues)).toEqual([
      'error Risks!I2: R1 is Closed but has no date closed',
      'error Risks!J2: R1 is Closed but has no closure rationale',
    ]);
    expect(result.risks).toEqual([]);
  });

  it('addresses the status cell when the closing columns are absent', () => {
    const result = readRegisterSheets(
      {
        risks: risksGrid([['R1', 'n', 'Closed']], ['ID', 'Risk name', 'Status']),
        assessments: assessmentsGrid([]),
      },
      options,
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!C2: R1 is Closed but has no date closed',
      'error Risks!C2: R1 is Closed but has no closure rationale',
    ]);
  });

  it('reports dates that are not dates', () => {
    const result = read(
      [['R1', 'n', null, null, null, null, 'Closed', 'soon', '31/09/2022', 'why', true]],
      [],
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!H2: date raised "soon" is not a date',
      'error Risks!I2: date closed "31/09/2022" is not a date',
      'error Risks!K2: closure reported TRUE is not a date',
    ]);
  });

  it('reports an impossible serial as not a date', () => {
    const result = read([['R1', 'n', null, null, null, null, 'Open', -4]], []);
    expect(lines(result.issues)).toEqual(['error Risks!H2: date raised -4 is not a date']);
  });

  it('warns about dates out of order and an open risk with a date closed', () => {
    const result = read(
      [
        ['R1', 'n', null, null, null, null, 'Closed', '2022-05-01', '2022-04-01', 'done', '2022-03-01'],
        ['R2', 'n', null, null, null, null, null, null, '2022-04-01'],
      ],
      [],
    );
    expect(lines(result.issues)).toEqual([
      'warning Risks!I2: date closed 01/04/2022 is before date raised 01/05/2022',
      'warning Risks!K2: closure reported 01/03/2022 is before date closed 01/04/2022',
      'warning Risks!I3: R2 has a date closed but its status is Open',
    ]);
    expect(result.risks).toHaveLength(2);
  });

  it('reports error cells as errors and leaves the row out', () => {
    const result = read(
      [
        [errorCell('#N/A'), 'n'],
        ['R2', errorCell('#REF!')],
        ['R3', 'n', errorCell('#VALUE!')],
      ],
      [],
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!A2: ID is the error #N/A',
      'error Risks!B3: risk name is the error #REF!',
      'error Risks!C4: description is the error #VALUE!',
    ]);
    expect(result.risks).toEqual([]);
  });
});

describe('readRegisterSheets: bad assessments', () => {
  const risks = [openRisk('CRR01'), openRisk('CRR02')];

  it.each<[CellValue, CellValue, string]>([
    [6, 3, 'error Assessments!C2: impact 6 is outside 1-5'],
    [0, 3, 'error Assessments!C2: impact 0 is outside 1-5'],
    [3, 2.5, 'error Assessments!D2: probability 2.5 is not a whole number'],
    ['abc', 3, 'error Assessments!C2: impact "abc" is not a number'],
    [3, '2.5', 'error Assessments!D2: probability 2.5 is not a whole number'],
    [3, '', 'error Assessments!D2: probability is missing'],
    [null, 3, 'error Assessments!C2: impact is missing'],
    [true, 3, 'error Assessments!C2: impact TRUE is not a number'],
    [dateCell('2022-01-01'), 3, 'error Assessments!C2: impact "2022-01-01" is not a number'],
    ['0x3', 3, 'error Assessments!C2: impact "0x3" is not a number'],
    [Number.NaN, 3, 'error Assessments!C2: impact NaN is not a number'],
    ['-1', 3, 'error Assessments!C2: impact -1 is outside 1-5'],
  ])('impact %j, probability %j: %s', (impact, probability, message) => {
    const result = read(risks, [['CRR01', 'Q1 2022/23', impact, probability]]);
    expect(lines(result.issues)).toEqual([message]);
    expect(result.assessments).toEqual([]);
  });

  it('accepts numbers typed as text, and 4.0', () => {
    const result = read(risks, [['CRR01', 'Q1 2022/23', '4', ' 3.0 ']]);
    expect(result.issues).toEqual([]);
    expect(result.assessments[0]).toMatchObject({ impact: 4, probability: 3 });
  });

  it('reports an unknown risk ID and a missing one', () => {
    const result = read(risks, [
      ['CRR99', 'Q1 2022/23', 1, 1],
      [null, 'Q1 2022/23', 1, 1],
    ]);
    expect(lines(result.issues)).toEqual([
      'error Assessments!A2: risk ID CRR99 is not on the Risks sheet',
      'error Assessments!A3: missing risk ID',
    ]);
  });

  it('reports a risk ID that is a date, a boolean or a fraction; a whole number is an ID', () => {
    const result = read(
      [openRisk('CRR01'), [true, 'n'], [dateCell('2022-08-15'), 'n'], [7, 'Number seven']],
      [
        [dateCell('2022-08-15'), 'Q1 2022/23', 1, 1],
        [false, 'Q1 2022/23', 1, 1],
        [2.5, 'Q1 2022/23', 1, 1],
        [7, 'Q1 2022/23', 1, 1],
      ],
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!A3: ID TRUE is not text or a whole number',
      'error Risks!A4: ID "2022-08-15" is not text or a whole number',
      'error Assessments!A2: risk ID "2022-08-15" is not text or a whole number',
      'error Assessments!A3: risk ID FALSE is not text or a whole number',
      'error Assessments!A4: risk ID 2.5 is not text or a whole number',
    ]);
    expect(result.assessments.map((a) => a.riskId)).toEqual(['7']);
  });

  it('leaves out, without a second error, assessments of a risk whose own row has an error', () => {
    const result = read([['CRR01', null]], [['CRR01', 'Q1 2022/23', 1, 1]]);
    expect(lines(result.issues)).toEqual(['error Risks!B2: CRR01 has no risk name']);
    expect(result.assessments).toEqual([]);
  });

  it('reports an unreadable or missing quarter', () => {
    const result = read(risks, [
      ['CRR01', 'Q5 2022/23', 1, 1],
      ['CRR01', 'Q2 2022/24', 1, 1],
      ['CRR01', null, 1, 1],
      ['CRR01', true, 1, 1],
      ['CRR01', 0, 1, 1],
    ]);
    expect(lines(result.issues)).toEqual([
      'error Assessments!B2: quarter "Q5 2022/23" is not a quarter label (Q2 2022/23) or a date',
      'error Assessments!B3: quarter "Q2 2022/24" is not a quarter label (Q2 2022/23) or a date',
      'error Assessments!B4: quarter is missing',
      'error Assessments!B5: quarter TRUE is not a quarter label (Q2 2022/23) or a date',
      'error Assessments!B6: quarter 0 is not a quarter label (Q2 2022/23) or a date',
    ]);
  });

  it('shows the calendar form of a quarter label in the hint when quarters are calendar quarters', () => {
    const result = readRegisterSheets(
      { risks: risksGrid(risks), assessments: assessmentsGrid([['CRR01', 'Q2 2022/23', 1, 1]]) },
      { matrix, calendar: CALENDAR_YEAR },
    );
    expect(lines(result.issues)).toEqual([
      'error Assessments!B2: quarter "Q2 2022/23" is not a quarter label (Q2 2022) or a date',
    ]);
  });

  it('reports a second assessment of a risk in one quarter, however the quarter is written', () => {
    const result = read(risks, [
      ['CRR01', 'Q2 2022/23', 1, 1],
      ['CRR02', 'Q2 2022/23', 1, 1],
      ['crr01', dateCell('2022-09-30'), 2, 2],
    ]);
    expect(lines(result.issues)).toEqual([
      'error Assessments!B4: crr01 already has an assessment for Q2 2022/23 on row 2',
    ]);
    expect(result.assessments.map((a) => a.row)).toEqual([1, 2]);
  });

  test.prop(
    [
      fc.array(fc.record({ risk: fc.constantFrom('CRR01', 'CRR02'), quarter: fc.nat(99) }), {
        minLength: 300,
        maxLength: 400,
      }),
    ],
    { ...FC_SEED, numRuns: 40 },
  )(
    'reports each second assessment of a quarter at its first row, however many quarters a risk has',
    (rows) => {
      // From Q1 2021/22, the quarter the risks were raised in; up to 100 quarters a risk, past the
      // 64 the reader keeps in arrays before it moves a risk's first rows to a Map.
      const first = quarterIndex({ fiscalYear: 2021, quarter: 1 });
      const label = (offset: number) => formatQuarter(quarterFromIndex(first + offset), APRIL_FISCAL_YEAR);
      const result = read(
        risks,
        rows.map(({ risk, quarter }) => [risk, label(quarter), 1, 1]),
      );
      const firstRow = new Map<string, number>();
      const expected: string[] = [];
      rows.forEach(({ risk, quarter }, i) => {
        const key = `${risk} ${quarter}`;
        const earlier = firstRow.get(key);
        if (earlier === undefined) firstRow.set(key, i + 2);
        else
          expected.push(
            `error Assessments!B${i + 2}: ${risk} already has an assessment for ${label(quarter)} on row ${earlier}`,
          );
      });
      expect(lines(result.issues)).toEqual(expected);
      expect(result.assessments).toHaveLength(firstRow.size);
    },
  );

  it('warns when a typed score or rating disagrees with the computed one', () => {
    const result = read(risks, [
      ['CRR01', 'Q1 2022/23', 4, 3, 10, 'High'],
      ['CRR02', 'Q1 2022/23', 4, 3, '12', 'low'],
      ['CRR01', 'Q2 2022/23', 4, 3, 'twelve', ' high '],
    ]);
    expect(lines(result.issues)).toEqual([
      'warning Assessments!E2: score 10 does not match impact 4 × probability 3 = 12',
      'warning Assessments!F3: rating "low" does not match impact 4 × probability 3 = 12 (High)',
      'warning Assessments!E4: score "twelve" does not match impact 4 × probability 3 = 12',
    ]);
    expect(result.assessments).toHaveLength(3);
  });

  it('reports error cells: errors in data columns, warnings in computed ones', () => {
    const result = read(risks, [
      ['CRR01', 'Q1 2022/23', errorCell('#N/A'), 3],
      ['CRR01', 'Q2 2022/23', 2, 3, errorCell('#NAME?'), errorCell('#NAME?')],
      [errorCell('#REF!'), errorCell('#VALUE!'), 1, 1],
    ]);
    expect(lines(result.issues)).toEqual([
      'error Assessments!C2: impact is the error #N/A',
      "warning Assessments!E3: 1 Score cell shows #NAME?, so the workbook's RISKSCORE could not be calculated there; the computed score is used",
      "warning Assessments!F3: 1 Rating cell shows #NAME?, so the workbook's RISKRATING could not be calculated there; the computed rating is used",
      'error Assessments!A4: risk ID is the error #REF!',
      'error Assessments!B4: quarter is the error #VALUE!',
    ]);
    expect(result.assessments.map((a) => a.row)).toEqual([2]);
  });

  it('says once per column that Score or Rating cells show errors (a client that cannot run the LAMBDA)', () => {
    const rows: CellValue[][] = [];
    for (let q = 1; q <= 4; q++) {
      rows.push(['CRR01', `Q${q} 2021/22`, 2, 2, errorCell('#VALUE!'), errorCell('#VALUE!')]);
      rows.push(['CRR02', `Q${q} 2021/22`, 2, 2, errorCell(q === 4 ? '#NAME?' : '#VALUE!'), 'Low']);
    }
    const result = read(risks, rows);
    expect(lines(result.issues)).toEqual([
      "warning Assessments!E2: 8 Score cells show #VALUE! or #NAME?, so the workbook's RISKSCORE could not be calculated there; the computed scores are used",
      "warning Assessments!F2: 4 Rating cells show #VALUE!, so the workbook's RISKRATING could not be calculated there; the computed ratings are used",
    ]);
    expect(result.assessments).toHaveLength(8);
  });

  it('says a formula with no calculated value is one, on Risks and Assessments, and is silent about Score and Rating', () => {
    const none = errorCell(UNCALCULATED);
    const result = read(
      [
        [none, 'n'],
        ['R2', none],
        ['R3', 'n', 'd', 'i', 'c', 'o', 'Open', none],
      ],
      [['R3', 'Q1 2022/23', none, 2, none, none]],
    );
    const fix =
      'is a formula with no calculated value; open and save the workbook in Excel or LibreOffice to calculate it';
    expect(lines(result.issues)).toEqual([
      `error Risks!A2: ID ${fix}`,
      `error Risks!B3: risk name ${fix}`,
      `error Risks!H4: date raised ${fix}`,
      `error Assessments!C2: impact ${fix}`,
    ]);
  });

  it('sorts issues by sheet, then row, then column', () => {
    const result = read(
      [openRisk('R1'), ['R1', null], [null, 'x']],
      [
        ['R1', 'nope', 9, 9],
        ['R9', 'Q1 2022/23', 1, 1],
      ],
    );
    expect(result.issues.map((issue) => `${issue.sheet}!${issue.cell}`)).toEqual([
      'Risks!A3',
      'Risks!B3',
      'Risks!A4',
      'Assessments!B2',
      'Assessments!C2',
      'Assessments!D2',
      'Assessments!A3',
    ]);
  });
});

describe('checkReassessed', () => {
  const quarter = { fiscalYear: 2022, quarter: 2 } as const;
  const sheets = { risks: 'Risks', assessments: 'Assessments' };
  /** What checkReassessed says of a register read, at its own ID column. */
  const reassessed = (result: ReturnType<typeof readRegisterSheets>) =>
    lines(
      checkReassessed(result.risks, result.assessments, quarter, APRIL_FISCAL_YEAR, {
        ...sheets,
        riskIdColumn: result.riskIdColumn,
      }),
    );

  it('warns at the ID cell for an open risk whose last score is from an earlier quarter', () => {
    const result = readRegisterSheets(
      {
        risks: risksGrid(
          [
            ['a', 'CRR01'],
            ['b', 'CRR05'],
            ['c', 'CRR06'],
          ],
          ['Risk name', 'ID'],
        ),
        assessments: assessmentsGrid([
          ['CRR01', 'Q1 2022/23', 2, 2],
          ['CRR01', 'Q2 2022/23', 2, 2],
          ['CRR05', 'Q1 2022/23', 2, 2],
          ['CRR05', 'Q3 2022/23', 2, 2],
        ]),
      },
      options,
    );
    expect(result.issues).toEqual([]);
    expect(reassessed(result)).toEqual([
      'warning Risks!B3: CRR05 was not re-assessed in Q2 2022/23; its Q1 2022/23 score stands',
      'warning Risks!B4: CRR06 has no assessment in or before Q2 2022/23, so it has no score for the register',
    ]);
  });

  it('leaves alone risks not open in the quarter', () => {
    const result = read(
      [
        ['R1', 'closed in Q2', null, null, null, null, 'Closed', null, '2022-08-15', 'done'],
        ['R2', 'raised after Q2', null, null, null, null, 'Open', '2022-10-01'],
        ['R3', 'closed after Q2', null, null, null, null, 'Closed', null, '2022-10-01', 'done'],
      ],
      [
        ['R1', 'Q1 2022/23', 1, 1],
        ['R3', 'Q1 2022/23', 1, 1],
      ],
    );
    expect(result.issues).toEqual([]);
    expect(reassessed(result)).toEqual([
      'warning Risks!A4: R3 was not re-assessed in Q2 2022/23; its Q1 2022/23 score stands',
    ]);
  });

  it('takes the ID column when given one', () => {
    const risks = [
      {
        id: 'X',
        name: 'n',
        description: '',
        impactNarrative: '',
        controls: '',
        owner: '',
        status: 'Open' as const,
        closureRationale: '',
        row: 6,
      },
    ];
    expect(
      lines(checkReassessed(risks, [], quarter, APRIL_FISCAL_YEAR, { risks: 'My risks', riskIdColumn: 3 })),
    ).toEqual([
      'warning My risks!D7: X has no assessment in or before Q2 2022/23, so it has no score for the register',
    ]);
  });
});

// Random workbooks: any cell a host could hand over, with real headers mixed in.
const arbCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'Open',
    'Closed',
    'CRR01',
    'crr01 ',
    'Q2 2022/23',
    '15/08/2022',
    '4',
    'abc',
    '',
    ' ',
    '#N/A',
  ),
  fc.constantFrom(...RISK_HEADERS, ...ASSESSMENT_HEADERS, 'Risk ID', 'Period', 'Likelihood'),
  fc.integer({ min: -10, max: 10 }),
  fc.double(),
  fc.integer({ min: 40000, max: 50000 }),
  fc.boolean(),
  fc.constantFrom('2022-08-15', '2022-02-30', 'garbage', '').map(dateCell),
  fc.constantFrom('#N/A', '#REF!', '#VALUE!', '').map(errorCell),
);
const arbRow = fc.array(arbCell, { maxLength: 14 });
const arbRows = (head: readonly string[]) =>
  fc.oneof(
    fc.array(arbRow, { maxLength: 12 }),
    fc
      .tuple(fc.shuffledSubarray([...head]), fc.array(arbRow, { maxLength: 12 }))
      .map(([h, rows]) => [h as CellValue[], ...rows]),
    fc.array(arbRow, { maxLength: 12 }).map((rows) => [[...head] as CellValue[], ...rows]),
  );
const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;
// FC_SEED=<seed> replays a run; fast-check prints the seed (and the path) of any failure.
const seed = FC_SEED;

test.prop(
  [
    arbRows(RISK_HEADERS),
    arbRows(ASSESSMENT_HEADERS),
    fc.constantFrom('Risks', 'risk list', ''),
    fc.constantFrom(1, 4, 12),
  ],
  { numRuns: 300, ...seed },
)(
  'readers never throw on random grids, and address every issue to a real cell on a given sheet',
  (riskRows, assessmentRows, riskName, firstMonth) => {
    const risks = { name: riskName, rows: riskRows };
    const assessments = { name: 'Assessments', rows: assessmentRows };
    const calendar = { firstMonth };
    const result = readRegisterSheets({ risks, assessments }, { matrix, calendar });
    for (const issue of result.issues) {
      expect(issue.cell).toMatch(A1);
      expect([riskName, 'Assessments']).toContain(issue.sheet);
      expect(['error', 'warning']).toContain(issue.severity);
      expect(issue.message).not.toBe('');
    }
    // Nothing read is out of range, whatever came in.
    for (const a of result.assessments) {
      expect(Number.isInteger(a.impact) && a.impact! >= 1 && a.impact! <= 5).toBe(true);
      expect(Number.isInteger(a.probability) && a.probability! >= 1 && a.probability! <= 5).toBe(true);
      expect(result.risks.some((risk) => risk.id === a.riskId)).toBe(true);
    }
    for (const risk of result.risks) {
      expect(risk.id).not.toBe('');
      if (risk.status === 'Closed') expect(risk.dateClosed).toBeDefined();
    }
    const quarter = result.assessments[0]?.quarter ?? { fiscalYear: 2022, quarter: 2 };
    for (const issue of checkReassessed(result.risks, result.assessments, quarter, calendar, {
      risks: riskName,
    })) {
      expect(issue.cell).toMatch(A1);
      expect(issue.sheet).toBe(riskName);
    }
  },
);

test.prop([fc.anything(), fc.anything()], { numRuns: 200, ...seed })(
  'readers survive grids that break the types',
  (riskRows, assessmentRows) => {
    const grids = {
      risks: { name: 'Risks', rows: riskRows },
      assessments: { name: 'Assessments', rows: assessmentRows },
    } as unknown as {
      risks: SheetGrid;
      assessments: SheetGrid;
    };
    expect(() => readRegisterSheets(grids, options)).not.toThrow();
  },
);

// A valid register written in any column order reads back exactly, with no issue.
const arbValidRegister = fc
  .uniqueArray(fc.stringMatching(/^[A-Z]{1,4}[0-9]{1,3}$/), {
    minLength: 1,
    maxLength: 8,
    selector: (id) => id.toUpperCase(),
  })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      closed: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
      assessments: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom(...ids),
          quarterIndex: fc.integer({ min: 8080, max: 8100 }),
          impact: fc.integer({ min: 1, max: 5 }),
          probability: fc.integer({ min: 1, max: 5 }),
        }),
        { selector: (a) => `${a.id}|${a.quarterIndex}`, maxLength: 20 },
      ),
      order: fc.shuffledSubarray([...RISK_HEADERS], { minLength: RISK_HEADERS.length }),
    }),
  );

test.prop([arbValidRegister], seed)(
  'a valid register reads back exactly, whatever the column order',
  ({ ids, closed, assessments, order }) => {
    const riskRecords = ids.map((id, i) => ({
      ID: id,
      'Risk name': `Name of ${id}`,
      Description: 'd',
      Impact: 'i',
      'Key controls and activities': 'c',
      Owner: 'o',
      Status: closed[i] ? 'Closed' : 'Open',
      'Date raised': dateCell('2020-01-01'),
      // After every quarter assessed (up to 2025/26), so no assessment is after its risk closed.
      'Date closed': closed[i] ? dateCell('2025-12-31') : null,
      'Closure rationale': closed[i] ? 'done' : '',
      'Closure reported': null,
    })) as Record<string, CellValue>[];
    const risks = {
      name: 'Risks',
      rows: [order, ...riskRecords.map((record) => order.map((header) => record[header] ?? null))],
    };
    const quarterLabel = (index: number) =>
      `Q${(index % 4) + 1} ${Math.floor(index / 4)}/${String((Math.floor(index / 4) + 1) % 100).padStart(2, '0')}`;
    const assessmentRows = assessments.map((a) => [
      a.id.toLowerCase(),
      quarterLabel(a.quarterIndex),
      a.impact,
      String(a.probability),
      a.impact * a.probability,
    ]);
    const result = readRegisterSheets({ risks, assessments: assessmentsGrid(assessmentRows) }, options);
    expect(result.issues).toEqual([]);
    expect(result.risks.map((risk) => [risk.id, risk.status, risk.dateClosed])).toEqual(
      ids.map((id, i) => [id, closed[i] ? 'Closed' : 'Open', closed[i] ? '2025-12-31' : undefined]),
    );
    expect(
      result.assessments.map((a) => [
        a.riskId,
        a.quarter.fiscalYear * 4 + a.quarter.quarter - 1,
        a.impact,
        a.probability,
      ]),
    ).toEqual(assessments.map((a) => [a.id, a.quarterIndex, a.impact, a.probability]));
  },
);
