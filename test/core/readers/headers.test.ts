import { describe, expect, it } from 'vitest';
import { dateCell, errorCell } from '../../../core/cells/cell.ts';
import type { SheetGrid } from '../../../core/cells/cell.ts';
import {
  ASSESSMENT_COLUMNS,
  ASSESSMENT_HEADERS,
  locateColumns,
  normaliseHeader,
  RISK_COLUMNS,
  RISK_HEADERS,
} from '../../../core/readers/headers.ts';
import { TEMPLATE_ASSESSMENT_HEADERS, TEMPLATE_RISK_HEADERS } from '../../support/template-headers.ts';

const grid = (rows: SheetGrid['rows'], name = 'Risks'): SheetGrid => ({ name, rows });

describe('normaliseHeader', () => {
  it.each([
    ['Risk ID', 'riskid'],
    [' risk  id ', 'riskid'],
    ['RISK-ID', 'riskid'],
    ['Closure reported @ JAC', 'closurereportedjac'],
    ['Key Controls & Activities', 'keycontrolsandactivities'],
    ['Date closed:', 'dateclosed'],
    ['Impact (1-5)', 'impact'],
    ['Date raised (dd/mm/yyyy)', 'dateraised'],
    ['', ''],
  ])('%j → %j', (text, normal) => {
    expect(normaliseHeader(text)).toBe(normal);
  });
});

