/**
 * The bench's rows and its budget logic, with no measuring in it (so a unit test can feed it
 * counts). A row is a figure with what it is compared to:
 *
 * - `budget`: deterministic (call counts, bytes); `npm run bench -- --check` fails on it.
 * - `target`: timing or memory; printed beside the figure, never failed on (machines differ).
 * - `info`: a figure with nothing to compare it to.
 */

export type RowKind = 'budget' | 'target' | 'info';

export interface BenchRow {
  readonly area: string;
  readonly case: string;
  readonly figure: string;
  /** What the figure is compared to, as printed ('' for info rows). */
  readonly budget: string;
  readonly kind: RowKind;
  /** Whether the figure meets its budget or target (always true for info rows). */
  readonly ok: boolean;
  /** The raw numbers behind the figure, for bench/results.json. */
  readonly values: Readonly<Record<string, number>>;
}

export interface Count {
  /** What was measured, e.g. "10 risks" or "2,000-row paste". */
  readonly label: string;
  readonly count: number;
}

const number = (n: number) => n.toLocaleString('en-GB');

/** Calls (round trips) that must not grow: every count equal to the first. */
export function constantCheck(
  area: string,
  name: string,
  unit: string,
  counts: readonly Count[],
  kind: RowKind = 'budget',
): BenchRow {
  if (counts.length === 0) throw new Error(`${area} ${name}: no counts to compare`);
  const ok = counts.every((c) => c.count === counts[0]!.count);
  return {
    area,
    case: name,
    figure: counts.map((c) => `${number(c.count)} ${unit} (${c.label})`).join(', '),
    budget: `constant across sizes${kind === 'budget' ? '' : ' (target)'}`,
    kind,
    ok,
    values: Object.fromEntries(counts.map((c) => [c.label, c.count])),
  };
}

/**
 * A bundle's size (and gzipped) against a ceiling, which fails; `what` says how it is built,
 * e.g. "minified" or "readable".
 */
export function sizeCheck(
  area: string,
  name: string,
  sizes: { readonly bytes: number; readonly gzipped: number },
  budgetKb: number,
  what: string,
): BenchRow {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return {
    area,
    case: name,
    figure: `${kb(sizes.bytes)} ${what}, ${kb(sizes.gzipped)} gzipped`,
    budget: `≤ ${budgetKb} KB`,
    kind: 'budget',
    ok: sizes.bytes <= budgetKb * 1024,
    values: { bytes: sizes.bytes, gzippedBytes: sizes.gzipped, budgetBytes: budgetKb * 1024 },
  };
}

/** A timing or memory figure; `ok` says whether it meets its printed target. */
export function targetRow(
  area: string,
  name: string,
  figure: string,
  target: string,
  ok: boolean,
  values: Record<string, number>,
): BenchRow {
  return {
    area,
    case: name,
    figure,
    budget: target,
    kind: target ? 'target' : 'info',
    ok: target ? ok : true,
    values,
  };
}

export function status(row: BenchRow): string {
  if (row.kind === 'info') return '';
  if (row.ok) return 'ok';
  return row.kind === 'budget' ? '**FAIL**' : 'over target';
}

/** The rows whose deterministic budget is exceeded: what `--check` fails on. */
export function failures(rows: readonly BenchRow[]): BenchRow[] {
  return rows.filter((row) => row.kind === 'budget' && !row.ok);
}

/** One line per failure, naming it, for `--check`. */
export function failureLines(rows: readonly BenchRow[]): string[] {
  return failures(rows).map(
    (row) => `over budget: ${row.area} / ${row.case}: ${row.figure} (budget ${row.budget})`,
  );
}

/** The ONE markdown table `npm run bench` prints. Pipes inside cells are escaped. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const header = ['area', 'case', 'figure', 'budget/target', 'status'];
  const cells = rows.map((row) =>
    [row.area, row.case, row.figure, row.budget, status(row)].map((cell) => cell.replace(/\|/g, '\\|')),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
