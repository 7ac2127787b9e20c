/**
 * Workbooks every host must read and report identically. Each scenario is plain data — sheets as
 * grids plus the settings a user would pick — so any port (in-memory, exceljs, Apps Script fake,
 * Office.js fake) can be loaded with it.
 */
import type { CellValue, SheetGrid } from '../../core/cells/cell.ts';
import { dateCell, errorCell } from '../../core/cells/cell.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../../core/readers/headers.ts';
import type { MatrixSpec } from '../../core/matrix/matrix.ts';
import { FORCE_REGISTER_EXAMPLE } from '../../examples/force-register.ts';
import { FIVE_BY_FIVE_GRID_SPEC } from '../support/matrices.ts';
import { MANAGEMENT_SCENARIOS } from './management-scenarios.ts';
import { RAG_MATRIX_SPEC, ragRegisterSheets } from '../support/rag-register.ts';
import { riskRow } from '../support/risk-row.ts';

export interface Scenario {
  readonly name: string;
  readonly sheets: readonly SheetGrid[];
  /** `--matrix`: a matrix from outside the workbook. */
  readonly matrix?: MatrixSpec;
  readonly fyStart: number;
  /** `--quarter`; the latest quarter in Assessments when absent. */
  readonly quarter?: string;
  readonly quarterCount: number;
}

type Rows = CellValue[][];
const sheet = (name: string, rows: Rows): SheetGrid => ({ name, rows });

/** Six ratings by score band, with compound names. */
export const SIX_BANDS_SPEC: MatrixSpec = {
  name: 'Six bands',
  impact: [1, 2, 3, 4, 5].map((value) => ({ value, label: `I${value}`, description: `Impact ${value}` })),
  probability: [1, 2, 3, 4, 5].map((value) => ({
    value,
    label: `P${value}`,
    description: `Probability ${value}`,
  })),
  ratings: [
    { name: 'Very low', colour: '#C6EFCE' },
    { name: 'Low', colour: '#92D050' },
    { name: 'Low/Medium', colour: '#FFEB9C' },
    { name: 'High/Medium', colour: '#FFC000' },
    { name: 'High', colour: '#FF6600' },
    { name: 'Severe', colour: '#C00000' },
  ],
  bands: [
    { rating: 'Very low', min: 1, max: 2 },
    { rating: 'Low', min: 3, max: 4 },
    { rating: 'Low/Medium', min: 5, max: 8 },
    { rating: 'High/Medium', min: 9, max: 12 },
    { rating: 'High', min: 15, max: 16 },
    { rating: 'Severe', min: 20, max: 25 },
  ],
};

/** The six-band matrix with an appetite by category and a default. */
const SIX_BANDS_WITH_APPETITE_SPEC: MatrixSpec = {
  ...SIX_BANDS_SPEC,
  appetite: { default: 'High/Medium', categories: { Finance: 8 } },
};

