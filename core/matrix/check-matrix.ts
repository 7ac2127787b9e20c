/**
 * The rules of a matrix (PRODUCT §3) on its JSON form once its shape is known — what a Scoring
 * sheet reads, or what matrix-shape.ts passes on from a JSON file — and every cell of it
 * resolved to a rating once. The shape checks of arbitrary JSON are in matrix-shape.ts, which
 * only the command line needs.
 */
import {
  MAX_LEVELS,
  MIN_LEVELS,
  levelRangeText,
  scoreOf,
  type MatrixBand,
  type MatrixFault,
  type MatrixLevel,
  type MatrixRating,
  type MatrixSpec,
  type RiskMatrix,
} from './matrix.ts';
import type { Appetite } from '../readers/risk.ts';
import {
  appetiteFrom,
  appetiteValue,
  type AppetiteScale,
  type AppetiteSpec,
  type MatrixAppetite,
} from './appetite.ts';

const COLOUR = /^#[0-9A-Fa-f]{6}$/;

/** A level as given: any value may be wrong, but `categories` is a map of texts (checked already). */
export interface LevelDraft {
  readonly value?: unknown;
  readonly label?: unknown;
  readonly description?: unknown;
  readonly categories?: Readonly<Record<string, string>>;
  readonly chance?: unknown;
  readonly frequency?: unknown;
}

export interface RatingDraft {
  readonly name?: unknown;
  readonly colour?: unknown;
  readonly fontColour?: unknown;
}

export interface BandDraft {
  readonly rating?: unknown;
  readonly min?: unknown;
  readonly max?: unknown;
}

/**
 * A list of the JSON form whose shape is known: `null` where the list, or one of its entries,
 * was of the wrong kind — a fault said so already, so the rules add none for it.
 */
export type DraftList<T> = readonly (T | null)[] | null;

/**
 * The JSON form of a matrix with its shape known. An absent part is missing (or, for bands and
 * grid, not given); `null` marks a part of the wrong kind, reported already. `MatrixSpec` is one.
 */
export interface MatrixDraft {
  readonly name?: string | null;
  readonly impact?: DraftList<LevelDraft>;
  readonly probability?: DraftList<LevelDraft>;
  readonly ratings?: DraftList<RatingDraft>;
  readonly bands?: DraftList<BandDraft>;
  /** Rows of cells, a row being anything (the rules name what is not a row of the right length). */
  readonly grid?: readonly unknown[] | null;
  /** `{ default, categories }`, each a score or a rating name; anything else is a fault. */
  readonly appetite?: unknown;
}

/**
 * A checked matrix from a spec known to be valid (constants, tests); throws listing every fault otherwise.
 * @example matrixFromSpec(DEFAULT_MATRIX_SPEC).impactLevels // 5
 */
export function matrixFromSpec(spec: MatrixSpec): RiskMatrix {
  const { matrix, faults } = checkMatrixSpec(spec);
  if (!matrix)
    throw new Error(
      `invalid matrix "${String(spec.name)}": ${faults.map((fault) => fault.message).join('; ')}`,
    );
  return matrix;
}

/**
 * The matrix's rules on a draft of known shape, each fault with its path so a reader of the
 * Scoring sheet can point at the cell it came from. `matrix` is present exactly when there are no faults.
 * @example checkMatrixSpec({}).faults[0] // { path: ['name'], message: 'matrix name is missing' }
 */
