/**
 * The words a user reads after a job, written once so the CLI, Sheets and Excel say the same
 * thing: issue counts, the register summary a risk lead reads aloud, and Set up's report.
 */
import { formatIssue, type Issue } from './issue.ts';
import type { FiscalCalendar } from '../quarters/quarter.ts';
import { shownMovementExtras } from '../register/movement-extras.ts';
import type { RegisterModel } from '../register/register-model.ts';

/** A formula cell saved without its result (`UNCALCULATED`), said the same on every sheet. */
export function uncalculatedText(what: string): string {
  return `${what} is a formula with no calculated value; open and save the workbook in Excel or LibreOffice to calculate it`;
}

/**
 * Why a Scoring sheet cannot score (its first error, as every host prints an issue), or
 * undefined when it can: custom functions fail with it rather than score with another matrix.
 */
export function brokenScoringText(issues: readonly Issue[]): string | undefined {
  const first = issues.find((issue) => issue.severity === 'error');
  return first ? formatIssue(first) : undefined;
}

/** At most this many IDs are named in a summary line; the rest are counted. */
const SUMMARY_ID_LIMIT = 10;

/**
 * `1 risk`, `2 risks`.
 * @example plural(1, 'error') // '1 error'
 */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * A Risks row whose ID an earlier row uses: one sentence for Validate and the edit re-check.
 * @example duplicateIdText('CRR1', 1) // 'duplicate ID CRR1: row 2 already uses it'
 */
export function duplicateIdText(shownId: string, firstRow: number): string {
  return `duplicate ID ${shownId}: row ${firstRow + 1} already uses it`;
}

/** @example issueCountText(issues) // '12 errors, 2 warnings' */
export function issueCountText(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(issues.length - errors, 'warning')}`;
}

/**
 * ` (CRR1, CRR2)`, or the first ten and `and 5 more`; empty for none.
 * @example namedIds(['CRR10']) // ' (CRR10)'
 */
export function namedIds(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const shown = ids.slice(0, SUMMARY_ID_LIMIT).join(', ');
  const rest = ids.length - SUMMARY_ID_LIMIT;
  return ` (${shown}${rest > 0 ? ` and ${rest} more` : ''})`;
}

/** What `validate` says when it is done: `no problems (21 risks, 84 assessments)` or the counts. */
export function validationHeadline(issues: readonly Issue[], risks: number, assessments: number): string {
  return issues.length === 0
    ? `no problems (${plural(risks, 'risk')}, ${plural(assessments, 'assessment')})`
    : issueCountText(issues);
}

/** `Q2 2022/23: 21 open risks — 2 Critical, 13 High, 6 Medium, 0 Low.` */
export function registerHeadline(
  model: RegisterModel,
  ratingsLeastFirst: readonly string[],
  quarterLabel: string,
): string {
  const counts = [...ratingsLeastFirst]
    .reverse()
    .map((rating) => `${model.open.filter((row) => row.rating === rating).length} ${rating}`)
    .join(', ');
  return `${quarterLabel}: ${plural(model.open.length, 'open risk')} — ${counts}.`;
}

/** `Since last quarter: 0 new, 1 escalated (CRR10), 0 de-escalated, 1 closed (CRR14).` */
export function movementLine(model: RegisterModel): string {
  const { movement } = model;
  const part = (list: readonly { id: string }[], word: string) =>
    `${list.length} ${word}${namedIds(list.map((r) => r.id))}`;
  const extras = shownMovementExtras(model).map(({ extra, risks }) => `; ${part(risks, extra.word)}`);
  return (
    `Since last quarter: ${part(movement.new, 'new')}, ${part(movement.escalated, 'escalated')}, ` +
    `${part(movement.deEscalated, 'de-escalated')}, ${part(movement.closed, 'closed')}${extras.join('')}.`
  );
}

/** Why nothing was generated: `Nothing was generated: the workbook has 3 errors, 0 warnings.` */
export function nothingGeneratedLine(issues: readonly Issue[]): string {
  return `Nothing was generated: the workbook has ${issueCountText(issues)}.`;
}

/** How a quarter is written, for hints: the calendar form when the year starts in January. */
export function quarterExample(calendar: FiscalCalendar): string {
  return calendar.firstMonth === 1 ? 'Q2 2022' : 'Q2 2022/23';
}

/** `"Q5" is not a quarter; write it like Q2 2022/23 (the latest is Q2 2022/23).` */
export function notAQuarterLine(answer: string, suggested: string, calendar: FiscalCalendar): string {
  return `"${answer.trim()}" is not a quarter; write it like ${quarterExample(calendar)} (the latest is ${suggested}).`;
}

export interface SetUpReport {
  readonly sheetsAdded: readonly string[];
  /** `Assessments: Score, Rating` per sheet that gained columns. */
  readonly headersAdded: readonly { sheet: string; headers: readonly string[] }[];
  readonly formulasAdded: number;
  /**
   * Where a host with one formula per column has it (`Assessments!E1 (Score)`): written, or
   * rewritten unchanged, by this run.
   */
  readonly columnFormulas: readonly string[];
  /** Columns that hold values typed in, which Set up left as they are (`Assessments!E2:E (Score)`). */
  readonly columnsLeftAlone: readonly string[];
  readonly rulesApplied: readonly string[];
  readonly namesDefined: readonly string[];
}

/** Set up's outcome in a few lines: what it added, and that nothing else changed. */
export function setUpLines(report: SetUpReport): { headline: string; details: string[] } {
  const details: string[] = [];
  if (report.sheetsAdded.length > 0) details.push(`Added sheets: ${report.sheetsAdded.join(', ')}.`);
  for (const { sheet, headers } of report.headersAdded)
    details.push(`Added columns to ${sheet}: ${headers.join(', ')}.`);
  if (report.formulasAdded > 0)
    details.push(`Filled ${plural(report.formulasAdded, 'empty Score/Rating cell')} with formulas.`);
  if (report.columnFormulas.length > 0)
    details.push(
      `One formula calculates each column, from its header cell: ${report.columnFormulas.join(', ')}.`,
    );
  for (const column of report.columnsLeftAlone)
    details.push(
      `Left ${column} as it is: it holds values typed in. Clear them and run Set up again to calculate the column.`,
    );
  if (report.rulesApplied.length > 0)
    details.push(`Validation and formats on: ${report.rulesApplied.join(', ')}.`);
  if (report.namesDefined.length > 0) details.push(`Workbook functions: ${report.namesDefined.join(', ')}.`);
  const changed = report.sheetsAdded.length + report.headersAdded.length + report.formulasAdded > 0;
  return {
    headline: changed
      ? 'The register sheets are set up.'
      : 'The register sheets were already set up; rules refreshed.',
    details,
  };
}

/**
 * Choices as a sentence says them.
 * @example choicesText(['Open', 'Closed', 'Transferred']) // 'Open, Closed or Transferred'
 */
export function choicesText(choices: readonly string[]): string {
  return choices.length <= 1
    ? (choices[0] ?? '')
    : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]!}`;
}
