/** The scoring guidance printed with the register: impact and probability descriptors and the score grid. */
import { sheetPlan } from './sheet-plan-defaults.ts';
import { isRatingsOnlyMatrix, type MatrixLevel, type RiskMatrix } from '../matrix/matrix.ts';
import type { PlanCell, SheetPlan } from './sheet-plan.ts';
import { wrappedRowHeights } from './row-height.ts';
import {
  BODY,
  BODY_BOLD,
  CENTRED,
  SECTION,
  SUBTITLE,
  TITLE,
  cell,
  headerRow,
  ratingStyle,
} from './styles.ts';

const SCORING_GUIDANCE_SHEET = 'Scoring guidance';

export function scoringGuidanceSheetPlan(matrix: RiskMatrix): SheetPlan {
  const { spec } = matrix;
  const descending = (levels: readonly MatrixLevel[]) => [...levels].sort((a, b) => b.value - a.value);
  const categories = Object.keys(spec.impact[0]?.categories ?? {});

  const impactTitles =
    categories.length > 0 ? ['Impact', 'Label', ...categories] : ['Impact', 'Label', 'Description'];
  const impactRows = descending(spec.impact).map((level) => [
    cell(level.value, { ...CENTRED, bold: true }),
    cell(level.label, BODY_BOLD),
    ...(categories.length > 0
      ? categories.map((c) => cell(level.categories?.[c] ?? '', BODY))
      : [cell(level.description, BODY)]),
  ]);

  const probabilityRows = descending(spec.probability).map((level) => [
    cell(level.value, { ...CENTRED, bold: true }),
    cell(level.label, BODY_BOLD),
    cell(level.description, BODY),
    cell(level.chance ?? '', CENTRED),
    cell(level.frequency ?? '', BODY),
  ]);

  // Probability down the side (most likely at the top), impact along the bottom, as printed in the reference.
  const gridRows: PlanCell[][] = [];
  for (let p = matrix.probabilityLevels; p >= 1; p--) {
    const label = spec.probability[p - 1]!.label;
    gridRows.push([
      cell(`${p} ${label}`, BODY_BOLD),
      ...Array.from({ length: matrix.impactLevels }, (_, i) => {
        const rating = spec.ratings[matrix.ratingIndex[p - 1]![i]!]!;
        return cell((i + 1) * p, ratingStyle(rating));
      }),
    ]);
  }
  gridRows.push([
    cell('Probability ↑ / Impact →', SUBTITLE),
    ...spec.impact.map((level) => cell(`${level.value} ${level.label}`, { ...CENTRED, bold: true })),
  ]);

  const ratingRows = [...spec.ratings]
    .reverse()
    .map((rating) => [cell(rating.name, ratingStyle(rating)), cell(ratingRule(matrix, rating.name), BODY)]);

  const cells: PlanCell[][] = isRatingsOnlyMatrix(matrix)
    ? ratingsOnlyCells(matrix)
    : [
        [cell('Risk scoring guidance', TITLE)],
        [cell(`${spec.name}. Risk score = impact × probability.`, SUBTITLE)],
        [],
        [cell('Impact', SECTION)],
        headerRow(impactTitles),
        ...impactRows,
        [],
        [cell('Probability', SECTION)],
        headerRow(['Probability', 'Description', 'Detailed description', '% chance', 'Relative frequency']),
        ...probabilityRows,
        [],
        [cell('Risk scores', SECTION)],
        ...gridRows,
        [],
        [cell('Ratings', SECTION)],
        headerRow(['Rating', 'Scores']),
        ...ratingRows,
      ];

  const columnWidths = [
    20,
    18,
    ...Array.from({ length: Math.max(categories.length, 3, matrix.impactLevels) }, () => 26),
  ];
  return sheetPlan({
    name: SCORING_GUIDANCE_SHEET,
    cells,
    columnWidths,
    rowHeights: wrappedRowHeights(cells, columnWidths),
    print: { orientation: 'landscape', fitToWidth: true, repeatRows: 0 },
  });
}

/** How a rating is reached, in words: its score bands, or the grid cells that carry it. */
function ratingRule(matrix: RiskMatrix, ratingName: string): string {
  const { spec } = matrix;
  if (!spec.grid && spec.bands) {
    const bands = spec.bands.filter((band) => band.rating === ratingName);
    return bands
      .map((band) => (band.min === band.max ? `${band.min}` : `${band.min} - ${band.max}`))
      .join(', ');
  }
  const severity = spec.ratings.findIndex((r) => r.name === ratingName);
  const scores = new Set<number>();
  matrix.ratingIndex.forEach((row, p) =>
    row.forEach((index, i) => index === severity && scores.add((p + 1) * (i + 1))),
  );
  const list = [...scores].sort((a, b) => a - b);
  return list.length === 0 ? 'not used' : `by grid cell; scores ${list.join(', ')}`;
}

/** A ratings-only matrix (R/A/G) has no levels or scores: its guidance is the ratings, most severe first. */
function ratingsOnlyCells(matrix: RiskMatrix): PlanCell[][] {
  const { spec } = matrix;
  return [
    [cell('Risk scoring guidance', TITLE)],
    [
      cell(
        `${spec.name}. Risks are rated without impact and probability; ratings from most to least severe.`,
        SUBTITLE,
      ),
    ],
    [],
    [cell('Ratings', SECTION)],
    headerRow(['Rating']),
    ...[...spec.ratings].reverse().map((rating) => [cell(rating.name, ratingStyle(rating))]),
  ];
}
