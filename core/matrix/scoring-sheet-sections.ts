/**
 * The sections of a Scoring sheet read into the JSON form of a matrix, remembering which cell
 * each part came from so a fault found later points back at its cell.
 */
import { a1, isBlank, type CellValue } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import { issueError, issueWarning, type Issue } from '../issues/issue.ts';
import type { MatrixDraft } from './check-matrix.ts';
import type { MatrixFault } from './matrix.ts';
import { readGridSection } from './scoring-sheet-grid.ts';
import {
  HEADERS,
  DEFAULT_APPETITE_ROW,
  SECTION_TITLES,
  keyOf,
  numberOf,
  pathKey,
  type CellMap,
  type Section,
  type SectionName,
} from './scoring-sheet-layout.ts';

type Role = keyof typeof HEADERS;
type Path = readonly (string | number)[];

export class ScoringSheetSections {
  readonly issues: Issue[] = [];
  /** The matrix in its JSON form, as far as the sheet gives it. */
  readonly spec: { -readonly [K in keyof MatrixDraft]: MatrixDraft[K] } = {};
  private readonly sections = new Map<SectionName, Section>();
  private readonly cells: CellMap = new Map();

  constructor(
    private readonly sheet: string,
    private readonly rows: readonly (readonly CellValue[])[],
  ) {}

  /** True when no section title was found: the sheet is not a matrix at all. */
  get isEmpty(): boolean {
    return this.sections.size === 0;
  }

  has(name: SectionName): boolean {
    return this.sections.has(name);
  }

  /** Finds each section: its title row, then a header row and data rows up to a blank row or the next title. */
  findSections(): void {
    for (let row = 0; row < this.rows.length; row++) {
      const title = this.titleOf(row);
      if (!title) continue;
      const first = this.sections.get(title.name);
      if (first) {
        this.error(
          a1(row, title.column),
          `a second ${SECTION_TITLES[title.name].label} section; the first is at ${a1(first.row, first.column)}`,
        );
        continue;
      }
      this.sections.set(title.name, {
        name: title.name,
        row,
        column: title.column,
        ...this.extentAfter(row, title.name),
      });
    }
  }

  /** Matrix name: the first filled cell right of the title; the sheet's name when no row names it. */
  readName(): void {
    const section = this.sections.get('matrix');
    if (!section) {
      this.spec.name = this.sheet;
      this.issues.push(
        issueWarning(this.sheet, 'A1', `no "Matrix" row names the matrix, so it is called "${this.sheet}"`),
      );
      return;
    }
    const row = this.rows[section.row] ?? [];
    const column = row.findIndex((value, index) => index > section.column && !isBlank(value));
    this.place(['name'], section.row, column < 0 ? section.column + 1 : column);
    this.spec.name = column < 0 ? '' : cellText(row[column]);
  }

  readLevels(axis: 'impact' | 'probability'): void {
    const section = this.sections.get(axis);
    if (!section) {
      this.error('A1', `the Scoring sheet has no ${SECTION_TITLES[axis].label} section`);
      return;
    }
    if (section.header === undefined) {
      this.missing(axis, 'header row (Level, Label, Description, …)');
      return;
    }
    const roles: readonly Role[] =
      axis === 'impact'
        ? ['level', 'label', 'description']
        : ['level', 'label', 'description', 'chance', 'frequency'];
    const { found, others } = this.columnsOf(section, roles);
    if (found.level === undefined || found.label === undefined) {
      this.missing(axis, found.level === undefined ? 'Level column' : 'Label column');
      return;
    }
    // Impact takes its other columns as categories; Probability has none.
    if (axis === 'probability') for (const column of others) this.notRead(section.header, column);
    const columns = { ...found, level: found.level, label: found.label };
    this.spec[axis] = section.body.map((row, index) =>
      this.readLevel(axis, section, row, index, columns, axis === 'impact' ? others : []),
    );
    this.place([axis], section.row, section.column);
  }

