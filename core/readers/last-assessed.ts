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
  // Runs once over every assessment, so an indexed loop (a for-of's iterator allocated a result
  // per assessment in code this cold). Sheets list a risk's quarters together: the latest of a
  // run of rows naming one risk is kept here and goes to the Map when the run ends, one lookup a
  // run instead of one a row (a Map of 10,000 risks costs a few hundred nanoseconds a lookup).
  let runId: string | undefined;
  let runLatest: number | undefined;
  const endRun = () => {
    if (runId === undefined || runLatest === undefined) return;
    const key = keyOf(runId);
    const current = latest.get(key);
    if (current === undefined || runLatest > current) latest.set(key, runLatest);
  };
  for (let i = 0; i < assessments.length; i++) {
    const assessment = assessments[i]!;
    if (assessment.riskId !== runId) {
      endRun();
      runId = assessment.riskId;
      runLatest = undefined;
    }
    const index = quarterIndex(assessment.quarter);
    if (index <= target && (runLatest === undefined || index > runLatest)) runLatest = index;
  }
  endRun();
  return latest;
}