export function checkMatrixSpec(input: MatrixDraft): { matrix?: RiskMatrix; faults: MatrixFault[] } {
  const faults: MatrixFault[] = [];
  const fault = (path: readonly (string | number)[], message: string) => faults.push({ path, message });

  let name = '';
  if (input.name === undefined || input.name?.trim() === '') fault(['name'], 'matrix name is missing');
  else if (input.name !== null) name = input.name.trim();

  if (isRatingsOnly(input)) return ratingsOnlyMatrix(name, input, fault, faults);
  const impact = checkLevels(input.impact, 'impact', fault);
  const probability = checkLevels(input.probability, 'probability', fault);
  const ratings = checkRatings(input.ratings, fault);
  const ratingNamed = ratingResolver(ratings ?? []);

  const hasBands = input.bands !== undefined;
  const hasGrid = input.grid !== undefined;
  const bands = hasBands ? checkBands(input.bands!, ratings, ratingNamed, fault) : undefined;
  const grid = hasGrid
    ? checkGrid(input.grid!, impact?.length, probability?.length, ratings, ratingNamed, fault)
    : undefined;
  if (!hasBands && !hasGrid) fault([], 'matrix has neither bands nor a grid: give one to decide the ratings');

  if (faults.length > 0 || !impact || !probability || !ratings) return { faults };

  const indexOf = new Map(ratings.map((rating, index) => [rating.name, index]));
  const ratingIndex: number[][] = [];
  for (let p = 1; p <= probability.length; p++) {
    const row: number[] = [];
    for (let i = 1; i <= impact.length; i++) {
      let name: string | undefined;
      if (grid) name = grid[p - 1]?.[i - 1];
      else {
        const score = scoreOf(i, p);
        name = bands?.find((band) => band.min <= score && score <= band.max)?.rating;
        if (name === undefined)
          fault(['bands'], `impact ${i} × probability ${p} (score ${score}) has no rating`);
      }
      row.push(name === undefined ? -1 : (indexOf.get(name) ?? -1));
    }
    ratingIndex.push(row);
  }
  const appetite =
    input.appetite === undefined || input.appetite === null
      ? undefined
      : checkAppetite(
          input.appetite,
          { ratings, maxScore: scoreOf(impact.length, probability.length) },
          fault,
        );
  if (faults.length > 0) return { faults };

  const spec: MatrixSpec = {
    name,
    impact,
    probability,
    ratings,
    ...(bands ? { bands } : {}),
    ...(grid ? { grid } : {}),
    ...(appetite ? { appetite: appetite.spec } : {}),
  };
  return {
    matrix: {
      spec,
      impactLevels: impact.length,
      probabilityLevels: probability.length,
      ratingIndex,
      ...(appetite ? { appetite: appetite.checked } : {}),
    },
    faults,
  };
}

export type Fault = (path: readonly (string | number)[], message: string) => void;

/** No levels, bands or grid: a ratings-only scheme (R/A/G), whose assessments give a rating alone (PRODUCT §8). */
function isRatingsOnly(input: MatrixDraft): boolean {
  const none = (list: DraftList<LevelDraft> | undefined) =>
    list === undefined || (Array.isArray(list) && list.length === 0);
  return (
    none(input.impact) && none(input.probability) && input.bands === undefined && input.grid === undefined
  );
}

function ratingsOnlyMatrix(
  name: string,
  input: MatrixDraft,
  fault: Fault,
  faults: MatrixFault[],
): { matrix?: RiskMatrix; faults: MatrixFault[] } {
  const ratings = checkRatings(input.ratings, fault);
  const appetite =
    input.appetite === undefined || input.appetite === null || !ratings
      ? undefined
      : checkAppetite(input.appetite, { ratings, maxScore: 0 }, fault);
  if (faults.length > 0 || !ratings) return { faults };
  const spec: MatrixSpec = {
    name,
    impact: [],
    probability: [],
    ratings,
    ...(appetite ? { appetite: appetite.spec } : {}),
  };
  return {
    matrix: {
      spec,
      impactLevels: 0,
      probabilityLevels: 0,
      ratingIndex: [],
      ...(appetite ? { appetite: appetite.checked } : {}),
    },
    faults,
  };
}

/** A value as a message shows it. */
export function describeMatrixValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