  readRatings(): void {
    const section = this.sections.get('ratings');
    if (!section) {
      this.error('A1', 'the Scoring sheet has no Ratings section');
      return;
    }
    if (section.header === undefined) {
      this.missing('ratings', 'header row (Rating, Colour, Font colour)');
      return;
    }
    const { found } = this.columnsOf(section, ['rating', 'colour', 'fontColour']);
    if (found.rating === undefined) return this.missing('ratings', 'Rating column');
    if (found.colour === undefined) return this.missing('ratings', 'Colour column');
    const { rating: nameColumn, colour: colourColumn, fontColour: fontColumn } = found;
    this.place(['ratings'], section.row, section.column);
    this.spec.ratings = section.body.map((row, index) => {
      this.place(['ratings', index], row, nameColumn);
      this.place(['ratings', index, 'name'], row, nameColumn);
      this.place(['ratings', index, 'colour'], row, colourColumn);
      const rating: Record<string, unknown> = {
        name: this.text(row, nameColumn),
        colour: this.text(row, colourColumn),
      };
      if (fontColumn !== undefined) {
        this.place(['ratings', index, 'fontColour'], row, fontColumn);
        const font = this.text(row, fontColumn);
        if (font !== '') rating.fontColour = font;
      }
      return rating;
    });
  }

  readBands(): void {
    const section = this.sections.get('bands');
    if (!section) return;
    this.place(['bands'], section.row, section.column);
    if (section.header === undefined) return this.missing('bands', 'header row (Rating, Min, Max)');
    const { found } = this.columnsOf(section, ['rating', 'min', 'max']);
    const { rating, min, max } = found;
    if (rating === undefined) return this.missing('bands', 'Rating column');
    if (min === undefined) return this.missing('bands', 'Min column');
    if (max === undefined) return this.missing('bands', 'Max column');
    this.spec.bands = section.body.map((row, index) => {
      this.place(['bands', index], row, rating);
      for (const [key, column] of Object.entries(found)) this.place(['bands', index, key], row, column);
      return {
        rating: this.text(row, rating),
        min: numberOf(this.cell(row, min)),
        max: numberOf(this.cell(row, max)),
      };
    });
  }

  readGrid(): void {
    const section = this.sections.get('grid');
    if (!section) return;
    this.place(['grid'], section.row, section.column);
    const { impact, probability } = this.spec;
    const read = readGridSection(
      section,
      this.rows,
      Array.isArray(impact) ? impact.length : undefined,
      Array.isArray(probability) ? probability.length : undefined,
    );
    if (read.grid) {
      this.spec.grid = read.grid;
      for (const [path, address] of read.cells) this.cells.set(path, address);
    }
    this.issues.push(
      ...read.problems.map((problem) => issueError(this.sheet, problem.cell, problem.message)),
    );
  }

  /** The Appetite section: a `Default` row and a row per category, each a score or a rating name. */
  readAppetite(): void {
    const section = this.sections.get('appetite');
    if (!section) return;
    this.place(['appetite'], section.row, section.column);
    if (section.header === undefined) return this.missing('appetite', 'header row (Category, Appetite)');
    const { found } = this.columnsOf(section, ['category', 'appetite']);
    const { category, appetite } = found;
    if (category === undefined) return this.missing('appetite', 'Category column');
    if (appetite === undefined) return this.missing('appetite', 'Appetite column');
    const spec: { default?: unknown; categories: Record<string, unknown> } = { categories: {} };
    for (const row of section.body) {
      const name = this.text(row, category);
      const value = numberOf(this.cell(row, appetite));
      if (keyOf(name) === keyOf(DEFAULT_APPETITE_ROW)) {
        spec.default = value;
        this.place(['appetite', 'default'], row, appetite);
      } else if (name !== '') {
        spec.categories[name] = value ?? '';
        this.place(['appetite', 'categories', name], row, appetite);
      } else this.error(a1(row, category), 'this appetite row names no category (or Default)');
    }
    this.spec.appetite = spec;
  }

  /** Reports the matrix's own faults at the cells they came from, leaving out what is reported already. */
  reportFaults(faults: readonly MatrixFault[]): void {
    for (const fault of faults) {
      // Faults about parts that could not be read at all are already reported, by the cell.
      const section = fault.path[0];
      if (typeof section === 'string' && section !== 'name' && !(section in this.spec)) continue;
      if (fault.path.length === 0 && (this.has('bands') || this.has('grid'))) continue;
      this.error(this.addressOf(fault), fault.message);
    }
  }

