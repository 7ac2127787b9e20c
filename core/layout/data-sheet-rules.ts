/**
 * The rules that guide editing of the data sheets (Risks, Assessments): validation with the
 * scoring guidance as help text, and conditional formats. One function per sheet, so a new
 * workbook, Set up and the re-check after a paste all apply the very same rules. Columns are
 * found by header, so the rules fit a user's own column order; rules cover a span of rows,
 * never whole columns (whole-column rules are slow to read back in exceljs and Office.js).
 */
import { columnLetter } from '../cells/cell.ts';
import type {
  AssessmentColumnKey,
  ColumnLocation,
  GroupColumnKey,
  RiskColumnKey,
} from '../readers/headers.ts';
import { RISK_COLUMNS, RISKS_SHEET_NAME } from '../readers/headers.ts';
import { REVIEW_FREQUENCIES } from '../readers/review-frequency.ts';
import { RISK_STATUSES, RISK_STATUS_CHOICES } from '../readers/risk-status.ts';
import { choicesText } from '../issues/messages.ts';
import { isRatingsOnlyMatrix, type MatrixLevel, type RiskMatrix } from '../matrix/matrix.ts';
import type { SheetRules } from '../ports/workbook-port.ts';
import type { CellRange, ConditionalFormat, DataValidation } from './sheet-plan.ts';
import { ratingStyle } from './styles.ts';
import { formulaString } from '../functions/formula-text.ts';
import { MAX_INLINE_LIST } from './validation-list.ts';

/** Empty rows below the data that still get the rules, so new risks are checked as they are typed. */
export const VALIDATION_MARGIN = 500;

/** Excel caps validation prompt text at 255 characters. */
const PROMPT_MAX = 255;

/** The 0-based rows, inclusive, that rules are written for. */
export interface RowSpan {
  readonly top: number;
  readonly bottom: number;
}

/** The rows Set up covers: every data row below the header, plus the margin. */
export function dataRowSpan(headerRow: number, usedRows: number): RowSpan {
  const dataRows = Math.max(usedRows - headerRow - 1, 0);
  return { top: headerRow + 1, bottom: headerRow + dataRows + VALIDATION_MARGIN };
}

/** `$A$2:$A$523`: the rows a rule covers in one column, absolute so it holds for every cell. */
function absoluteColumnRange(column: number, span: RowSpan): string {
  const letter = columnLetter(column);
  return `$${letter}$${span.top + 1}:$${letter}$${span.bottom + 1}`;
}

/** Where the Risks sheet keeps its IDs, as a formula reference: `Risks!$A$2:$A$523`. */
export function riskIdRangeReference(idColumn: number, span: RowSpan): string {
  return `${RISKS_SHEET_NAME}!${absoluteColumnRange(idColumn, span)}`;
}

export const columnRangeOf = (column: number, span: RowSpan): CellRange => ({
  top: span.top,
  left: column,
  bottom: span.bottom,
  right: column,
});

/** A relative reference to a column's cell in the span's first row, for rule formulas. */
export const firstCellOf = (column: number, span: RowSpan) => `${columnLetter(column)}${span.top + 1}`;

export interface RisksRulesInput {
  readonly located: ColumnLocation<RiskColumnKey>;
  /** Columns in the header row: the closed-risk format greys the whole row. */
  readonly width: number;
  readonly span: RowSpan;
  /** The rows of the ID column that must be unique, usually the whole data span. */
  readonly idSpan: RowSpan;
  /** For the rules of the optional inherent, target and appetite columns; without it they get none. */
  readonly matrix?: RiskMatrix;
}

