/**
 * Finding columns by header (PRODUCT §2): users bring their own workbook, so a column is known
 * by its header text, case-insensitive and ignoring spaces and punctuation, with synonyms.
 * Column order does not matter and extra columns are left alone.
 */
import type { CellValue, SheetGrid } from '../cells/cell.ts';
import { a1, columnLetter, isBlank } from '../cells/cell.ts';
import { normaliseHeader } from '../cells/header-key.ts';
import type { AssessmentGroup, LevelBase } from './header-groups.ts';
import { GROUP_NAMES_TEXT, baseOfHeader, qualifiedHeaders } from './header-groups.ts';
import { UNKNOWN_GROUP, headerLayoutAt, isGroupRow, type HeaderLayout } from './header-layout.ts';

export { normaliseHeader };
import type { Issue } from '../issues/issue.ts';
import { issueError, issueWarning } from '../issues/issue.ts';
import { unrecognisedHeaders } from './unknown-headers.ts';

/** One column a reader looks for. */
export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  /** The canonical header, as templates and docs write it. */
  readonly header: string;
  /** How messages name the column (lower case, as in `impact 6 is outside 1-5`). */
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly required: boolean;
  /** A required column that another stands in for: Impact and Probability need not be there when a Rating is (ratings-only registers). */
  readonly unlessColumn?: K;
  /** A level column of an assessment group: found under a group row as well as by its header. */
  readonly group?: AssessmentGroup;
  readonly base?: LevelBase;
  /** Headers naming the group's column outright (`Gross likelihood`): matched like synonyms, not listed in messages. */
  readonly qualified?: readonly string[];
  /** Optional (PRODUCT §8): read when present, never added to a template or by Set up. */
  readonly extra?: true;
}

/** Columns a register may add to its data sheets (PRODUCT §8), read when present. */
export type GroupColumnKey =
  | 'inherentImpact'
  | 'inherentProbability'
  | 'inherentScore'
  | 'inherentRating'
  | 'targetImpact'
  | 'targetProbability'
  | 'targetScore'
  | 'targetRating'
  | 'targetDate';

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
  | GroupColumnKey
  | 'appetite'
  | 'category'
  | ManagementColumnKey;

/** The Risks columns of reviews, transfers and merged registers (PRODUCT §8), read when present. */
export type ManagementColumnKey = 'nextReview' | 'reviewFrequency' | 'transferredTo' | 'register';

export type AssessmentColumnKey =
  'riskId' | 'quarter' | 'impact' | 'probability' | 'score' | 'rating' | 'commentary' | GroupColumnKey;

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

/** A level column of a group: its qualified headers are its synonyms. */
function groupColumn<K extends string>(
  key: K,
  group: AssessmentGroup,
  base: LevelBase,
  header: string,
  extraSynonyms: readonly string[] = [],
  required = false,
): ColumnSpec<K> {
  const qualified = qualifiedHeaders(group, base).filter(
    (name) => normaliseHeader(name) !== normaliseHeader(header),
  );
  return {
    ...column(key, header, extraSynonyms, required),
    group,
    base,
    qualified,
    ...(group === 'residual' ? {} : { extra: true as const }),
  };
}

/** Inherent and target columns, the same on Risks (every quarter) and Assessments (one quarter). */
const GROUP_COLUMNS: readonly ColumnSpec<GroupColumnKey>[] = [
  groupColumn('inherentImpact', 'inherent', 'impact', 'Inherent impact'),
  groupColumn('inherentProbability', 'inherent', 'probability', 'Inherent probability'),
  groupColumn('inherentScore', 'inherent', 'score', 'Inherent score'),
  groupColumn('inherentRating', 'inherent', 'rating', 'Inherent rating'),
  groupColumn('targetImpact', 'target', 'impact', 'Target impact'),
  groupColumn('targetProbability', 'target', 'probability', 'Target probability'),
  groupColumn('targetScore', 'target', 'score', 'Target score'),
  groupColumn('targetRating', 'target', 'rating', 'Target rating'),
  {
    ...column('targetDate', 'Target date', ['Target completion date', 'Date target', 'Target by']),
    extra: true,
  },
];

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
  column('status', 'Status', ['Risk status', 'Current status']),
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
  ...GROUP_COLUMNS,
  {
    ...column('appetite', 'Appetite', ['Tolerance', 'Risk appetite', 'Risk tolerance', 'Appetite score']),
    extra: true,
  },
  { ...column('category', 'Category', ['Risk category', 'Appetite category', 'Risk type']), extra: true },
];