function trimmed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function checkLevels(
  input: DraftList<LevelDraft> | undefined,
  axis: 'impact' | 'probability',
  fault: Fault,
): MatrixLevel[] | undefined {
  if (input === undefined) {
    fault([axis], `${axis} levels are missing`);
    return undefined;
  }
  if (input === null) return undefined;
  const count = input.length;
  if (count < MIN_LEVELS || count > MAX_LEVELS) {
    fault(
      [axis],
      `${axis} has ${count} level${count === 1 ? '' : 's'}; a matrix needs ${MIN_LEVELS} to ${MAX_LEVELS}`,
    );
    return undefined;
  }
  const levels: MatrixLevel[] = [];
  const seen = new Set<number>();
  let bad = false;
  const flag: Fault = (path, message) => {
    bad = true;
    fault(path, message);
  };
  input.forEach((entry, index) => {
    const level = entry && checkLevel(entry, { axis, index, count, seen }, flag);
    if (level) levels.push(level);
    else bad = true;
  });
  return bad ? undefined : levels.sort((a, b) => a.value - b.value);
}

/** Where a level sits in its list, and the values its list has used so far. */
interface LevelPlace {
  readonly axis: 'impact' | 'probability';
  readonly index: number;
  readonly count: number;
  readonly seen: Set<number>;
}

/** One level of a list: a unique number within 1..count, a label, and optional texts. */
function checkLevel(entry: LevelDraft, place: LevelPlace, flag: Fault): MatrixLevel | undefined {
  const { axis, index } = place;
  const value = checkLevelValue(entry.value, place, flag);
  if (value === undefined) return undefined;
  const label = trimmed(entry.label);
  if (label === '') flag([axis, index, 'label'], `${axis} level ${value} has no label`);
  const level: { -readonly [K in keyof MatrixLevel]: MatrixLevel[K] } = {
    value,
    label,
    description: trimmed(entry.description),
  };
  if (entry.categories) level.categories = entry.categories;
  for (const key of ['chance', 'frequency'] as const) {
    const text = entry[key];
    if (typeof text === 'string') level[key] = text.trim();
  }
  return level;
}

function checkLevelValue(
  value: unknown,
  { axis, index, count, seen }: LevelPlace,
  flag: Fault,
): number | undefined {
  const path = [axis, index, 'value'];
  const range = levelRangeText(count);
  if (value === undefined || value === null || value === '') {
    flag(path, `${axis} level ${index + 1} in the list has no level number`);
  } else if (typeof value !== 'number' || !Number.isInteger(value)) {
    flag(path, `${axis} level ${describeMatrixValue(value)} is not a whole number`);
  } else if (value < 1 || value > count) {
    // In range and unique over `count` entries means exactly 1..count, so no level can be missing.
    flag(path, `${axis} level ${value} is outside ${range}: ${count} levels are numbered ${range}`);
  } else if (seen.has(value)) {
    flag(path, `${axis} level ${value} appears twice`);
  } else {
    seen.add(value);
    return value;
  }
  return undefined;
}

function checkRatings(input: DraftList<RatingDraft> | undefined, fault: Fault): MatrixRating[] | undefined {
  if (input === undefined) {
    fault(['ratings'], 'ratings are missing');
    return undefined;
  }
  if (input === null) return undefined;
  if (input.length === 0) {
    fault(['ratings'], 'ratings must list at least one rating, least severe first');
    return undefined;
  }
  const ratings: MatrixRating[] = [];
  const seen = new Set<string>();
  let ok = true;
  input.forEach((entry, index) => {
    if (!entry) {
      ok = false;
      return;
    }
    const name = trimmed(entry.name);
    if (name === '') {
      fault(['ratings', index, 'name'], `rating ${index + 1} in the list has no name`);
      ok = false;
      return;
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      fault(['ratings', index, 'name'], `rating "${name}" appears twice`);
      ok = false;
    }
    seen.add(key);
    const colour = entry.colour;
    if (typeof colour !== 'string' || !COLOUR.test(colour.trim())) {
      fault(
        ['ratings', index, 'colour'],
        `rating "${name}" colour ${describeMatrixValue(colour)} is not a colour like #92D050`,
      );
      ok = false;
    }
    const fontColour = entry.fontColour;
    const hasFont = fontColour !== undefined && fontColour !== null && fontColour !== '';
    if (hasFont && (typeof fontColour !== 'string' || !COLOUR.test(fontColour.trim()))) {
      fault(
        ['ratings', index, 'fontColour'],
        `rating "${name}" font colour ${describeMatrixValue(fontColour)} is not a colour like #000000`,
      );
      ok = false;
    }
    if (!ok) return;
    ratings.push({
      name,
      colour: (colour as string).trim(),
      ...(hasFont ? { fontColour: (fontColour as string).trim() } : {}),
    });
  });
  return ok ? ratings : undefined;
}