export function risksSheetRules({ located, width, span, idSpan, matrix }: RisksRulesInput): SheetRules {
  const col = (key: RiskColumnKey) => located.columns.get(key);
  const validations: DataValidation[] = [];
  const conditionalFormats: ConditionalFormat[] = [];

  const id = col('id');
  if (id !== undefined) {
    validations.push({
      range: columnRangeOf(id, span),
      rule: {
        kind: 'custom',
        formula: `COUNTIF(${absoluteColumnRange(id, idSpan)},${firstCellOf(id, span)})=1`,
      },
      allowBlank: true,
      prompt: { title: 'Risk ID', text: 'A unique reference such as CRR20.' },
      error: { title: 'Duplicate ID', text: 'Another risk already has this ID. Each risk needs its own.' },
    });
  }
  const status = col('status');
  if (status !== undefined) {
    validations.push(
      listValidation(status, span, RISK_STATUSES, {
        title: 'Status',
        prompt:
          `${RISK_STATUS_CHOICES} (blank means Open). A closed risk needs its date closed and closure rationale; ` +
          'a transferred one its date closed and Transferred to.',
        error: `Choose ${RISK_STATUS_CHOICES}.`,
      }),
    );
    conditionalFormats.push(fadedRowsFormat(status, span, width, ['Closed', 'Transferred']));
  }
  const frequency = col('reviewFrequency');
  if (frequency !== undefined) {
    validations.push(
      listValidation(frequency, span, REVIEW_FREQUENCIES, {
        title: 'Review frequency',
        prompt:
          'How often the risk is reviewed; without a Next review date, it is due this long after its last assessment.',
        error: `Choose ${choicesText(REVIEW_FREQUENCIES)}.`,
      }),
    );
  }
  for (const key of ['dateRaised', 'dateClosed', 'closureReported', 'nextReview'] as const) {
    const column = col(key);
    if (column === undefined) continue;
    validations.push(dateValidation(column, span, RISK_COLUMNS.find((c) => c.key === key)!.header));
  }
  if (!matrix) return { validations, conditionalFormats };
  const group = groupColumnRules(col, span, matrix);
  return {
    validations: [...validations, ...group.validations],
    conditionalFormats: [...conditionalFormats, ...group.conditionalFormats],
  };
}

export interface AssessmentsRulesInput {
  readonly located: ColumnLocation<AssessmentColumnKey>;
  readonly span: RowSpan;
  readonly matrix: RiskMatrix;
  /**
   * Where the Risks sheet keeps its IDs (`Risks!$A$2:$A$523`), found by header like every
   * other column; without it the Risk ID rule is left out rather than guessed.
   */
  readonly riskIdRange?: string;
}

export function assessmentsSheetRules({
  located,
  span,
  matrix,
  riskIdRange,
}: AssessmentsRulesInput): SheetRules {
  const col = (key: AssessmentColumnKey) => located.columns.get(key);
  const validations: DataValidation[] = [];
  const conditionalFormats: ConditionalFormat[] = [];

  const riskId = col('riskId');
  if (riskId !== undefined && riskIdRange !== undefined)
    validations.push(riskIdValidation(riskId, span, riskIdRange, 'The ID of a risk on the Risks sheet.'));
  const quarter = col('quarter');
  if (quarter !== undefined) {
    const ref = firstCellOf(quarter, span);
    validations.push({
      range: columnRangeOf(quarter, span),
      // A date is a number; every quarter label the readers accept contains a Q (Q2, FY22/23 Q2, Quarter 2).
      rule: { kind: 'custom', formula: `OR(ISNUMBER(${ref}),ISNUMBER(SEARCH("Q",${ref})))` },
      allowBlank: true,
      prompt: { title: 'Quarter', text: 'A quarter such as Q2 2022/23, or any date inside the quarter.' },
      error: { title: 'Quarter', text: 'Enter a quarter such as Q2 2022/23.' },
    });
  }
  const ratingsOnly = isRatingsOnlyMatrix(matrix);
  const impact = col('impact');
  if (impact !== undefined && !ratingsOnly) validations.push(levelValidation(impact, span, 'Impact', matrix));
  const probability = col('probability');
  if (probability !== undefined && !ratingsOnly)
    validations.push(levelValidation(probability, span, 'Probability', matrix));

  const rating = col('rating');
  if (rating !== undefined) conditionalFormats.push(...ratingFormats(rating, span, matrix));
  // In a ratings-only register the Rating is typed, so it gets the list of ratings.
  if (rating !== undefined && ratingsOnly) validations.push(...ratingList(rating, span, matrix, 'Rating'));
  const group = groupColumnRules((key) => (key === 'appetite' ? undefined : col(key)), span, matrix);
  return {
    validations: [...validations, ...group.validations],
    conditionalFormats: [...conditionalFormats, ...group.conditionalFormats],
  };
}

