/**
 * A ratings-only register in the style of a county council's published R/A/G register: a
 * matrix with ratings and no levels (Green, Amber, Red), and assessments that give a Rating
 * alone over nine quarters. Written for these tests from the published layout, not copied.
 */
import type { CellValue, SheetGrid } from '../../core/cells/cell.ts';
import { dateCell } from '../../core/cells/cell.ts';
import type { MatrixSpec } from '../../core/matrix/matrix.ts';

export const RAG_MATRIX_SPEC: MatrixSpec = {
  name: 'Council RAG',
  impact: [],
  probability: [],
  ratings: [
    { name: 'Green', colour: '#00B050' },
    { name: 'Amber', colour: '#FFC000' },
    { name: 'Red', colour: '#FF0000' },
  ],
};

const QUARTERS = [
  'Q1 2020/21',
  'Q2 2020/21',
  'Q3 2020/21',
  'Q4 2020/21',
  'Q1 2021/22',
  'Q2 2021/22',
  'Q3 2021/22',
  'Q4 2021/22',
  'Q1 2022/23',
];

/** Each risk's rating per quarter (null: not assessed that quarter, the last rating stands). */
const RATINGS: Readonly<Record<string, readonly (string | null)[]>> = {
  R1: ['Amber', 'Amber', 'Red', 'Red', 'Red', 'Amber', 'Amber', 'Amber', 'Red'],
  R2: [null, null, null, 'Green', 'Green', 'Amber', null, 'Amber', 'Green'],
  R3: ['Red', 'Red', 'Red', 'Amber', 'Amber', 'Green', 'Green', null, null],
  R4: [null, null, null, null, null, null, null, null, 'Amber'],
};

export function ragRegisterSheets(): SheetGrid[] {
  const risks: CellValue[][] = [
    [
      'Ref',
      'Risk',
      'Risk description',
      'Controls',
      'Status',
      'Date closed',
      'Closure rationale',
      'Risk owner',
    ],
    [
      'R1',
      'Adult social care demand',
      'Demand outstrips budget',
      'Demand management',
      'Open',
      null,
      null,
      'DASS',
    ],
    ['R2', 'Schools capital', 'Condition of school estate', 'Capital programme', 'Open', null, null, 'DCS'],
    [
      'R3',
      'Pandemic recovery',
      'Services disrupted',
      'Recovery plan',
      'Closed',
      dateCell('2021-12-10'),
      'Recovered',
      'CEX',
    ],
    ['R4', 'Cyber security', 'Loss of systems', 'Backups', 'Open', null, null, 'CIO'],
  ];
  const assessments: CellValue[][] = [['Risk ID', 'Quarter', 'Rating', 'Commentary']];
  for (const [id, ratings] of Object.entries(RATINGS))
    ratings.forEach((rating, q) => {
      if (rating !== null) assessments.push([id, QUARTERS[q]!, rating, null]);
    });
  return [
    { name: 'Risks', rows: risks },
    { name: 'Assessments', rows: assessments },
  ];
}
