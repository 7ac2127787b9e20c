/**
 * Self-contained checks of the bundled force register example data. Deliberately uses no
 * project logic (only the CellValue types, and the template's headers spelt out in test/support):
 * the trend and rating rules are re-implemented here, tiny and independent, so the data is
 * checked against the published register on its own.
 */
import { describe, it, expect } from 'vitest';
import type { CellValue, DateCell } from '../../core/cells/cell.ts';
import { FORCE_REGISTER_EXAMPLE, FORCE_REGISTER_EXPECTED } from '../../examples/force-register.ts';
import {
  TEMPLATE_ASSESSMENT_HEADERS as ASSESSMENT_HEADERS,
  TEMPLATE_RISK_HEADERS as RISK_HEADERS,
} from '../support/template-headers.ts';

const OUTLOOK_HEADERS = [
  'Inherent impact',
  'Inherent probability',
  'Target impact',
  'Target probability',
  'Target date',
  'Appetite',
];
const REVIEW_HEADERS = ['Next review', 'Review frequency'];
const ACTION_HEADERS = ['Risk ID', 'Action', 'Owner', 'Due date', 'Status', 'Completed'];
/** Open risks the example proposes for closure (the published text recommends it). */
const PROPOSED_IDS = ['CRR15', 'CRR16'];

const OPEN_IDS = [
  'CRR20',
  'CRR03',
  'CRR08',
  'CRR15',
  'CRR09',
  'CRR13',
  'CRR06',
  'CRR23',
  'CRR18',
  'CRR01',
  'CRR02',
  'CRR05',
  'CRR17',
  'CRR21',
  'CRR19',
  'CRR12',
  'CRR07',
  'CRR10',
  'CRR11',
  'CRR22',
  'CRR16',
];

const { risks, assessments } = FORCE_REGISTER_EXAMPLE;
const riskRows = risks.slice(1);
const assessmentRows = assessments.slice(1);
const col = (header: string): number => RISK_HEADERS.indexOf(header);
const riskById = new Map(riskRows.map((row) => [row[0] as string, row]));

// --- independent re-implementation of the quarter, rating and trend rules -------------------

/** `Q2 2022/23` → a sortable index (fiscal year start × 4 + quarter - 1). */
function quarterIndex(label: string): number {
  const match = /^Q([1-4]) (\d{4})\/(\d{2})$/.exec(label);
  if (!match) throw new Error(`bad quarter label ${label}`);
  const start = Number(match[2]);
  expect(Number(match[3])).toBe((start + 1) % 100);
  return start * 4 + Number(match[1]) - 1;
}

function rating(score: number): string {
  if (score >= 20) return 'Critical';
  if (score >= 12) return 'High';
  if (score >= 5) return 'Medium';
  return 'Low';
}

/** Score standing in a quarter: the latest assessment at or before it, or undefined. */
function standingScore(id: string, q: number): number | undefined {
  let best: { q: number; score: number } | undefined;
  for (const row of assessmentRows) {
    if (row[0] !== id) continue;
    const rq = quarterIndex(row[1] as string);
    if (rq <= q && (!best || rq > best.q)) best = { q: rq, score: (row[2] as number) * (row[3] as number) };
  }
  return best?.score;
}

function trend(id: string, q: number): string {
  const current = standingScore(id, q);
  if (current === undefined) return 'N/A';
  const previous = standingScore(id, q - 1);
  if (previous === undefined) return 'New';
  return current > previous ? '↑' : current < previous ? '↓' : '↔';
}

const isDate = (value: CellValue | undefined): value is DateCell =>
  typeof value === 'object' &&
  value !== null &&
  value.kind === 'date' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value.iso);

// ---------------------------------------------------------------------------------------------

