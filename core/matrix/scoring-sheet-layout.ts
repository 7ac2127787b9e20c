/**
 * How the Scoring sheet is laid out, shared by its writer and its reader: section titles,
 * column headers, and how a title or header cell is recognised.
 */
import type { CellValue } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import { normaliseHeader } from '../cells/header-key.ts';
import { numberFromText } from '../cells/number-text.ts';

export type SectionName = 'matrix' | 'impact' | 'probability' | 'ratings' | 'bands' | 'grid' | 'appetite';

/** Titles as written, and the other spellings read back. */
export const SECTION_TITLES: Readonly<
  Record<SectionName, { readonly title: string; readonly label: string; readonly aliases: readonly string[] }>
> = {
  matrix: { title: 'Matrix', label: 'Matrix', aliases: ['matrix', 'matrixname'] },
  impact: { title: 'Impact', label: 'Impact', aliases: ['impact', 'impactlevels'] },
  probability: {
    title: 'Probability',
    label: 'Probability',
    aliases: ['probability', 'probabilitylevels', 'likelihood', 'likelihoodlevels'],
  },
  ratings: { title: 'Ratings', label: 'Ratings', aliases: ['ratings', 'ratingcolours', 'ratingcolors'] },
  bands: {
    title: 'Bands (score = impact × probability)',
    label: 'Bands',
    aliases: ['bands', 'scorebands', 'ratingbands'],
  },
  grid: { title: 'Grid (wins over Bands)', label: 'Grid', aliases: ['grid', 'ratinggrid', 'matrixgrid'] },
  appetite: {
    title: 'Appetite (a score or a rating, by risk category)',
    label: 'Appetite',
    aliases: ['appetite', 'riskappetite', 'tolerance', 'risktolerance'],
  },
};

/** The Appetite section's row that holds the default appetite, for risks whose category has none. */
export const DEFAULT_APPETITE_ROW = 'Default';

export const HEADERS = {
  level: ['level', 'value'],
  label: ['label', 'name', 'title'],
  description: ['description', 'summary'],
  chance: ['chance', 'percentchance', 'likelihood'],
  frequency: ['frequency', 'relativefrequency'],
  rating: ['rating', 'name'],
  colour: ['colour', 'color', 'fill', 'fillcolour', 'fillcolor'],
  fontColour: ['fontcolour', 'fontcolor', 'textcolour', 'textcolor', 'font'],
  min: ['min', 'minimum', 'from', 'lowest'],
  max: ['max', 'maximum', 'to', 'highest'],
  category: ['category', 'riskcategory'],
  appetite: ['appetite', 'tolerance', 'riskappetite'],
} as const;

export const GRID_CORNER = 'Probability \\ Impact';

/** Case, spaces, punctuation and notes in brackets do not matter in titles and headers. */
export function keyOf(value: CellValue | undefined): string {
  return normaliseHeader(cellText(value));
}

export interface Section {
  readonly name: SectionName;
  /** Title cell. */
  readonly row: number;
  readonly column: number;
  /** Header row, absent when the section has none before its end. */
  readonly header?: number;
  /** Data rows. */
  readonly body: readonly number[];
}

/** Where the sheet's cells went in the JSON form, so a fault found there points back at its cell. */
export type CellMap = Map<string, string>;

export function pathKey(path: readonly (string | number)[]): string {
  return path.join('/');
}

/** A cell as a number where it holds one (typed or as text); otherwise its text, for the message. */
export function numberOf(value: CellValue | undefined): unknown {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  if (text === '') return null;
  return numberFromText(text) ?? text;
}
