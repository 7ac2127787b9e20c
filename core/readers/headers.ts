/**
 * Finding columns by header (PRODUCT §2): users bring their own workbook, so a column is known
 * by its header text, case-insensitive and ignoring spaces and punctuation, with synonyms.
 * Column order does not matter and extra columns are left alone.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { a1, columnLetter, isBlank, isDateCell, isErrorCell } from '../cells/cell.ts';
import { cellText } from '../cells/cell-text.ts';
import { normaliseHeader } from '../cells/header-key.ts';

export { normaliseHeader };
import type { Issue } from '../issues/issue.ts';
import { issueError, issueWarning } from '../issues/issue.ts';

/** One column a reader looks for. */
export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  /** The canonical header, as templates and docs write it. */
  readonly header: string;
  /** How messages name the column (lower case, as in `impact 6 is outside 1-5`). */
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly required: boolean;
  /** Optional (PRODUCT §8): read when present, never added to a template or by Set up. */
  readonly extra?: true;
}

export type RiskColumnKey =
  | 'id'
  | 'name'
  | 'description'
  | 'impactNarrative'
  | 'controls'
  | 'owner'
  | 'status'
  | 'dateRaised'
  | 'dateClosed'
  | 'closureRationale'
  | 'closureReported'
  | ManagementColumnKey;

/** The Risks columns of reviews, transfers and merged registers (PRODUCT §8), read when present. */
export type ManagementColumnKey = 'nextReview' | 'reviewFrequency' | 'transferredTo' | 'register';

export type AssessmentColumnKey =
  'riskId' | 'quarter' | 'impact' | 'probability' | 'score' | 'rating' | 'commentary';

export const RISKS_SHEET_NAME = 'Risks';
export const ASSESSMENTS_SHEET_NAME = 'Assessments';

/** A column spec; its label is the header in lower case unless given. */
function column<K extends string>(
  key: K,
  header: string,
  synonyms: readonly string[],
  required = false,
  label = header.toLowerCase(),
): ColumnSpec<K> {
  return { key, header, label, synonyms, required };
}

/** Reviews, transfers and the register a merged risk came from: optional columns of Risks. */
function managementColumns(): ColumnSpec<ManagementColumnKey>[] {
  const extra = <K extends string>(spec: ColumnSpec<K>): ColumnSpec<K> => ({ ...spec, extra: true });
  return [
    extra(
      column('nextReview', 'Next review', [
        'Next review date',
        'Review date',
        'Date of next review',
        'Review due',
      ]),
    ),
    extra(
      column('reviewFrequency', 'Review frequency', ['Review cycle', 'Frequency of review', 'Review period']),
    ),
    extra(
      column('transferredTo', 'Transferred to', [
        'Escalated to',
        'De-escalated to',
        'Transferred',
        'Moved to',
      ]),
    ),
    extra(column('register', 'Register', ['Source register', 'From register', 'Register name'])),
  ];
}

/** The Risks sheet's columns, in template order. "Impact" here is narrative text. */
export const RISK_COLUMNS: readonly ColumnSpec<RiskColumnKey>[] = [
  column('id', 'ID', ['Risk ID', 'Ref', 'Risk ref', 'Reference'], true, 'ID'),
  column('name', 'Risk name', ['Name', 'Title', 'Risk', 'Risk title'], true),
  column('description', 'Description', ['Risk description']),
  column('impactNarrative', 'Impact', ['Impact description', 'Consequence', 'Consequences']),
  column('controls', 'Key controls and activities', [
    'Controls',
    'Mitigation',
    'Key controls',
    'Controls and activities',
    'Mitigations',
  ]),
  column('owner', 'Owner', ['Risk owner']),
  column('status', 'Status', ['Risk status']),
  column('dateRaised', 'Date raised', ['Opened', 'Date opened', 'Raised']),
  column('dateClosed', 'Date closed', ['Closed', 'Closed date', 'Closure date']),
  column('closureRationale', 'Closure rationale', [
    'Closed rationale',
    'Closure reason',
    'Reason for closure',
  ]),
  column('closureReported', 'Closure reported', [
    'Closure reported @ JAC',
    'Reported to committee',
    'Date closure reported',
  ]),
  ...managementColumns(),
];

/** The Assessments sheet's columns, in template order. "Impact" here is the level (1-5). */
export const ASSESSMENT_COLUMNS: readonly ColumnSpec<AssessmentColumnKey>[] = [
  column('riskId', 'Risk ID', ['ID', 'Ref'], true, 'risk ID'),
  column('quarter', 'Quarter', ['Period'], true),
  column('impact', 'Impact', ['Consequence', 'Severity'], true),
  column('probability', 'Probability', ['Likelihood'], true),
  column('score', 'Score', ['Risk score']),
  column('rating', 'Rating', ['Risk rating']),
  column('commentary', 'Commentary', ['Update', 'Notes', 'Comments', 'Comment']),
];

