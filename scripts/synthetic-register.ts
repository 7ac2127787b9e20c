/** A synthetic register of any size, for benchmarks: N risks, each assessed in each of Q quarters. */
import type { CellValue } from '../core/index.ts';
import { ASSESSMENT_HEADERS, RISK_HEADERS } from '../core/index.ts';
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

export function syntheticRegister(
  riskCount: number,
  quarterCount: number,
): { risks: CellValue[][]; assessments: CellValue[][] } {
  const next = random(riskCount * 31 + quarterCount);
  const text = (words: number) =>
    Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const quarters = quarterWindow({ fiscalYear: 2022, quarter: 2 }, quarterCount).map((q) =>
    formatQuarter(q, APRIL_FISCAL_YEAR),
  );
  const risks: CellValue[][] = [[...RISK_HEADERS]];
  const assessments: CellValue[][] = [[...ASSESSMENT_HEADERS]];
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
    ]);
    let impact = 1 + Math.floor(next() * 5);
    let probability = 1 + Math.floor(next() * 5);
    for (const quarter of quarters) {
      if (next() < 0.3) impact = 1 + Math.floor(next() * 5);
      if (next() < 0.3) probability = 1 + Math.floor(next() * 5);
      assessments.push([id, quarter, impact, probability, null, null, text(8)]);
    }
  }
  return { risks, assessments };
}