describe('canonical headers', () => {
  it('lists the Risks headers in template order', () => {
    expect(RISK_HEADERS).toEqual(TEMPLATE_RISK_HEADERS);
  });

  it('lists the Assessments headers in template order', () => {
    expect(ASSESSMENT_HEADERS).toEqual(TEMPLATE_ASSESSMENT_HEADERS);
  });

  it('has no header or synonym that two columns of one sheet share', () => {
    for (const specs of [RISK_COLUMNS, ASSESSMENT_COLUMNS]) {
      const names = specs.flatMap((spec) => [spec.header, ...spec.synonyms].map(normaliseHeader));
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('locateColumns', () => {
  it('finds canonical headers in any order', () => {
    const located = locateColumns(grid([['Risk name', 'Status', 'ID', 'Something else']]), RISK_COLUMNS);
    expect(located.headerRow).toBe(0);
    expect(located.columns.get('id')).toBe(2);
    expect(located.columns.get('name')).toBe(0);
    expect(located.columns.get('status')).toBe(1);
    expect(located.columns.has('owner')).toBe(false);
    expect(located.issues).toEqual([]);
  });

  it('finds every synonym of PRODUCT §2', () => {
    const located = locateColumns(
      grid([
        [
          'Ref',
          'Title',
          'Description',
          'Consequence',
          'Mitigation',
          'Risk owner',
          'STATUS',
          'Opened',
          'Closed date',
          'Closed rationale',
          'Closure reported @ JAC',
        ],
      ]),
      RISK_COLUMNS,
    );
    expect([...located.columns.entries()]).toEqual([
      ['id', 0],
      ['name', 1],
      ['description', 2],
      ['impactNarrative', 3],
      ['controls', 4],
      ['owner', 5],
      ['status', 6],
      ['dateRaised', 7],
      ['dateClosed', 8],
      ['closureRationale', 9],
      ['closureReported', 10],
    ]);
    const assessments = locateColumns(
      grid([['ID', 'Period', 'Severity', 'Likelihood', 'Score', 'Rating', 'Notes']], 'Assessments'),
      ASSESSMENT_COLUMNS,
    );
    expect(assessments.columns.size).toBe(7);
    expect(assessments.issues).toEqual([]);
  });

  it('reads the other synonyms too', () => {
    const risks = locateColumns(
      grid([['Risk ID', 'Name', 'Controls', 'Closed', 'Reported to committee', 'Risk']]),
      RISK_COLUMNS,
    );
    expect(risks.columns.get('id')).toBe(0);
    expect(risks.columns.get('name')).toBe(1);
    expect(risks.columns.get('controls')).toBe(2);
    expect(risks.columns.get('dateClosed')).toBe(3);
    expect(risks.columns.get('closureReported')).toBe(4);
    const assessments = locateColumns(
      grid([['Risk ID', 'Quarter', 'Consequence', 'Probability', 'Update']]),
      ASSESSMENT_COLUMNS,
    );
    expect(assessments.columns.get('impact')).toBe(2);
    expect(assessments.columns.get('commentary')).toBe(4);
  });

  it('reads "Impact" as narrative on Risks and as the level on Assessments', () => {
    expect(
      locateColumns(grid([['ID', 'Risk name', 'Impact']]), RISK_COLUMNS).columns.get('impactNarrative'),
    ).toBe(2);
    expect(
      locateColumns(grid([['Risk ID', 'Quarter', 'Impact', 'Probability']]), ASSESSMENT_COLUMNS).columns.get(
        'impact',
      ),
    ).toBe(2);
  });

  it('takes the first non-blank row as the header row', () => {
    const located = locateColumns(grid([[], [null, '  '], [null, 'ID', 'Risk name']]), RISK_COLUMNS);
    expect(located.headerRow).toBe(2);
    expect(located.columns.get('id')).toBe(1);
    expect(located.issues).toEqual([]);
  });

  it('reports each missing required column at the header row', () => {
    const located = locateColumns(grid([[], ['Description', 'Owner']]), RISK_COLUMNS);
    expect(located.issues).toEqual([
      {
        severity: 'error',
        sheet: 'Risks',
        cell: 'A2',
        message: 'missing column "ID" (or Risk ID, Ref, Risk ref, Reference): no row of rows 2-2 names it',
      },
      {
        severity: 'error',
        sheet: 'Risks',
        cell: 'A2',
        message: 'missing column "Risk name" (or Name, Title, Risk, Risk title): no row of rows 2-2 names it',
      },
    ]);
  });

  it('reports missing columns at A1 on an empty sheet', () => {
    const located = locateColumns(grid([], 'Assessments'), ASSESSMENT_COLUMNS);
    expect(located.headerRow).toBe(0);
    expect(located.issues.map((issue) => [issue.cell, issue.message])).toEqual([
      ['A1', 'missing column "Risk ID" (or ID, Ref): the sheet is empty'],
      ['A1', 'missing column "Quarter" (or Period): the sheet is empty'],
      ['A1', 'missing column "Impact" (or Consequence, Severity): the sheet is empty'],
      ['A1', 'missing column "Probability" (or Likelihood): the sheet is empty'],
    ]);
  });

  it('warns about a repeated header and keeps the first', () => {
    const located = locateColumns(grid([['ID', 'Risk name', 'Owner', 'owner ']]), RISK_COLUMNS);
    expect(located.columns.get('owner')).toBe(2);
    expect(located.issues).toEqual([
      {
        severity: 'warning',
        sheet: 'Risks',
        cell: 'D1',
        message: 'column "owner" repeats "Owner" (column C); it is ignored',
      },
    ]);
  });

  it('prefers the canonical header over a synonym wherever it is', () => {
    const located = locateColumns(grid([['Risk', 'ID', 'Risk name']]), RISK_COLUMNS);
    expect(located.columns.get('name')).toBe(2);
    expect(located.issues).toEqual([
      {
        severity: 'warning',
        sheet: 'Risks',
        cell: 'A1',
        message: 'column "Risk" repeats "Risk name" (column C); it is ignored',
      },
    ]);
  });

  it('ignores header cells that are not text', () => {
    const located = locateColumns(
      grid([[dateCell('2022-01-01'), errorCell('#REF!'), true, 5, 'ID', 'Risk name']]),
      RISK_COLUMNS,
    );
    expect(located.columns.get('id')).toBe(4);
    expect(located.issues).toEqual([]);
  });
});

describe('locateColumns with a title above the table', () => {
  it('skips title and note rows to the row that names every required column', () => {
    const grid = {
      name: 'Risks',
      rows: [
        ['Corporate risk register'],
        [null],
        ['Owner: Risk & Assurance', 'Updated quarterly'],
        ['Ref', 'Title', 'Status'],
        ['CRR1', 'A risk', 'Open'],
      ],
    };
    const located = locateColumns(grid, RISK_COLUMNS);
    expect(located.headerRow).toBe(3);
    expect(located.columns.get('id')).toBe(0);
    expect(located.issues).toEqual([]);
  });

  it('falls back to the first non-blank row, reporting missing columns there', () => {
    const located = locateColumns({ name: 'Risks', rows: [[null], ['Title only']] }, RISK_COLUMNS);
    expect(located.headerRow).toBe(1);
    expect(located.issues).toContainEqual(expect.objectContaining({ severity: 'error', cell: 'A2' }));
  });
});
