/** A synthetic Actions sheet of any size, for benchmarks: actions spread over a synthetic register's risks. */
import type { CellValue } from '../core/index.ts';
import { ACTION_HEADERS, dateCell } from '../core/index.ts';

const STATUSES = ['Not started', 'In progress', 'Complete'] as const;

/** `count` actions over risks CRR1..CRR`riskCount`, due across 2022 (some overdue at Q2 2022/23's end). */
export function syntheticActions(count: number, riskCount: number): CellValue[][] {
  const rows: CellValue[][] = [[...ACTION_HEADERS]];
  for (let i = 0; i < count; i++) {
    const status = STATUSES[i % 3]!;
    const month = 1 + (i % 12);
    const due = `2022-${String(month).padStart(2, '0')}-15`;
    rows.push([
      `CRR${1 + ((i * 7) % riskCount)}`,
      `Action ${i + 1}: review the controls and report to the board`,
      `Owner ${i % 40}`,
      dateCell(due),
      status,
      status === 'Complete' ? dateCell(due) : null,
    ]);
  }
  return rows;
}
