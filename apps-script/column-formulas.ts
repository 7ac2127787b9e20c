// Set up fills a column's empty Score and Rating cells in runs between the user's own values,
// one block a run. Written block by block, that costs about a dozen calls a run; but the
// formulas of one column are one formula relative to its row, so all the runs of a column are
// written as one range list: a call for their number format, one for the formula in R1C1 form.
import { a1Range, formulaBody, type CellBlock, type PlanCell } from '../core/index.ts';

/** Runs of one column whose cells all hold the same R1C1 formula, and the blocks that do not. */
export interface ColumnFormulas {
  readonly lists: { readonly a1s: string[]; readonly r1c1: string }[];
  readonly rest: CellBlock[];
}

/** A1 references a formula may hold: `C2`, `$A$1`; names and function names are left alone. */
const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(])/g;
/** What a reference may sit in without being one: a string literal or a quoted sheet name. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n;
}

function part(axis: 'R' | 'C', absolute: boolean, target: number, here: number): string {
  if (absolute) return `${axis}${target}`;
  return target === here ? axis : `${axis}[${target - here}]`;
}

/**
 * A formula (without `=`) written in the cell at 0-based `row`, `column`, in R1C1 form.
 * @example r1c1Of('RISKSCORE(D2,C2,Scoring!$A$1:$K$31)', 1, 5) // '=RISKSCORE(RC[-2],RC[-3],Scoring!R1C1:R31C11)'
 */
export function r1c1Of(formula: string, row: number, column: number): string {
  const pieces = formulaBody(formula).split(QUOTED);
  const converted = pieces.map((piece, i) =>
    i % 2 === 1
      ? piece
      : piece.replace(
          REFERENCE,
          (_match, absColumn: string, letters: string, absRow: string, digits: string) => {
            const r = part('R', absRow === '$', Number(digits), row + 1);
            const c = part('C', absColumn === '$', columnNumber(letters), column + 1);
            return `${r}${c}`;
          },
        ),
  );
  return `=${converted.join('')}`;
}

function formulaOf(cell: PlanCell | undefined): string | undefined {
  const value = cell?.value;
  if (cell?.style !== undefined || typeof value !== 'object' || value === null || !('formula' in value))
    return undefined;
  return value.formula;
}

/** Groups the blocks that are one unstyled column of formulas by column and R1C1 formula. */
export function columnFormulas(blocks: readonly CellBlock[]): ColumnFormulas {
  const lists = new Map<string, { a1s: string[]; r1c1: string }>();
  const rest: CellBlock[] = [];
  for (const block of blocks) {
    const forms = block.cells.map((row, r) => {
      const formula = row.length === 1 ? formulaOf(row[0]) : undefined;
      return formula === undefined ? undefined : r1c1Of(formula, block.top + r, block.left);
    });
    const r1c1 = forms[0];
    if (r1c1 === undefined || forms.some((form) => form !== r1c1)) {
      rest.push(block);
      continue;
    }
    const key = `${block.left} ${r1c1}`;
    const list = lists.get(key) ?? lists.set(key, { a1s: [], r1c1 }).get(key)!;
    list.a1s.push(a1Range(block.top, block.left, block.top + block.cells.length - 1, block.left));
  }
  return { lists: [...lists.values()], rest };
}
