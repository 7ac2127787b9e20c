/** The Scoring sheet written from a matrix: the form `readScoringSheet` reads back without loss. */
import type { CellValue } from '../cells/cell.ts';
import type { MatrixSpec } from './matrix.ts';
import {
  DEFAULT_APPETITE_ROW,
  GRID_CORNER,
  SECTION_TITLES,
  type SectionName,
} from './scoring-sheet-layout.ts';

/**
 * The Scoring sheet for a matrix, as rows of equal length.
 * @example scoringSheetRows(DEFAULT_MATRIX_SPEC)[0] // ['Matrix', 'Force risk matrix', null, …]
 */
export function scoringSheetRows(spec: MatrixSpec): CellValue[][] {
  const rows: CellValue[][] = [[SECTION_TITLES.matrix.title, spec.name]];
  const section = (
    name: SectionName,
    header: readonly CellValue[],
    body: readonly (readonly CellValue[])[],
  ) => {
    rows.push([], [SECTION_TITLES[name].title], [...header]);
    for (const row of body) rows.push([...row]);
  };

  const categories = [...new Set(spec.impact.flatMap((level) => Object.keys(level.categories ?? {})))];
  // A ratings-only matrix has no levels: its sheet is the Ratings (and Appetite) alone.
  if (spec.impact.length > 0)
    section(
      'impact',
      ['Level', 'Label', 'Description', ...categories],
      spec.impact.map((level) => [
        level.value,
        level.label,
        level.description,
        ...categories.map((category) => level.categories?.[category] ?? null),
      ]),
    );
  if (spec.probability.length > 0)
    section(
      'probability',
      ['Level', 'Label', 'Description', 'Chance', 'Frequency'],
      spec.probability.map((level) => [
        level.value,
        level.label,
        level.description,
        level.chance ?? null,
        level.frequency ?? null,
      ]),
    );
  section(
    'ratings',
    ['Rating (least severe first)', 'Colour', 'Font colour'],
    spec.ratings.map((rating) => [rating.name, rating.colour, rating.fontColour ?? null]),
  );
  if (spec.bands)
    section(
      'bands',
      ['Rating', 'Min', 'Max'],
      spec.bands.map((band) => [band.rating, band.min, band.max]),
    );
  if (spec.grid) {
    const grid = spec.grid;
    // Most probable at the top, as the guidance draws its matrix.
    section(
      'grid',
      [GRID_CORNER, ...spec.impact.map((level) => level.value)],
      spec.probability.map((_, p) => [
        spec.probability.length - p,
        ...(grid[spec.probability.length - p - 1] ?? []),
      ]),
    );
  }
  if (spec.appetite) {
    const { default: byDefault, categories = {} } = spec.appetite;
    section(
      'appetite',
      ['Category', 'Appetite (score or rating)'],
      [
        ...(byDefault !== undefined ? [[DEFAULT_APPETITE_ROW, byDefault]] : []),
        ...Object.entries(categories).map(([category, appetite]) => [category, appetite]),
      ],
    );
  }
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
}