/** The Assessments sheet's columns, in template order. "Impact" here is the level (1-5). */
export const ASSESSMENT_COLUMNS: readonly ColumnSpec<AssessmentColumnKey>[] = [
  column('riskId', 'Risk ID', ['ID', 'Ref'], true, 'risk ID'),
  column('quarter', 'Quarter', ['Period'], true),
  {
    ...groupColumn('impact', 'residual', 'impact', 'Impact', ['Consequence', 'Severity'], true),
    unlessColumn: 'rating',
  },
  {
    ...groupColumn('probability', 'residual', 'probability', 'Probability', ['Likelihood'], true),
    unlessColumn: 'rating',
  },
  groupColumn('score', 'residual', 'score', 'Score', ['Risk score']),
  groupColumn('rating', 'residual', 'rating', 'Rating', ['Risk rating']),
  column('commentary', 'Commentary', ['Update', 'Notes', 'Comments', 'Comment']),
  ...GROUP_COLUMNS,
];

/** The columns a template and Set up write: the seed's, not the optional ones of PRODUCT §8. */
export function templateColumns<K extends string>(specs: readonly ColumnSpec<K>[]): ColumnSpec<K>[] {
  return specs.filter((spec) => !spec.extra);
}

/** Canonical Risks headers in template order. */
export const RISK_HEADERS: readonly string[] = templateColumns(RISK_COLUMNS).map((spec) => spec.header);

/** Canonical Assessments headers in template order. */
export const ASSESSMENT_HEADERS: readonly string[] = templateColumns(ASSESSMENT_COLUMNS).map(
  (spec) => spec.header,
);

export interface ColumnLocation<K extends string> {
  /** 0-based row of the headers: the first of the top rows naming every required column, else the first row with anything in it. */
  readonly headerRow: number;
  /** Column index (0-based) of each column found. */
  readonly columns: ReadonlyMap<K, number>;
  /** The row above the headers naming the assessment groups, when the sheet has one. */
  readonly groupRow?: number;
  /** An error per missing required column or repeated level column, a warning per other header that repeats one already found. */
  readonly issues: readonly Issue[];
}

/** How far down a title block above the headers may reach. */
export const HEADER_SEARCH_ROWS = 50;

/** Header lookups of one sheet's specs. */
interface HeaderKeys<K extends string> {
  readonly canonical: ReadonlyMap<string, K>;
  readonly synonym: ReadonlyMap<string, K>;
  /** `inherent/impact` → the key of that group's level column on this sheet. */
  readonly grouped: ReadonlyMap<string, K>;
}

function headerKeys<K extends string>(specs: readonly ColumnSpec<K>[]): HeaderKeys<K> {
  const canonical = new Map<string, K>();
  const synonym = new Map<string, K>();
  const grouped = new Map<string, K>();
  for (const spec of specs) {
    canonical.set(normaliseHeader(spec.header), spec.key);
    if (spec.group && spec.base) grouped.set(`${spec.group}/${spec.base}`, spec.key);
  }
  for (const spec of specs)
    for (const name of [...spec.synonyms, ...(spec.qualified ?? [])]) {
      const normal = normaliseHeader(name);
      if (!canonical.has(normal) && !synonym.has(normal)) synonym.set(normal, spec.key);
    }
  return { canonical, synonym, grouped };
}

/** One header cell read: the column it names, and whether by its canonical header. */
interface HeaderMatch<K extends string> {
  readonly key: K;
  readonly column: number;
  readonly rank: number;
  /** The group row's cell it was read under, when it was. */
  readonly grouped: boolean;
}

/** The columns a header row names, under its group row when it has one. */
function matchesOf<K extends string>(layout: HeaderLayout, keys: HeaderKeys<K>): HeaderMatch<K>[] {
  const matches: HeaderMatch<K>[] = [];
  layout.texts.forEach((text, column) => {
    const normal = normaliseHeader(text);
    if (normal === '') return;
    const group = layout.groups[column];
    const base = group === undefined ? undefined : baseOfHeader(text);
    if (group !== undefined && base !== undefined) {
      // Under a group, a level column is that group's: never another group's, never narrative.
      const key = group === UNKNOWN_GROUP ? undefined : keys.grouped.get(`${group}/${base}`);
      if (key !== undefined) matches.push({ key, column, rank: 0, grouped: true });
      return;
    }
    const key = keys.canonical.get(normal) ?? keys.synonym.get(normal);
    if (key !== undefined)
      matches.push({ key, column, rank: keys.canonical.has(normal) ? 0 : 1, grouped: false });
  });
  return matches;
}

/**
 * The header row: the first of the top rows that names every required column (read under the
 * group row above it, when there is one), so a title or a note above the table is skipped;
 * otherwise the first row with anything in it.
 */
