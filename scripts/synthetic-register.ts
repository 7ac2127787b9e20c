/**
 * A synthetic register of any size, for benchmarks: N risks, each assessed in each of Q quarters;
 * with `optional`, every optional column of PRODUCT §8 too (inherent and target levels, target
 * date, appetite, category on Risks; the quarter's inherent and target on Assessments).
 */
import type { CellValue } from '../core/index.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS, dateCell } from '../core/index.ts';
import { APRIL_FISCAL_YEAR, formatQuarter, quarterWindow } from '../core/index.ts';

/** Deterministic pseudo-random numbers, so every run measures the same workbook. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS =
  'risk force data service public safety budget training demand system partner audit delivery'.split(' ');

/** The optional columns `syntheticRegister` adds, after the seed's. */
export const OPTIONAL_RISK_HEADERS = [
  'Inherent impact',
  'Inherent probability',
  'Target impact',
  'Target probability',
  'Target date',
  'Appetite',
  'Category',
];
export const OPTIONAL_ASSESSMENT_HEADERS = ['Inherent impact', 'Inherent probability', 'Inherent rating'];

/** The categories the optional columns use; a matrix appetite for them is in BENCH_APPETITE. */
export const BENCH_APPETITE = {
  default: 12,
  categories: { Finance: 8, Reputation: 'Medium', Operations: 15 },
};
const CATEGORIES = Object.keys(BENCH_APPETITE.categories);

export function syntheticRegister(
  riskCount: number,
  quarterCount: number,
  optional = false,
): { risks: CellValue[][]; assessments: CellValue[][] } {
  const next = random(riskCount * 31 + quarterCount);
  const text = (words: number) =>
    Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const quarters = quarterWindow({ fiscalYear: 2022, quarter: 2 }, quarterCount).map((q) =>
    formatQuarter(q, APRIL_FISCAL_YEAR),
  );
  const risks: CellValue[][] = [[...RISK_HEADERS, ...(optional ? OPTIONAL_RISK_HEADERS : [])]];
  const assessments: CellValue[][] = [
    [...ASSESSMENT_HEADERS, ...(optional ? OPTIONAL_ASSESSMENT_HEADERS : [])],
  ];
  for (let i = 1; i <= riskCount; i++) {
    const id = `CRR${i}`;
    risks.push([
      id,
      `Risk ${i} ${text(3)}`,
      text(40),
      text(30),
      text(60),
      'Owner',
      'Open',
      null,
      null,
      null,
      null,
      // Inherent at the top and target at the bottom of the matrix, so no residual is out of order.
      ...(optional
        ? [5, 5, 1, 1, dateCell('2023-03-31'), i % 3 === 0 ? 10 : null, CATEGORIES[i % CATEGORIES.length]!]
        : []),
    ]);
    let impact = 1 + Math.floor(next() * 5);
    let probability = 1 + Math.floor(next() * 5);
    for (const quarter of quarters) {
      if (next() < 0.3) impact = 1 + Math.floor(next() * 5);
      if (next() < 0.3) probability = 1 + Math.floor(next() * 5);
      assessments.push([
        id,
        quarter,
        impact,
        probability,
        null,
        null,
        text(8),
        ...(optional ? [5, 5, 'Critical'] : []),
      ]);
    }
  }
  return { risks, assessments };
}