/** A level column's rule: a whole number within the matrix, the scoring labels as its prompt. */
function levelValidation(column: number, span: RowSpan, title: string, matrix: RiskMatrix): DataValidation {
  const probability = /probability/i.test(title);
  const count = probability ? matrix.probabilityLevels : matrix.impactLevels;
  const levels = probability ? matrix.spec.probability : matrix.spec.impact;
  return {
    range: columnRangeOf(column, span),
    rule: { kind: 'wholeNumber', min: 1, max: count },
    allowBlank: true,
    prompt: { title: `${title} (1-${count})`, text: levelPrompt(levels) },
    error: { title, text: `${title} is a whole number from 1 to ${count}. See the Scoring sheet.` },
  };
}

/** A rating column coloured with the matrix colours. */
function ratingFormats(column: number, span: RowSpan, matrix: RiskMatrix): ConditionalFormat[] {
  return matrix.spec.ratings.map((r) => ({
    range: columnRangeOf(column, span),
    formula: `${firstCellOf(column, span)}=${formulaString(r.name)}`,
    style: ratingStyle(r),
  }));
}

/** The rating names as a list rule; none when a name holds a comma, which an inline list cannot. */
function ratingList(column: number, span: RowSpan, matrix: RiskMatrix, title: string): DataValidation[] {
  const names = matrix.spec.ratings.map((r) => r.name);
  if (names.some((name) => name.includes(',')) || names.join(',').length > MAX_INLINE_LIST) return [];
  return [
    listValidation(column, span, names, {
      title,
      prompt: `One of the ratings: ${names.join(', ')}.`,
      error: `Choose one of the ratings: ${names.join(', ')}.`,
    }),
  ];
}

/**
 * Rules for the optional columns of PRODUCT §8, on whichever sheet has them: inherent and
 * target levels and ratings, the target date, and on Risks the appetite (a score or a rating).
 */