const RISKS_HEADER = [...RISK_HEADERS];
const ASSESSMENTS_HEADER = [...ASSESSMENT_HEADERS];
const risk = (
  id: string,
  name: string,
  status: CellValue = 'Open',
  closed: CellValue = null,
  rationale: CellValue = null,
): CellValue[] => riskRow(id, name, { status, closed, rationale });
const assess = (
  id: string,
  quarter: CellValue,
  impact: CellValue,
  probability: CellValue,
  commentary: CellValue = null,
): CellValue[] => [id, quarter, impact, probability, null, null, commentary];

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'the bundled force register',
    sheets: [
      sheet('Risks', FORCE_REGISTER_EXAMPLE.risks),
      sheet('Assessments', FORCE_REGISTER_EXAMPLE.assessments),
      sheet('Actions', FORCE_REGISTER_EXAMPLE.actions),
    ],
    fyStart: 4,
    quarterCount: 4,
  },
  {
    name: 'the force register one quarter earlier, six trend columns',
    sheets: [
      sheet('Risks', FORCE_REGISTER_EXAMPLE.risks),
      sheet('Assessments', FORCE_REGISTER_EXAMPLE.assessments),
    ],
    fyStart: 4,
    quarter: 'Q1 2022/23',
    quarterCount: 6,
  },
  {
    name: 'header synonyms, odd case, shuffled columns, a title row',
    sheets: [
      sheet(' risks ', [
        ['Corporate risk register (title rows above the table are skipped)'],
        [],
        [
          'Title',
          'Extra notes',
          'Ref',
          'Risk Owner',
          'STATUS',
          'Closed date',
          'Closed rationale',
          'Closure reported @ JAC',
          'Mitigation',
          'Consequence',
          'description',
        ],
        [
          'Cyber attack',
          'keep me',
          'R2',
          'CIO',
          'Open',
          null,
          null,
          null,
          'Backups',
          'Outage',
          'Systems fail',
        ],
        ['Funding gap', null, 'R10', 'CFO', null, null, null, null, 'Savings plan', 'Cuts', 'Budget short'],
        [
          'Old risk',
          null,
          'R1',
          'COO',
          'Closed',
          dateCell('2022-08-15'),
          'Mitigated',
          dateCell('2022-09-29'),
          'Done',
          'None',
          'Gone',
        ],
      ]),
      sheet('ASSESSMENTS', [
        ['Period', 'Likelihood', 'ID', 'Severity', 'Update'],
        ['Q1 2022/23', 3, 'R2', 4, 'first look'],
        [dateCell('2022-08-01'), '4', 'r2', '4', 'worse'],
        ['2022/23 Q1', 2, 'R10', 3, null],
        ['FY22/23 Q2', 2, 'R10', 3, null],
        ['Q4 2021/22', 3, 'R1', 3, null],
      ]),
    ],
    fyStart: 4,
    quarterCount: 4,
  },
  {
    name: 'a grid matrix where score 12 rates by cell',
    sheets: [
      sheet('Risks', [RISKS_HEADER, risk('G1', 'Impact four'), risk('G2', 'Probability four')]),
      sheet('Assessments', [
        ASSESSMENTS_HEADER,
        assess('G1', 'Q2 2022/23', 4, 3),
        assess('G2', 'Q2 2022/23', 3, 4),
      ]),
    ],
    matrix: FIVE_BY_FIVE_GRID_SPEC,
    fyStart: 4,
    quarterCount: 4,
  },
  {
    name: 'six bands with compound names',
    sheets: [
      sheet('Risks', [RISKS_HEADER, risk('S1', 'One'), risk('S2', 'Two'), risk('S3', 'Three')]),
      sheet('Assessments', [
        ASSESSMENTS_HEADER,
        assess('S1', 'Q1 2022/23', 2, 3),
        assess('S1', 'Q2 2022/23', 3, 3),
        assess('S2', 'Q2 2022/23', 5, 5),
        assess('S3', 'Q1 2022/23', 4, 4),
        assess('S3', 'Q2 2022/23', 1, 4),
      ]),
    ],
    matrix: SIX_BANDS_SPEC,
    fyStart: 4,
    quarterCount: 4,
  },
  {
    name: 'calendar quarters (fiscal year from January)',
    sheets: [
      sheet('Risks', [RISKS_HEADER, risk('C1', 'Calendar risk')]),
      sheet('Assessments', [
        ASSESSMENTS_HEADER,
        assess('C1', 'Q1 2022', 2, 2),
        assess('C1', dateCell('2022-05-20'), 3, 2),
        assess('C1', 'Q4 2022', 3, 3),
      ]),
    ],
    fyStart: 1,
    quarterCount: 6,
  },
  {
    name: 'formula-like text',
    sheets: [
      sheet('Risks', [
        RISKS_HEADER,
        risk('F1', '=HYPERLINK("http://example.invalid","click")'),
        risk('F2', '+SUM(1,2)'),
        risk('F3', '-1+2'),
        risk('F4', '@cmd'),
      ]),
      sheet('Assessments', [
        ASSESSMENTS_HEADER,
        assess('F1', 'Q2 2022/23', 1, 1, '=1+1'),
        assess('F2', 'Q2 2022/23', 2, 2),
        assess('F3', 'Q2 2022/23', 3, 3),
        assess('F4', 'Q2 2022/23', 4, 4),
      ]),
    ],
    fyStart: 4,
    quarterCount: 4,
  },
  {
    name: 'grouped inherent, residual and target columns with appetite by category',
    sheets: [
      sheet('Risks', [
        ['ID', 'Risk name', 'Status', 'Appetite', 'Category', 'Target date'],
        ['I1', 'Cyber', 'Open', null, 'Finance', dateCell('2023-03-31')],
        ['I2', 'Funding', 'Open', 'Medium', null, 'soon'],
        ['I3', 'Estates', 'Open', 20, null, null],
      ]),
      sheet('Assessments', [
        [null, null, 'Residual risk', null, null, 'Inherent risk', null, null, 'Target risk', null, null],
        [
          'Risk ID',
          'Quarter',
          'Impact',
          'Likelihood',
          'Score',
          'Impact',
          'Likelihood',
          'Score',
          'Impact',
          'Likelihood',
          'Score',
        ],
        ['I1', 'Q1 2022/23', 4, 3, 12, 5, 5, 25, 2, 2, 4],
        ['I1', 'Q2 2022/23', 4, 4, 16, 5, 5, 25, 2, 2, 4],
        ['I2', 'Q2 2022/23', 3, 3, 9, 2, 2, 4, 4, 4, 16],
        ['I3', 'Q2 2022/23', 2, 2, 4, null, null, null, null, null, null],
      ]),
    ],
    matrix: SIX_BANDS_WITH_APPETITE_SPEC,
    fyStart: 4,
    quarterCount: 4,
  },
  {
    name: 'a ratings-only R/A/G register',
    sheets: ragRegisterSheets(),
    matrix: RAG_MATRIX_SPEC,
    fyStart: 4,
    quarterCount: 4,
  },
  {
    name: 'bad input of every kind',
    sheets: [
      sheet('Risks', [
        RISKS_HEADER,
        risk('B1', 'Fine'),
        risk('B1', 'Duplicate'),
        risk('', 'No ID'),
        risk('B3', 'Closed without date', 'Closed'),
        risk('B4', 'Unknown status', 'Maybe'),
        ['B5', 'Bad date', null, null, null, null, 'Open', 'not a date', null, null, null],
      ]),
      sheet('Assessments', [
        ASSESSMENTS_HEADER,
        assess('B1', 'Q2 2022/23', 6, 3),
        assess('B1', 'Q1 2022/23', 2.5, 3),
        assess('B1', 'Q4 2021/22', 'abc', 3),
        assess('NOPE', 'Q2 2022/23', 3, 3),
        assess('B4', 'Quarter five', 3, 3),
        assess('B5', 'Q2 2022/23', errorCell('#N/A'), 3),
        ['B4', 'Q2 2022/23', 2, 2, 10, 'High', null],
      ]),
    ],
    fyStart: 4,
    quarterCount: 4,
  },
  ...MANAGEMENT_SCENARIOS,
];