describe('force register example data', () => {
  it('gives every action a risk on the Risks sheet, a due date and a status', () => {
    const ids = new Set(riskRows.map((row) => row[0]));
    const actions = FORCE_REGISTER_EXAMPLE.actions.slice(1);
    expect(actions.length).toBeGreaterThan(3);
    for (const [id, action, , due, status, completed] of actions) {
      expect(ids.has(id!)).toBe(true);
      expect(typeof action === 'string' && action.length > 0).toBe(true);
      expect(isDate(due)).toBe(true);
      expect(['Not started', 'In progress', 'Complete']).toContain(status);
      expect(status === 'Complete').toBe(isDate(completed));
    }
  });

  it('has the exact header rows', () => {
    // The seed's columns, then the optional inherent, target, appetite and review columns (PRODUCT §8).
    expect(risks[0]).toEqual([...RISK_HEADERS, ...OUTLOOK_HEADERS, ...REVIEW_HEADERS]);
    expect(assessments[0]).toEqual(ASSESSMENT_HEADERS);
    expect(FORCE_REGISTER_EXAMPLE.actions[0]).toEqual(ACTION_HEADERS);
    for (const row of riskRows)
      expect(row).toHaveLength(RISK_HEADERS.length + OUTLOOK_HEADERS.length + REVIEW_HEADERS.length);
    for (const row of assessmentRows) expect(row).toHaveLength(ASSESSMENT_HEADERS.length);
  });

  it('has unique risk IDs: every published open risk plus the closed CRR14', () => {
    const ids = riskRows.map((row) => row[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...OPEN_IDS, 'CRR14'].sort());
    expect(FORCE_REGISTER_EXPECTED.rows.map((row) => row.id)).toEqual(OPEN_IDS);
  });

  it('fills every risk with text, an owner, a status and a date raised', () => {
    for (const row of riskRows) {
      for (const header of ['Risk name', 'Description', 'Impact', 'Key controls and activities', 'Owner']) {
        const value = row[col(header)];
        expect(typeof value === 'string' && value.trim().length > 0, `${row[0]} ${header}`).toBe(true);
      }
      expect(['Open', 'Proposed for closure', 'Closed']).toContain(row[col('Status')]);
      expect(isDate(row[col('Date raised')]), `${row[0]} Date raised`).toBe(true);
    }
  });

  it('keeps open risks open, with no closure fields', () => {
    for (const id of OPEN_IDS) {
      const row = riskById.get(id)!;
      const proposed = PROPOSED_IDS.includes(id);
      expect(row[col('Status')]).toBe(proposed ? 'Proposed for closure' : 'Open');
      expect(row[col('Date closed')]).toBeNull();
      if (proposed) expect(row[col('Closure rationale')]).toMatch(/close/);
      else expect(row[col('Closure rationale')]).toBeNull();
      expect(row[col('Closure reported')]).toBeNull();
    }
  });

  it('records the closed risk with its dates and rationale', () => {
    const row = riskById.get('CRR14')!;
    expect(row[col('Status')]).toBe('Closed');
    expect(row[col('Date closed')]).toEqual({ kind: 'date', iso: '2022-08-15' });
    expect(row[col('Closure reported')]).toEqual({ kind: 'date', iso: '2022-09-29' });
    const rationale = row[col('Closure rationale')] as string;
    expect(rationale).toMatch(/^Second BRC load has completed/);
    expect(rationale).toContain('Manual work is complete - this risk can be closed.');
    // closed during Q2 2022/23: assessed up to Q1 2022/23, not after
    const quarters = assessmentRows.filter((a) => a[0] === 'CRR14').map((a) => quarterIndex(a[1] as string));
    expect(Math.max(...quarters)).toBe(quarterIndex('Q1 2022/23'));
  });

  it('assesses only known risks, once per quarter, with whole-number levels 1..5 and no typed score', () => {
    const seen = new Set<string>();
    for (const row of assessmentRows) {
      const [id, quarter, impact, probability, score, ratingCell] = row;
      expect(riskById.has(id as string), `unknown risk ${String(id)}`).toBe(true);
      quarterIndex(quarter as string);
      for (const level of [impact, probability]) {
        expect(Number.isInteger(level), `${String(id)} ${String(quarter)}`).toBe(true);
        expect(level as number).toBeGreaterThanOrEqual(1);
        expect(level as number).toBeLessThanOrEqual(5);
      }
      expect(score).toBeNull();
      expect(ratingCell).toBeNull();
      const key = `${String(id)}|${String(quarter)}`;
      expect(seen.has(key), `duplicate ${key}`).toBe(false);
      seen.add(key);
    }
  });

  it('covers at least Q1 2021/22 .. Q2 2022/23 and gives every open risk a Q2 2022/23 commentary', () => {
    const quarters = new Set(assessmentRows.map((row) => row[1]));
    for (const q of ['Q1 2021/22', 'Q2 2021/22', 'Q3 2021/22', 'Q4 2021/22', 'Q1 2022/23', 'Q2 2022/23']) {
      expect(quarters.has(q)).toBe(true);
    }
    for (const id of OPEN_IDS) {
      const latest = assessmentRows.find((row) => row[0] === id && row[1] === 'Q2 2022/23');
      expect(latest, id).toBeDefined();
      expect(typeof latest![6] === 'string' && latest![6].length > 0, `${id} commentary`).toBe(true);
    }
  });

  it('dates each risk raised no later than the end of its first assessed quarter', () => {
    for (const row of riskRows) {
      const id = row[0] as string;
      const first = Math.min(
        ...assessmentRows.filter((a) => a[0] === id).map((a) => quarterIndex(a[1] as string)),
      );
      const raised = (row[col('Date raised')] as DateCell).iso;
      const [y, m] = raised.split('-').map(Number) as [number, number];
      const raisedQuarter = (m >= 4 ? y : y - 1) * 4 + Math.floor(((m + 8) % 12) / 3);
      expect(raisedQuarter, id).toBeLessThanOrEqual(first);
      // a risk first trending `New` inside the window was raised in that quarter
      const window = FORCE_REGISTER_EXPECTED.rows.find((r) => r.id === id);
      if (window?.trend.includes('New')) expect(raisedQuarter, id).toBe(first);
    }
  });

  it('reproduces the published arrows and ratings for every open risk', () => {
    const window = ['Q3 2021/22', 'Q4 2021/22', 'Q1 2022/23', 'Q2 2022/23'].map(quarterIndex);
    const reported = quarterIndex(FORCE_REGISTER_EXPECTED.quarter);
    expect(window[3]).toBe(reported);
    const computed = OPEN_IDS.map((id) => ({
      id,
      trend: window.map((q) => trend(id, q)),
      rating: rating(standingScore(id, reported)!),
    }));
    expect(computed).toEqual(
      FORCE_REGISTER_EXPECTED.rows.map(({ id, trend: t, rating: r }) => ({ id, trend: t, rating: r })),
    );
  });

  it('matches the published specifics: CRR10 at 5 × 5, CRR21 fell but stays High', () => {
    const q2 = (id: string) => assessmentRows.find((row) => row[0] === id && row[1] === 'Q2 2022/23')!;
    expect([q2('CRR10')[2], q2('CRR10')[3]]).toEqual([5, 5]);
    const crr21 = (q2('CRR21')[2] as number) * (q2('CRR21')[3] as number);
    expect(crr21).toBeGreaterThanOrEqual(12);
    expect(crr21).toBeLessThanOrEqual(16);
  });
});
