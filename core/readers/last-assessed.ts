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
  for (const assessment of assessments) {
    const index = quarterIndex(assessment.quarter);
    if (index > target) continue;
    const key = keyOf(assessment.riskId);
    const current = latest.get(key);
    if (current === undefined || index > current) latest.set(key, index);
  }
  return latest;
}