/** Bands and grids may name a rating in any case ("low"); the spec keeps the rating's own spelling. */
function ratingResolver(ratings: readonly MatrixRating[]): (name: string) => string | undefined {
  const byKey = new Map(ratings.map((rating) => [rating.name.toLowerCase(), rating.name]));
  return (name) => byKey.get(name.trim().toLowerCase());
}

function ratingList(ratings: readonly MatrixRating[]): string {
  return ratings.map((rating) => rating.name).join(', ');
}

function checkBands(
  input: DraftList<BandDraft>,
  ratings: readonly MatrixRating[] | undefined,
  ratingNamed: (name: string) => string | undefined,
  fault: Fault,
): MatrixBand[] | undefined {
  if (input === null) return undefined;
  const bands: MatrixBand[] = [];
  let ok = true;
  input.forEach((entry, index) => {
    if (!entry) {
      ok = false;
      return;
    }
    const given = trimmed(entry.rating);
    const label = given === '' ? `band ${index + 1}` : `band ${given}`;
    let rating: string | undefined;
    if (given === '') fault(['bands', index, 'rating'], `band ${index + 1} in the list names no rating`);
    else {
      rating = ratingNamed(given);
      // Unknown ratings are only worth reporting once the ratings themselves are sound.
      if (rating === undefined && ratings) {
        fault(
          ['bands', index, 'rating'],
          `${label} names rating "${given}", which is not one of the ratings (${ratingList(ratings)})`,
        );
      }
    }
    const bounds: number[] = [];
    for (const key of ['min', 'max'] as const) {
      const value = entry[key];
      if (value === undefined || value === null || value === '')
        fault(['bands', index, key], `${label} has no ${key}`);
      else if (typeof value !== 'number' || !Number.isFinite(value)) {
        fault(['bands', index, key], `${label} ${key} ${describeMatrixValue(value)} is not a number`);
      } else bounds.push(value);
    }
    const [min, max] = bounds;
    if (rating === undefined || min === undefined || max === undefined) {
      ok = false;
      return;
    }
    if (min > max) {
      fault(['bands', index, 'min'], `${label} min ${min} is greater than its max ${max}`);
      ok = false;
      return;
    }
    bands.push({ rating, min, max });
  });
  if (!ok) return undefined;
  for (let a = 0; a < bands.length; a++) {
    for (let b = a + 1; b < bands.length; b++) {
      const [listed, later] = [bands[a]!, bands[b]!];
      if (listed.min <= later.max && later.min <= listed.max) {
        // Named low to high however they were listed; the fault sits on the later-listed band.
        const [first, second] = listed.min <= later.min ? [listed, later] : [later, listed];
        fault(
          ['bands', b],
          `bands ${first.rating} (${first.min}-${first.max}) and ${second.rating} (${second.min}-${second.max}) overlap at ` +
            rangeText(Math.max(first.min, second.min), Math.min(first.max, second.max)),
        );
        ok = false;
      }
    }
  }
  return ok ? bands : undefined;
}

function rangeText(low: number, high: number): string {
  return low === high ? String(low) : `${low}-${high}`;
}

