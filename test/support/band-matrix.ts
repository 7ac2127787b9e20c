/**
 * A hand-built 5×5 RiskMatrix for core tests (1-4 Low, 5-10 Medium, 12-16 High, 20-25 Critical),
 * written out literally so these tests depend on no matrix code.
 */
import type { MatrixLevel, RiskMatrix } from '../../core/matrix/matrix.ts';

const levels = (labels: readonly string[]): MatrixLevel[] =>
  labels.map((label, i) => ({ value: i + 1, label, description: `${label} (level ${i + 1})` }));

const LOW = 0;
const MEDIUM = 1;
const HIGH = 2;
const CRITICAL = 3;

function bandOf(score: number): number {
  if (score <= 4) return LOW;
  if (score <= 10) return MEDIUM;
  if (score <= 16) return HIGH;
  return CRITICAL;
}

export function bandMatrix(): RiskMatrix {
  return {
    spec: {
      name: 'Test band matrix',
      impact: levels(['Minimal', 'Minor', 'Moderate', 'Major', 'Severe']),
      probability: levels(['Remote', 'Unlikely', 'Some likelihood', 'Likely', 'Very likely']),
      ratings: [
        { name: 'Low', colour: '#92D050' },
        { name: 'Medium', colour: '#FFFF00' },
        { name: 'High', colour: '#FFC000' },
        { name: 'Critical', colour: '#FF0000' },
      ],
      bands: [
        { rating: 'Low', min: 1, max: 4 },
        { rating: 'Medium', min: 5, max: 10 },
        { rating: 'High', min: 12, max: 16 },
        { rating: 'Critical', min: 20, max: 25 },
      ],
    },
    impactLevels: 5,
    probabilityLevels: 5,
    // ratingIndex[probability - 1][impact - 1]
    ratingIndex: [1, 2, 3, 4, 5].map((p) => [1, 2, 3, 4, 5].map((i) => bandOf(i * p))),
  };
}
