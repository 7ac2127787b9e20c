/**
 * The Scoring sheet: the risk matrix in spreadsheet form (PRODUCT §2), written and read back
 * without loss. Sections are found by their title ("Impact", "Probability", "Ratings", "Bands",
 * "Grid", and a "Matrix" row naming it), so users may move, space or reorder them; each section
 * is a title row, a header row and data rows up to the next blank row or title.
 */
import { a1, isBlank, type CellValue, type SheetGrid } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import { numberFromText } from '../cells/number-text.ts';
import { issueError, issueWarning, type Issue } from '../issues/issue.ts';
import {
  levelRangeText,
  validateMatrix,
  type MatrixFault,
  type MatrixSpec,
  type RiskMatrix,
} from './matrix.ts';

export interface ScoringSheetRead {
  /** The matrix as read, present exactly when there are no errors. */
  readonly spec?: MatrixSpec;
  /** The same matrix checked, for callers that compute with it straight away. */
  readonly matrix?: RiskMatrix;
  readonly issues: Issue[];
}

/** The sheet's name in a register workbook. */
export const SCORING_SHEET_NAME = 'Scoring';

type SectionName = 'matrix' | 'impact' | 'probability' | 'ratings' | 'bands' | 'grid';

/** Titles as written, and the other spellings read back. */
const SECTION_TITLES: Readonly<
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
};

const HEADERS = {
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
} as const;

const GRID_CORNER = 'Probability \\ Impact';

/** Case, spaces, punctuation and notes in brackets do not matter in titles and headers. */
function keyOf(value: CellValue | undefined): string {
  return cellText(value)
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

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
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
}

