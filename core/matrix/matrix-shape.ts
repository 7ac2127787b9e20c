/**
 * Checking arbitrary JSON as a matrix (a `--matrix` file): first its shape — an object, lists
 * where the spec has lists, objects in them, texts where it has texts — then the matrix's rules
 * (check-matrix.ts), which a Scoring sheet needs without the shape checks (its reader builds the
 * shape itself).
 */
import {
  checkMatrixSpec,
  describeMatrixValue,
  type BandDraft,
  type DraftList,
  type Fault,
  type LevelDraft,
  type MatrixDraft,
  type RatingDraft,
} from './check-matrix.ts';
import type { MatrixCheck, MatrixFault, RiskMatrix } from './matrix.ts';

/**
 * Checks the JSON form of a matrix and resolves every cell to a rating.
 * @example checkMatrix({ name: 'X', impact: [], probability: [], ratings: [] }).ok // false
 * @example checkMatrix(DEFAULT_MATRIX_SPEC) // { ok: true, matrix: { impactLevels: 5, … } }
 */
export function checkMatrix(input: unknown): MatrixCheck {
  const { matrix, faults } = validateMatrix(input);
  return matrix ? { ok: true, matrix } : { ok: false, errors: faults.map((fault) => fault.message) };
}

/**
 * Like `checkMatrix`, but each fault keeps its path (the shape's faults first, then the rules').
 * `matrix` is present exactly when there are no faults.
 * @example validateMatrix({}).faults[0] // { path: ['name'], message: 'matrix name is missing' }
 */
export function validateMatrix(input: unknown): { matrix?: RiskMatrix; faults: MatrixFault[] } {
  const faults: MatrixFault[] = [];
  const fault: Fault = (path, message) => faults.push({ path, message });
  if (!isRecord(input)) {
    fault([], 'a matrix must be an object with name, impact, probability, ratings and bands or grid');
    return { faults };
  }
  const name = given(input.name);
  if (name !== undefined && typeof name !== 'string') fault(['name'], 'matrix name must be text');
  const draft: MatrixDraft = {
    name: name === undefined || typeof name === 'string' ? name : null,
    impact: levels(input.impact, 'impact', fault),
    probability: levels(input.probability, 'probability', fault),
    ratings: list<RatingDraft>(
      input.ratings,
      'ratings',
      'must list at least one rating, least severe first',
      fault,
      (index) => [`rating ${index + 1} in the list must be an object with name and colour`],
    ),
    bands: list<BandDraft>(input.bands, 'bands', 'must be a list of { rating, min, max }', fault, (index) => [
      `band ${index + 1} in the list must be an object with rating, min and max`,
    ]),
    grid: rows(input.grid, fault),
    appetite: given(input.appetite),
  };
  const checked = checkMatrixSpec(draft);
  return faults.length === 0 ? checked : { faults: [...faults, ...checked.faults] };
}

/** The grid: a list of rows, each row judged by the rules (which know how long it must be). */
function rows(input: unknown, fault: Fault): readonly unknown[] | null | undefined {
  const grid = given(input);
  if (grid === undefined || Array.isArray(grid)) return grid;
  fault(
    ['grid'],
    'grid must be a list of rows, one per probability level, each naming a rating per impact level',
  );
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON's null is an absent part. */
function given(value: unknown): unknown {
  return value === null ? undefined : value;
}

/**
 * A list of objects as the rules take it: absent stays absent, a list of the wrong kind is
 * `null` and each entry that is no object `null`, with a fault for each.
 */
function list<T>(
  input: unknown,
  key: 'impact' | 'probability' | 'ratings' | 'bands',
  notAList: string,
  fault: Fault,
  notAnObject: (index: number) => [string],
  entry: (value: Record<string, unknown>, index: number) => T = (value) => value as T,
): DraftList<T> | undefined {
  const value = given(input);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    fault([key], `${key} ${notAList}`);
    return null;
  }
  return value.map((item: unknown, index) => {
    if (isRecord(item)) return entry(item, index);
    fault([key, index], ...notAnObject(index));
    return null;
  });
}

/** Levels: objects whose optional texts are texts and whose categories map names to texts. */
function levels(
  input: unknown,
  axis: 'impact' | 'probability',
  fault: Fault,
): DraftList<LevelDraft> | undefined {
  return list<LevelDraft>(
    input,
    axis,
    'must be a list of levels',
    fault,
    (index) => [`${axis} level ${index + 1} in the list must be an object with value, label and description`],
    (entry, index) => {
      // Named by its number as the rules do, once it is one; the rules report it when it is not.
      const what = `${axis} level ${typeof entry.value === 'number' ? entry.value : index + 1}`;
      const level: Record<string, unknown> = { ...entry, categories: undefined };
      for (const key of ['description', 'chance', 'frequency'] as const) {
        const text = given(entry[key]);
        level[key] = text;
        if (text !== undefined && typeof text !== 'string') {
          fault([axis, index, key], `${what} ${key} must be text, not ${describeMatrixValue(text)}`);
          level[key] = undefined;
        }
      }
      const categories = given(entry.categories);
      if (categories !== undefined)
        level.categories = checkCategories(categories, [axis, index, 'categories'], what, fault);
      return level;
    },
  );
}

/** Each impact category's descriptor must be text. */
function checkCategories(
  input: unknown,
  path: readonly (string | number)[],
  what: string,
  fault: Fault,
): Record<string, string> | undefined {
  if (!isRecord(input)) {
    fault(path, `${what} categories must map each category name to text`);
    return undefined;
  }
  const categories: Record<string, string> = {};
  for (const [key, text] of Object.entries(input)) {
    if (typeof text !== 'string')
      fault(path, `${what} category "${key}" must be text, not ${describeMatrixValue(text)}`);
    else categories[key.trim()] = text.trim();
  }
  return categories;
}