function groupColumnRules(
  col: (key: GroupColumnKey | 'appetite') => number | undefined,
  span: RowSpan,
  matrix: RiskMatrix,
): SheetRules {
  const validations: DataValidation[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  for (const group of ['Inherent', 'Target'] as const) {
    const prefix = group === 'Inherent' ? 'inherent' : 'target';
    const impact = col(`${prefix}Impact`);
    const probability = col(`${prefix}Probability`);
    if (!isRatingsOnlyMatrix(matrix)) {
      if (impact !== undefined) validations.push(levelValidation(impact, span, `${group} impact`, matrix));
      if (probability !== undefined)
        validations.push(levelValidation(probability, span, `${group} probability`, matrix));
    }
    const rating = col(`${prefix}Rating`);
    if (rating !== undefined) {
      validations.push(...ratingList(rating, span, matrix, `${group} rating`));
      conditionalFormats.push(...ratingFormats(rating, span, matrix));
    }
  }
  const targetDate = col('targetDate');
  if (targetDate !== undefined) validations.push(dateValidation(targetDate, span, 'Target date'));
  const appetite = col('appetite');
  if (appetite !== undefined) validations.push(...appetiteValidation(appetite, span, matrix));
  return { validations, conditionalFormats };
}

/**
 * A Risk ID column (Assessments, Actions) takes only IDs found in `riskIdRange` on the Risks
 * sheet; `prompt` says what the ID means on this sheet.
 */
export function riskIdValidation(
  column: number,
  span: RowSpan,
  riskIdRange: string,
  prompt: string,
): DataValidation {
  return {
    range: columnRangeOf(column, span),
    rule: { kind: 'custom', formula: `COUNTIF(${riskIdRange},${firstCellOf(column, span)})>0` },
    allowBlank: true,
    prompt: { title: 'Risk ID', text: prompt },
    error: { title: 'Unknown risk', text: 'No risk on the Risks sheet has this ID.' },
  };
}

/** A column that takes one of `values`, or a blank; the prompt and the error share a title. */
export function listValidation(
  column: number,
  span: RowSpan,
  values: readonly string[],
  text: { readonly title: string; readonly prompt: string; readonly error: string },
): DataValidation {
  return {
    range: columnRangeOf(column, span),
    rule: { kind: 'list', values },
    allowBlank: true,
    prompt: { title: text.title, text: text.prompt },
    error: { title: text.title, text: text.error },
  };
}

/**
 * Rows whose status is one of `done` (a risk that left the register, a completed action) fade,
 * so the open ones stand out while editing; the format spans the `width` columns of the header.
 */
export function fadedRowsFormat(
  statusColumn: number,
  span: RowSpan,
  width: number,
  done: readonly string[],
): ConditionalFormat {
  const statusCell = `$${columnLetter(statusColumn)}${span.top + 1}`;
  const tests = done.map((status) => `${statusCell}=${formulaString(status)}`);
  return {
    range: { top: span.top, left: 0, bottom: span.bottom, right: Math.max(width - 1, statusColumn) },
    formula: tests.length === 1 ? tests[0]! : `OR(${tests.join(',')})`,
    style: { fontColour: '#808080', italic: true },
  };
}

export function dateValidation(column: number, span: RowSpan, title: string): DataValidation {
  return {
    range: columnRangeOf(column, span),
    rule: { kind: 'date' },
    allowBlank: true,
    prompt: { title, text: 'A date, e.g. 15/08/2022.' },
    error: { title: 'Not a date', text: 'Enter a date, e.g. 15/08/2022.' },
  };
}

/** Appetite: a score within the matrix, or a rating name (`=` compares text ignoring case in Excel and Sheets). */
function appetiteValidation(column: number, span: RowSpan, matrix: RiskMatrix): DataValidation[] {
  const ref = firstCellOf(column, span);
  const maxScore = matrix.impactLevels * matrix.probabilityLevels;
  const names = matrix.spec.ratings.map((r) => r.name);
  if (maxScore === 0) return ratingList(column, span, matrix, 'Appetite');
  const rule: DataValidation = {
    range: columnRangeOf(column, span),
    rule: {
      kind: 'custom',
      formula: `OR(AND(ISNUMBER(${ref}),${ref}>=1,${ref}<=${maxScore}),${names.map((name) => `${ref}=${formulaString(name)}`).join(',')})`,
    },
    allowBlank: true,
    prompt: {
      title: 'Appetite',
      text: `The most accepted for this risk: a score (1-${maxScore}) or a rating (${names.join(', ')}).`.slice(
        0,
        PROMPT_MAX,
      ),
    },
    error: { title: 'Appetite', text: `Enter a score from 1 to ${maxScore} or one of the ratings.` },
  };
  return [rule];
}

/** `1 Minimal, 2 Minor, …` — the scoring guidance in the space Excel allows a prompt. */
function levelPrompt(levels: readonly MatrixLevel[]): string {
  const text = `${levels.map((level) => `${level.value} ${level.label}`).join(', ')}. Descriptions are on the Scoring sheet.`;
  return text.length <= PROMPT_MAX ? text : `${text.slice(0, PROMPT_MAX - 1)}…`;
}
