/** analyseWorkbook: the checks that need the whole workbook, and the quarter it reports by default. */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../core/cells/cell.ts';
import { dateCell } from '../../../core/cells/cell.ts';
import { formatIssue } from '../../../core/issues/issue.ts';
import { analyseWorkbook } from '../../../core/jobs/analyse-workbook.ts';
import { APRIL_FISCAL_YEAR, formatQuarter } from '../../../core/quarters/quarter.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../../core/readers/headers.ts';

const risk = (id: string, raised: string, closed?: string): CellValue[] => [
  id,
  `Risk ${id}`,
  'd',
  'i',
  'c',
  'o',
  closed ? 'Closed' : 'Open',
  dateCell(raised),
  closed ? dateCell(closed) : null,
  closed ? 'done' : null,
  null,
];

function analyse(assessments: CellValue[][]) {
  return analyseWorkbook(
    {
      risks: {
        name: 'Risks',
        rows: [
          [...RISK_HEADERS],
          risk('CRR1', '2021-04-01'),
          risk('CRR14', '2021-05-01', '2022-08-15'),
          risk('CRR20', '2022-01-10'),
        ],
      },
      assessments: { name: 'Assessments', rows: [[...ASSESSMENT_HEADERS], ...assessments] },
    },
    { calendar: APRIL_FISCAL_YEAR, quarterCount: 4 },
  );
}

describe('analyseWorkbook: assessments outside a risk’s life', () => {
  it('warns at the Quarter cell, and a stray row of a closed risk does not move the default quarter', () => {
    const result = analyse([
      ['CRR1', 'Q2 2022/23', 2, 2],
      ['CRR14', 'Q2 2022/23', 3, 3],
      ['CRR14', 'Q3 2022/23', 3, 3],
      ['CRR20', 'Q3 2021/22', 1, 1],
      ['CRR20', 'Q4 2021/22', 1, 1],
      ['CRR20', 'Q2 2022/23', 1, 1],
    ]);
    expect(result.issues.map(formatIssue)).toEqual([
      'Assessments!B4: Q3 2022/23 is after CRR14 was closed in Q2 2022/23',
      'Assessments!B5: Q3 2021/22 is before CRR20 was raised in Q4 2021/22',
    ]);
    expect(result.issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(result.assessments).toHaveLength(6);
    expect(formatQuarter(result.quarter!, APRIL_FISCAL_YEAR)).toBe('Q2 2022/23');
  });
});