function checkGrid(
  input: readonly unknown[] | null,
  impactLevels: number | undefined,
  probabilityLevels: number | undefined,
  ratings: readonly MatrixRating[] | undefined,
  ratingNamed: (name: string) => string | undefined,
  fault: Fault,
): string[][] | undefined {
  // Without sound levels and ratings the grid's shape and names cannot be judged.
  if (!input || impactLevels === undefined || probabilityLevels === undefined || !ratings) return undefined;
  if (input.length !== probabilityLevels) {
    fault(
      ['grid'],
      `grid has ${input.length} rows but there are ${probabilityLevels} probability levels (one row each, probability 1 first)`,
    );
    return undefined;
  }
  const grid: string[][] = [];
  let ok = true;
  input.forEach((row: unknown, p) => {
    if (!Array.isArray(row) || row.length !== impactLevels) {
      const found = Array.isArray(row) ? `${row.length} cells` : describeMatrixValue(row);
      fault(
        ['grid', p],
        `grid row for probability ${p + 1} has ${found} but there are ${impactLevels} impact levels`,
      );
      ok = false;
      return;
    }
    grid.push(
      row.map((cell: unknown, i) => {
        const name = typeof cell === 'string' ? ratingNamed(cell) : undefined;
        if (
          name === undefined &&
          (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))
        ) {
          fault(
            ['grid', p, i],
            `grid cell impact ${i + 1} × probability ${p + 1} is blank: name one of the ratings (${ratingList(ratings)})`,
          );
          ok = false;
          return '';
        }
        if (name === undefined) {
          fault(
            ['grid', p, i],
            `grid cell impact ${i + 1} × probability ${p + 1} names ${describeMatrixValue(cell)}, which is not one of the ratings (${ratingList(ratings)})`,
          );
          ok = false;
          return '';
        }
        return name;
      }),
    );
  });
  return ok ? grid : undefined;
}

/**
 * The matrix's appetite: an object with an optional `default` and `categories` (name → appetite),
 * each a score within the matrix or one of its rating names.
 */
function checkAppetite(
  input: unknown,
  scale: AppetiteScale,
  fault: Fault,
): { spec: AppetiteSpec; checked: MatrixAppetite } | undefined {
  if (typeof input !== 'object' || Array.isArray(input) || input === null) {
    fault(['appetite'], 'appetite must be an object with a default and/or categories');
    return undefined;
  }
  const given = input as Record<string, unknown>;
  let ok = true;
  const read = (value: unknown, path: (string | number)[], what: string): Appetite | undefined => {
    const appetite = appetiteFrom(value, scale, what);
    if (typeof appetite !== 'string') return appetite;
    fault(path, appetite);
    ok = false;
    return undefined;
  };
  const spec: { default?: number | string; categories?: Record<string, number | string> } = {};
  const categories = new Map<string, Appetite>();
  let byDefault: Appetite | undefined;
  if (given.default !== undefined && given.default !== null && given.default !== '') {
    byDefault = read(given.default, ['appetite', 'default'], 'default appetite');
    if (byDefault) spec.default = appetiteValue(byDefault);
  }
  const listed = given.categories;
  if (listed !== undefined && listed !== null) {
    if (typeof listed !== 'object' || Array.isArray(listed)) {
      fault(
        ['appetite', 'categories'],
        'appetite categories must be an object giving each category a score or a rating',
      );
      return undefined;
    }
    spec.categories = {};
    for (const [name, value] of Object.entries(listed as Record<string, unknown>)) {
      const appetite = read(value, ['appetite', 'categories', name], `appetite for "${name.trim()}"`);
      if (!appetite) continue;
      spec.categories[name.trim()] = appetiteValue(appetite);
      categories.set(name.trim().toLowerCase(), appetite);
    }
  }
  if (!ok) return undefined;
  return { spec, checked: { ...(byDefault ? { default: byDefault } : {}), categories } };
}