function findHeaderLayout<K extends string>(
  rows: readonly (readonly CellValue[])[],
  specs: readonly ColumnSpec<K>[],
  keys: HeaderKeys<K>,
): HeaderLayout {
  const required = specs.filter((spec) => spec.required);
  const firstFilled = rows.findIndex((row) => Array.isArray(row) && row.some((value) => !isBlank(value)));
  if (firstFilled < 0) return headerLayoutAt(rows, 0, undefined);
  for (let r = firstFilled; r < Math.min(rows.length, firstFilled + HEADER_SEARCH_ROWS); r++) {
    if (!Array.isArray(rows[r])) continue;
    // A group row is read with the header row below it, never as the header row itself.
    const layout = isGroupRow(rows, r) ? headerLayoutAt(rows, r + 1, r) : headerLayoutAt(rows, r, undefined);
    const found = new Set(matchesOf(layout, keys).map((match) => match.key));
    if (required.length > 0 && required.every((spec) => !isMissing(spec, found))) return layout;
    if (layout.groupRow !== undefined) r++;
  }
  return headerLayoutAt(rows, firstFilled, undefined);
}

/** Where the header row was looked for, for the message when none names every required column. */
function searchedRows(rows: readonly (readonly CellValue[])[]): string {
  const first = rows.findIndex((row) => Array.isArray(row) && row.some((value) => !isBlank(value)));
  if (first < 0) return ': the sheet is empty';
  const last = Math.min(rows.length, first + HEADER_SEARCH_ROWS);
  return `: no row of rows ${first + 1}-${last} names it`;
}

/**
 * Finds the header row of a sheet and the column of each spec in it. A canonical header wins
 * over a synonym; otherwise the leftmost match wins and the others are warned about, so a
 * sheet with both `ID` and `Risk ID` still reads one well-defined column. A level column
 * (impact, probability, score, rating) that repeats is an error instead: which of them is the
 * residual assessment is for a group row to say, never for the reader to guess.
 * @example locateColumns({ name: 'Risks', rows: [['Risk name', 'ID']] }, RISK_COLUMNS).columns.get('id') // 1
 */
export function locateColumns<K extends string>(
  grid: SheetGrid,
  specs: readonly ColumnSpec<K>[],
): ColumnLocation<K> {
  const rows = Array.isArray(grid.rows) ? grid.rows : [];
  const keys = headerKeys(specs);
  const layout = findHeaderLayout(rows, specs, keys);
  const { headerRow } = layout;
  const matches = matchesOf(layout, keys);

  // Rank 0 is a canonical header (or a group's column), rank 1 a synonym; the best rank, then the leftmost, wins.
  const best = new Map<K, { column: number; rank: number }>();
  for (const match of matches) {
    const current = best.get(match.key);
    if (!current || match.rank < current.rank) best.set(match.key, match);
  }
  const issues: Issue[] = [
    ...layout.issues.map(({ column, message }) =>
      issueError(grid.name, a1(layout.groupRow ?? headerRow, column), message),
    ),
  ];
  const columns = new Map<K, number>();
  for (const [key, { column }] of best) columns.set(key, column);
  const isLevel = new Set(specs.filter((spec) => spec.base !== undefined).map((spec) => spec.key));
  for (const match of matches) {
    const chosen = columns.get(match.key)!;
    if (match.column === chosen) continue;
    const repeats = `column "${layout.texts[match.column]}" repeats "${layout.texts[chosen]}" (column ${columnLetter(chosen)})`;
    issues.push(
      isLevel.has(match.key)
        ? issueError(
            grid.name,
            a1(headerRow, match.column),
            `${repeats}: head the assessments in the row above with ${GROUP_NAMES_TEXT} so each is read as what it is`,
          )
        : issueWarning(grid.name, a1(headerRow, match.column), `${repeats}; it is ignored`),
    );
  }
  const looked = searchedRows(rows);
  for (const spec of specs) {
    if (isMissing(spec, columns)) {
      const names = spec.synonyms.length > 0 ? ` (or ${spec.synonyms.join(', ')})` : '';
      issues.push(
        issueError(grid.name, a1(headerRow, 0), `missing column "${spec.header}"${names}${looked}`),
      );
    }
  }
  // A header already matched (a repeat) or under an unknown group has its own issue above.
  const matched = new Set(matches.map((match) => match.column));
  const unexplained = layout.texts.map((text, column) =>
    matched.has(column) || layout.groups[column] === UNKNOWN_GROUP ? '' : text,
  );
  issues.push(...unrecognisedHeaders(grid.name, headerRow, unexplained, columns, specs));
  return {
    headerRow,
    columns,
    issues,
    ...(layout.groupRow !== undefined ? { groupRow: layout.groupRow } : {}),
  };
}

/** A required column neither found nor stood in for. */
export function isMissing<K extends string>(spec: ColumnSpec<K>, found: { has(key: K): boolean }): boolean {
  return (
    spec.required &&
    !found.has(spec.key) &&
    !(spec.unlessColumn !== undefined && found.has(spec.unlessColumn))
  );
}