  private readLevel(
    axis: 'impact' | 'probability',
    section: Section,
    row: number,
    index: number,
    found: Partial<Record<Role, number>> & { level: number; label: number },
    categoryColumns: readonly number[],
  ): Record<string, unknown> {
    const level: Record<string, unknown> = {
      value: numberOf(this.cell(row, found.level)),
      label: this.text(row, found.label),
      description: found.description === undefined ? '' : this.text(row, found.description),
    };
    this.place([axis, index], row, found.level);
    this.place([axis, index, 'value'], row, found.level);
    this.place([axis, index, 'label'], row, found.label);
    if (found.description !== undefined) this.place([axis, index, 'description'], row, found.description);
    if (categoryColumns.length > 0) {
      const categories: Record<string, string> = {};
      for (const column of categoryColumns) {
        const text = this.text(row, column);
        if (text !== '') categories[this.text(section.header!, column)] = text;
      }
      this.place([axis, index, 'categories'], row, categoryColumns[0]!);
      if (Object.keys(categories).length > 0) level.categories = categories;
    }
    for (const key of ['chance', 'frequency'] as const) {
      const column = found[key];
      if (column === undefined) continue;
      const text = this.text(row, column);
      this.place([axis, index, key], row, column);
      if (text !== '') level[key] = text;
    }
    return level;
  }

  private titleOf(row: number): { name: SectionName; column: number } | undefined {
    const cells = this.rows[row] ?? [];
    const column = cells.findIndex((value) => !isBlank(value));
    if (column < 0) return undefined;
    const key = keyOf(cells[column]);
    const name = (Object.keys(SECTION_TITLES) as SectionName[]).find((section) =>
      SECTION_TITLES[section].aliases.includes(key),
    );
    return name && { name, column };
  }

  /** The header row and data rows after a title row; the Matrix row has neither. */
  private extentAfter(row: number, name: SectionName): { header?: number; body: number[] } {
    const body: number[] = [];
    if (name === 'matrix') return { body };
    const rows = this.rows.length;
    let next = row + 1;
    while (next < rows && this.rowIsBlank(next)) next++;
    if (next >= rows || this.titleOf(next)) return { body };
    const header = next++;
    while (next < rows && !this.rowIsBlank(next) && !this.titleOf(next)) body.push(next++);
    return { header, body };
  }

  /** Columns of a section's header row by role; the rest are returned for the caller to use or flag. */
  private columnsOf(section: Section, roles: readonly Role[]) {
    const found: Partial<Record<Role, number>> = {};
    const others: number[] = [];
    const header = this.rows[section.header!] ?? [];
    header.forEach((value, column) => {
      if (isBlank(value)) return;
      const key = keyOf(value);
      const role = roles.find((candidate) => (HEADERS[candidate] as readonly string[]).includes(key));
      if (role !== undefined && found[role] === undefined) found[role] = column;
      else others.push(column);
    });
    return { found, others };
  }

  private addressOf(fault: MatrixFault): string {
    for (let length = fault.path.length; length > 0; length--) {
      const address = this.cells.get(pathKey(fault.path.slice(0, length)));
      if (address) return address;
    }
    return this.titleCell(this.has('matrix') ? 'matrix' : 'impact');
  }

  private titleCell(name: SectionName): string {
    const section = this.sections.get(name);
    return section ? a1(section.row, section.column) : 'A1';
  }

  private notRead(header: number, column: number): void {
    this.issues.push(
      issueWarning(this.sheet, a1(header, column), `column "${this.text(header, column)}" is not read`),
    );
  }

  private missing(section: SectionName, what: string): void {
    this.error(this.titleCell(section), `the ${SECTION_TITLES[section].label} section has no ${what}`);
  }

  private error(cell: string, message: string): void {
    this.issues.push(issueError(this.sheet, cell, message));
  }

  private place(path: Path, row: number, column: number): void {
    this.cells.set(pathKey(path), a1(row, column));
  }

  private cell(row: number, column: number): CellValue | undefined {
    return this.rows[row]?.[column];
  }

  private text(row: number, column: number): string {
    return cellText(this.cell(row, column));
  }

  private rowIsBlank(row: number): boolean {
    return (this.rows[row] ?? []).every((value) => isBlank(value));
  }
}