interface Section {
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
type CellMap = Map<string, string>;

function pathKey(path: readonly (string | number)[]): string {
  return path.join('/');
}

/**
 * Reads a Scoring sheet into a matrix, with each problem addressed to its cell. Never throws.
 * @example readScoringSheet({ name: 'Scoring', rows: scoringSheetRows(spec) }).spec // deep-equals spec
 */
export function readScoringSheet(grid: SheetGrid): ScoringSheetRead {
  const sheet = grid.name;
  // Hosts hand over rows of cells; anything else is read as empty rather than thrown over.
  const rows: readonly (readonly CellValue[])[] = Array.isArray(grid.rows)
    ? grid.rows.map((row: unknown) => (Array.isArray(row) ? (row as CellValue[]) : []))
    : [];
  const issues: Issue[] = [];
  const at = (row: number, column: number) => a1(row, column);
  const cell = (row: number, column: number): CellValue | undefined => rows[row]?.[column];
  const rowIsBlank = (row: number) => (rows[row] ?? []).every((value) => isBlank(value));

  const titleOf = (row: number): { name: SectionName; column: number } | undefined => {
    const cells = rows[row] ?? [];
    const column = cells.findIndex((value) => !isBlank(value));
    if (column < 0) return undefined;
    const key = keyOf(cells[column]);
    const name = (Object.keys(SECTION_TITLES) as SectionName[]).find((section) =>
      SECTION_TITLES[section].aliases.includes(key),
    );
    return name && { name, column };
  };

  const sections = new Map<SectionName, Section>();
  for (let row = 0; row < rows.length; row++) {
    const title = titleOf(row);
    if (!title) continue;
    if (sections.has(title.name)) {
      const first = sections.get(title.name)!;
      issues.push(
        issueError(
          sheet,
          at(row, title.column),
          `a second ${SECTION_TITLES[title.name].label} section; the first is at ${at(first.row, first.column)}`,
        ),
      );
      continue;
    }
    let next = row + 1;
    let header: number | undefined;
    const body: number[] = [];
    if (title.name !== 'matrix') {
      while (next < rows.length && rowIsBlank(next)) next++;
      if (next < rows.length && !titleOf(next)) header = next++;
      while (header !== undefined && next < rows.length && !rowIsBlank(next) && !titleOf(next))
        body.push(next++);
    }
    sections.set(title.name, { name: title.name, row, column: title.column, header, body });
  }

  const cells: CellMap = new Map();
  const place = (path: readonly (string | number)[], row: number, column: number) =>
    cells.set(pathKey(path), at(row, column));
  const titleCell = (name: SectionName) => {
    const section = sections.get(name);
    return section ? at(section.row, section.column) : 'A1';
  };

  // Matrix name: the first filled cell right of the title.
  let name: unknown;
  const matrixSection = sections.get('matrix');
  if (matrixSection) {
    const row = rows[matrixSection.row] ?? [];
    const column = row.findIndex((value, index) => index > matrixSection.column && !isBlank(value));
    place(['name'], matrixSection.row, column < 0 ? matrixSection.column + 1 : column);
    name = column < 0 ? '' : cellText(row[column]);
  } else {
    name = sheet;
    issues.push(issueWarning(sheet, 'A1', `no "Matrix" row names the matrix, so it is called "${sheet}"`));
  }

  const spec: Record<string, unknown> = { name };
  const missing = (section: SectionName, what: string) =>
    issues.push(
      issueError(sheet, titleCell(section), `the ${SECTION_TITLES[section].label} section has no ${what}`),
    );

  /** Columns of a section's header row by role; the rest are returned for the caller to use or flag. */
  const columnsOf = (section: Section, roles: readonly (keyof typeof HEADERS)[]) => {
    const found: Partial<Record<keyof typeof HEADERS, number>> = {};
    const others: number[] = [];
    const header = rows[section.header!] ?? [];
    header.forEach((value, column) => {
      if (isBlank(value)) return;
      const key = keyOf(value);
      const role = roles.find((candidate) => (HEADERS[candidate] as readonly string[]).includes(key));
      if (role !== undefined && found[role] === undefined) found[role] = column;
      else others.push(column);
    });
    return { found, others };
  };

  const readLevels = (axis: 'impact' | 'probability') => {
    const section = sections.get(axis);
    if (!section) {
      issues.push(issueError(sheet, 'A1', `the Scoring sheet has no ${SECTION_TITLES[axis].label} section`));
      return;
    }
    if (section.header === undefined) {
      missing(axis, 'header row (Level, Label, Description, …)');
      return;
    }
    const roles =
      axis === 'impact'
        ? (['level', 'label', 'description'] as const)
        : (['level', 'label', 'description', 'chance', 'frequency'] as const);
    const { found, others } = columnsOf(section, roles);
    if (found.level === undefined || found.label === undefined) {
      missing(axis, found.level === undefined ? 'Level column' : 'Label column');
      return;
    }
    if (axis === 'probability') {
      for (const column of others) {
        issues.push(
          issueWarning(
            sheet,
            at(section.header, column),
            `column "${cellText(cell(section.header, column))}" is not read`,
          ),
        );
      }
    }
    const levelColumn = found.level;
    const labelColumn = found.label;
    spec[axis] = section.body.map((row, index) => {
      const level: Record<string, unknown> = {
        value: numberOf(cell(row, levelColumn)),
        label: cellText(cell(row, labelColumn)),
        description: found.description === undefined ? '' : cellText(cell(row, found.description)),
      };
      place([axis, index], row, levelColumn);
      place([axis, index, 'value'], row, levelColumn);
      place([axis, index, 'label'], row, labelColumn);
      if (found.description !== undefined) place([axis, index, 'description'], row, found.description);
      if (axis === 'impact' && others.length > 0) {
        const categories: Record<string, string> = {};
        for (const column of others) {
          const text = cellText(cell(row, column));
          if (text !== '') categories[cellText(cell(section.header!, column))] = text;
        }
        place([axis, index, 'categories'], row, others[0]!);
        if (Object.keys(categories).length > 0) level.categories = categories;
      }
      for (const key of ['chance', 'frequency'] as const) {
        const column = found[key];
        if (column === undefined) continue;
        const text = cellText(cell(row, column));
        place([axis, index, key], row, column);
        if (text !== '') level[key] = text;
      }
      return level;
    });
    place([axis], section.row, section.column);
  };
  readLevels('impact');
  readLevels('probability');

  const ratingsSection = sections.get('ratings');
  if (!ratingsSection) issues.push(issueError(sheet, 'A1', 'the Scoring sheet has no Ratings section'));
  else if (ratingsSection.header === undefined)
    missing('ratings', 'header row (Rating, Colour, Font colour)');
  else {
    const { found } = columnsOf(ratingsSection, ['rating', 'colour', 'fontColour']);
    if (found.rating === undefined) missing('ratings', 'Rating column');
    else if (found.colour === undefined) missing('ratings', 'Colour column');
    else {
      place(['ratings'], ratingsSection.row, ratingsSection.column);
      spec.ratings = ratingsSection.body.map((row, index) => {
        place(['ratings', index], row, found.rating!);
        place(['ratings', index, 'name'], row, found.rating!);
        place(['ratings', index, 'colour'], row, found.colour!);
        const rating: Record<string, unknown> = {
          name: cellText(cell(row, found.rating!)),
          colour: cellText(cell(row, found.colour!)),
        };
        if (found.fontColour !== undefined) {
          place(['ratings', index, 'fontColour'], row, found.fontColour);
          const font = cellText(cell(row, found.fontColour));
          if (font !== '') rating.fontColour = font;
        }
        return rating;
      });
    }
  }

  const bandsSection = sections.get('bands');
  if (bandsSection) {
    place(['bands'], bandsSection.row, bandsSection.column);
    if (bandsSection.header === undefined) missing('bands', 'header row (Rating, Min, Max)');
    else {
      const { found } = columnsOf(bandsSection, ['rating', 'min', 'max']);
      const absent = (['rating', 'min', 'max'] as const).find((role) => found[role] === undefined);
      if (absent)
        missing('bands', `${absent === 'rating' ? 'Rating' : absent === 'min' ? 'Min' : 'Max'} column`);
      else {
        spec.bands = bandsSection.body.map((row, index) => {
          place(['bands', index], row, found.rating!);
          place(['bands', index, 'rating'], row, found.rating!);
          place(['bands', index, 'min'], row, found.min!);
          place(['bands', index, 'max'], row, found.max!);
          return {
            rating: cellText(cell(row, found.rating!)),
            min: numberOf(cell(row, found.min!)),
            max: numberOf(cell(row, found.max!)),
          };
        });
      }
    }
  }

  const gridSection = sections.get('grid');
  if (gridSection) {
    place(['grid'], gridSection.row, gridSection.column);
    const read = readGridSection(
      gridSection,
      rows,
      Array.isArray(spec.impact) ? spec.impact.length : undefined,
      Array.isArray(spec.probability) ? spec.probability.length : undefined,
    );
    if (read.grid) {
      spec.grid = read.grid;
      for (const [path, address] of read.cells) cells.set(path, address);
    }
    issues.push(...read.problems.map((problem) => issueError(sheet, problem.cell, problem.message)));
  }

  const { matrix, faults } = validateMatrix(spec);
  const addressOf = (fault: MatrixFault) => {
    for (let length = fault.path.length; length > 0; length--) {
      const address = cells.get(pathKey(fault.path.slice(0, length)));
      if (address) return address;
    }
    return titleCell(matrixSection ? 'matrix' : 'impact');
  };
  for (const fault of faults) {
    // Faults about parts that could not be read at all are already reported, by the cell.
    const section = fault.path[0];
    if (typeof section === 'string' && section !== 'name' && !(section in spec)) continue;
    if (fault.path.length === 0 && (bandsSection || gridSection)) continue;
    issues.push(issueError(sheet, addressOf(fault), fault.message));
  }
  if (!matrix || issues.some((issue) => issue.severity === 'error')) return { issues };
  return { spec: matrix.spec, matrix, issues };
}

/** A cell as a number where it holds one (typed or as text); otherwise its text, for the message. */
function numberOf(value: CellValue | undefined): unknown {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  if (text === '') return null;
  return numberFromText(text) ?? text;
}

/**
 * The Grid section: impact levels across its header row, probability levels down its first
 * column, in any order. The labels decide where each cell goes, so they are checked here.
 */
function readGridSection(
  section: Section,
  rows: readonly (readonly CellValue[])[],
  impactLevels: number | undefined,
  probabilityLevels: number | undefined,
): { grid?: string[][]; cells: Map<string, string>; problems: { cell: string; message: string }[] } {
  const problems: { cell: string; message: string }[] = [];
  const cells = new Map<string, string>();
  const title = a1(section.row, section.column);
  if (section.header === undefined) {
    return {
      cells,
      problems: [
        {
          cell: title,
          message: `the Grid section has no header row (${GRID_CORNER}, then the impact levels)`,
        },
      ],
    };
  }
  const header = section.header;
  const labelColumn = section.column;

  const levelsAlong = (
    what: 'impact' | 'probability',
    count: number | undefined,
    entries: readonly { row: number; column: number }[],
  ): Map<number, { row: number; column: number }> => {
    const found = new Map<number, { row: number; column: number }>();
    for (const entry of entries) {
      const value = rows[entry.row]?.[entry.column];
      const number = numberOf(value);
      const where = a1(entry.row, entry.column);
      if (typeof number !== 'number' || !Number.isInteger(number)) {
        problems.push({
          cell: where,
          message: `grid ${what} heading "${cellText(value)}" is not a whole number`,
        });
      } else if (count !== undefined && (number < 1 || number > count)) {
        problems.push({
          cell: where,
          message: `grid ${what} heading ${number} is outside ${levelRangeText(count)}`,
        });
      } else if (found.has(number)) {
        problems.push({ cell: where, message: `grid ${what} heading ${number} appears twice` });
      } else found.set(number, entry);
    }
    const expected = count ?? found.size;
    for (let level = 1; level <= expected; level++) {
      if (!found.has(level))
        problems.push({
          cell: title,
          message: `the Grid section has no ${what === 'impact' ? 'column' : 'row'} for ${what} ${level}`,
        });
    }
    return found;
  };

  const headerCells = (rows[header] ?? [])
    .map((value, column) => ({ row: header, column, value }))
    .filter((entry) => entry.column > labelColumn && !isBlank(entry.value));
  const impactColumns = levelsAlong('impact', impactLevels, headerCells);
  const probabilityRows = levelsAlong(
    'probability',
    probabilityLevels,
    section.body.map((row) => ({ row, column: labelColumn })),
  );
  if (problems.length > 0) return { cells, problems };

  const grid: string[][] = [];
  for (let p = 1; p <= probabilityRows.size; p++) {
    const row = probabilityRows.get(p)!.row;
    cells.set(pathKey(['grid', p - 1]), a1(row, labelColumn));
    const names: string[] = [];
    for (let i = 1; i <= impactColumns.size; i++) {
      const column = impactColumns.get(i)!.column;
      cells.set(pathKey(['grid', p - 1, i - 1]), a1(row, column));
      names.push(cellText(rows[row]?.[column]));
    }
    grid.push(names);
  }
  return { grid, cells, problems };
}