/** The columns a template and Set up write: the seed's, not the optional ones of PRODUCT §8. */
export function templateColumns<K extends string>(specs: readonly ColumnSpec<K>[]): ColumnSpec<K>[] {
  return specs.filter((spec) => !spec.extra);
}

/** Canonical Risks headers in template order. */
export const RISK_HEADERS: readonly string[] = templateColumns(RISK_COLUMNS).map((spec) => spec.header);

/** Canonical Assessments headers in template order. */
export const ASSESSMENT_HEADERS: readonly string[] = ASSESSMENT_COLUMNS.map((spec) => spec.header);

export interface ColumnLocation<K extends string> {
  /** 0-based row of the headers: the first of the top rows naming every required column, else the first row with anything in it. */
  readonly headerRow: number;
  /** Column index (0-based) of each column found. */
  readonly columns: ReadonlyMap<K, number>;
  /** An error per missing required column, a warning per header that repeats one already found. */
  readonly issues: readonly Issue[];
}

/** A header is typed: a date or an error cell (`#REF!` would read as "Ref") names no column. */
function headerText(value: CellValue | undefined): string {
  return isDateCell(value) || isErrorCell(value) ? '' : cellText(value);
}

/** How far down a title block above the headers may reach. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The header row: the first of the top rows that names every required column, so a title or
 * a note above the table is skipped; otherwise the first row with anything in it.
 */
function findHeaderRow<K extends string>(
  rows: readonly (readonly CellValue[])[],
  specs: readonly ColumnSpec<K>[],
  keyOf: (normalisedHeader: string) => K | undefined,
): number {
  const required = specs.filter((spec) => spec.required).map((spec) => spec.key);
  const firstFilled = rows.findIndex((row) => Array.isArray(row) && row.some((value) => !isBlank(value)));
  if (firstFilled < 0) return 0;
  for (let r = firstFilled; r < Math.min(rows.length, firstFilled + HEADER_SEARCH_ROWS); r++) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    const keys = new Set(row.map((value) => keyOf(normaliseHeader(headerText(value)))));
    if (required.length > 0 && required.every((key) => keys.has(key))) return r;
  }
  return firstFilled;
}

/**
 * Finds the header row of a sheet and the column of each spec in it. A canonical header wins
 * over a synonym; otherwise the leftmost match wins and the others are warned about, so a
 * sheet with both `ID` and `Risk ID` still reads one well-defined column.
 * @example locateColumns({ name: 'Risks', rows: [['Risk name', 'ID']] }, RISK_COLUMNS).columns.get('id') // 1
 */
export function locateColumns<K extends string>(
  grid: SheetGrid,
  specs: readonly ColumnSpec<K>[],
): ColumnLocation<K> {
  const rows = Array.isArray(grid.rows) ? grid.rows : [];
  const canonical = new Map<string, K>();
  const synonym = new Map<string, K>();
  for (const spec of specs) {
    canonical.set(normaliseHeader(spec.header), spec.key);
    for (const name of spec.synonyms) {
      const normal = normaliseHeader(name);
      if (!canonical.has(normal) && !synonym.has(normal)) synonym.set(normal, spec.key);
    }
  }

  const headerRow = findHeaderRow(rows, specs, (text) => canonical.get(text) ?? synonym.get(text));
  const headers: readonly CellValue[] = rows[headerRow] ?? [];

  // Rank 0 is a canonical header, rank 1 a synonym; the best rank, then the leftmost, wins.
  const best = new Map<K, { column: number; rank: number }>();
  const matches: { key: K; column: number; rank: number }[] = [];
  for (let column = 0; column < headers.length; column++) {
    const normal = normaliseHeader(headerText(headers[column]));
    if (normal === '') continue;
    const key = canonical.get(normal) ?? synonym.get(normal);
    if (key === undefined) continue;
    const rank = canonical.has(normal) ? 0 : 1;
    matches.push({ key, column, rank });
    const current = best.get(key);
    if (!current || rank < current.rank) best.set(key, { column, rank });
  }

  const issues: Issue[] = [];
  const columns = new Map<K, number>();
  for (const [key, { column }] of best) columns.set(key, column);
  for (const match of matches) {
    const chosen = columns.get(match.key)!;
    if (match.column === chosen) continue;
    issues.push(
      issueWarning(
        grid.name,
        a1(headerRow, match.column),
        `column "${headerText(headers[match.column])}" repeats "${headerText(headers[chosen])}" ` +
          `(column ${columnLetter(chosen)}); it is ignored`,
      ),
    );
  }
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.key)) {
      const names = spec.synonyms.length > 0 ? ` (or ${spec.synonyms.join(', ')})` : '';
      issues.push(issueError(grid.name, a1(headerRow, 0), `missing column "${spec.header}"${names}`));
    }
  }
  return { headerRow, columns, issues };
}
