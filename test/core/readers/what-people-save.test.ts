/**
 * Registers as people really save them (issue #18), read by the core as every host reads them:
 * a "Current status" header, headers that look known but are not, a year typed as a date,
 * quarter numbers, merged ID cells, a title block above the headers.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../../core/cells/cell.ts';
import { dateCell } from '../../../core/cells/cell.ts';
import type { Issue } from '../../../core/issues/issue.ts';
import { formatIssue } from '../../../core/issues/issue.ts';
import { APRIL_FISCAL_YEAR } from '../../../core/quarters/quarter.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../../core/readers/headers.ts';
import { readRegisterSheets } from '../../../core/readers/read-register.ts';
import { bandMatrix } from '../../support/band-matrix.ts';

const options = { matrix: bandMatrix(), calendar: APRIL_FISCAL_YEAR };
const lines = (issues: readonly Issue[]) => issues.map((issue) => `${issue.severity} ${formatIssue(issue)}`);

const risk = (id: string, status: CellValue = 'Open', closed: CellValue = null): CellValue[] => [
  id,
  `Risk ${id}`,
  'desc',
  'impact text',
  'controls',
  'Owner',
  status,
  dateCell('2021-04-01'),
  closed,
  status === 'Closed' ? 'done' : null,
  null,
];

const risks = (rows: CellValue[][], head: CellValue[] = [...RISK_HEADERS]): SheetGrid => ({
  name: 'Risks',
  rows: [head, ...rows],
});
const assessments = (rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({
  name: 'Assessments',
  rows: [[...ASSESSMENT_HEADERS], ...rows],
  ...extra,
});

describe('headers', () => {
  it('"Current status" is the Status column: a Closed risk reads as closed', () => {
    const head = RISK_HEADERS.map((h) => (h === 'Status' ? 'Current status' : h));
    const result = readRegisterSheets(
      { risks: risks([risk('R1', 'Closed', dateCell('2022-08-15'))], head), assessments: assessments([]) },
      options,
    );
    expect(result.risks[0]).toMatchObject({ id: 'R1', status: 'Closed', dateClosed: '2022-08-15' });
    expect(lines(result.issues)).toEqual([]);
  });

  it('a header that looks like a known one but is not is a warning at its cell', () => {
    const head = RISK_HEADERS.map((h) => (h === 'Status' ? 'RAG status' : h));
    const result = readRegisterSheets(
      { risks: risks([risk('R1')], head), assessments: assessments([]) },
      options,
    );
    expect(lines(result.issues)).toEqual([
      'warning Risks!G1: the column "RAG status" looks like Status but is not read as it; head it "Status", "Risk status" or "Current status"',
    ]);
  });

  it('a title block of 12 rows above the headers is skipped', () => {
    const title: CellValue[][] = [
      ['Corporate risk register'],
      ...Array.from({ length: 11 }, (_, i) => [`note ${i}`]),
    ];
    const result = readRegisterSheets(
      {
        risks: { name: 'Risks', rows: [...title, [...RISK_HEADERS], risk('R1')] },
        assessments: assessments([]),
      },
      options,
    );
    expect(result.risks.map((r) => r.id)).toEqual(['R1']);
    expect(lines(result.issues)).toEqual([]);
  });

  it('with no header row in reach, the message says where it looked and what was missing', () => {
    const title: CellValue[][] = Array.from({ length: 60 }, (_, i) => [`line ${i}`]);
    const result = readRegisterSheets(
      { risks: { name: 'Risks', rows: [...title, [...RISK_HEADERS]] }, assessments: assessments([]) },
      options,
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!A1: missing column "ID" (or Risk ID, Ref, Risk ref, Reference): no row of rows 1-50 names it',
      'error Risks!A1: missing column "Risk name" (or Name, Title, Risk, Risk title): no row of rows 1-50 names it',
    ]);
  });
});

describe('numbers that are not dates', () => {
  it('a year in a date column is an error at the cell, not 1905-07-14', () => {
    const result = readRegisterSheets(
      { risks: risks([risk('R1', 'Closed', 2022)]), assessments: assessments([]) },
      options,
    );
    expect(lines(result.issues)).toEqual(['error Risks!I2: date closed 2022 looks like a year, not a date']);
    expect(result.risks).toEqual([]);
  });

  it('a serial before 1990 is not a plausible date', () => {
    const result = readRegisterSheets(
      { risks: risks([risk('R1', 'Closed', 100)]), assessments: assessments([]) },
      options,
    );
    expect(lines(result.issues)).toEqual([
      'error Risks!I2: date closed 100 is not a plausible date: as a day number it is 09/04/1900, outside 1990-2100',
    ]);
  });

  it.each([1, 2, 3, 4])('quarter number %s typed in Quarter is "not a quarter" at the cell', (n) => {
    const result = readRegisterSheets(
      { risks: risks([risk('R1')]), assessments: assessments([['R1', n, 2, 3]]) },
      options,
    );
    expect(lines(result.issues)).toEqual([
      `error Assessments!B2: quarter ${n} is not a quarter: write it as a label such as Q2 2022/23, or a date`,
    ]);
    expect(result.assessments).toEqual([]);
  });

  it('a real date serial in Quarter still names its quarter', () => {
    const result = readRegisterSheets(
      { risks: risks([risk('R1')]), assessments: assessments([['R1', 44788, 2, 3]]) },
      options,
    );
    expect(result.assessments[0]?.quarter).toEqual({ fiscalYear: 2022, quarter: 2 });
  });
});

describe('merged key cells', () => {
  it('a risk ID merged down over its assessments fills them, with a note at each cell', () => {
    const result = readRegisterSheets(
      {
        risks: risks([risk('R1')]),
        assessments: assessments(
          [
            ['R1', 'Q1 2022/23', 2, 3],
            [null, 'Q2 2022/23', 3, 3],
            [null, 'Q3 2022/23', 4, 3],
          ],
          { merges: [{ top: 1, left: 0, bottom: 3, right: 0 }] },
        ),
      },
      options,
    );
    expect(result.assessments.map((a) => [a.riskId, a.quarter.quarter])).toEqual([
      ['R1', 1],
      ['R1', 2],
      ['R1', 3],
    ]);
    expect(lines(result.issues)).toEqual([
      'warning Assessments!A3: this cell is merged with A2; read as R1',
      'warning Assessments!A4: this cell is merged with A2; read as R1',
    ]);
  });

  it('a merge over a column that is no key fills nothing', () => {
    const result = readRegisterSheets(
      {
        risks: risks([risk('R1')]),
        assessments: assessments(
          [
            ['R1', 'Q1 2022/23', 2, 3, null, null, 'note'],
            ['R1', 'Q2 2022/23', 3, 3],
          ],
          { merges: [{ top: 1, left: 6, bottom: 2, right: 6 }] },
        ),
      },
      options,
    );
    expect(result.assessments.map((a) => a.commentary)).toEqual(['note', '']);
    expect(lines(result.issues)).toEqual([]);
  });
});
