/** Which quarter's score stands for each risk at a given quarter: its latest assessment by then. */
import { quarterIndex } from '../quarters/quarter.ts';
import type { Assessment } from './risk.ts';
import { riskIdKeyer } from './risk-id.ts';

/**
 * Each risk's latest assessed quarter at or before `target`, both as quarter indexes, keyed by
 * riskIdKey; a risk not assessed by then has no entry.
 */
export function lastAssessedBy(assessments: readonly Assessment[], target: number): Map<string, number> {
  const latest = new Map<string, number>();
  const keyOf = riskIdKeyer();
  // Runs once over every assessment: an indexed loop (a for-of's iterator allocated a result per
  // assessment in code this cold), and the last risk's key tried first (sheets list a risk's
  // quarters together), saving a Map lookup per row.
  let lastId: string | undefined;
  let key = '';
  for (let i = 0; i < assessments.length; i++) {
    const assessment = assessments[i]!;
    const index = quarterIndex(assessment.quarter);
    if (index > target) continue;
    if (assessment.riskId !== lastId) {
      key = keyOf(assessment.riskId);
      lastId = assessment.riskId;
    }
    const current = latest.get(key);
    if (current === undefined || index > current) latest.set(key, index);
  }
  return latest;
}
