/** RowReader.allBlank: which rows every reader skips before it checks a cell. */
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { dateCell, errorCell, isDateCell, isErrorCell } from '../../../core/cells/cell.ts';
import { RowReader } from '../../../core/readers/row-reader.ts';
import { FC_SEED } from '../../support/fc-seed.ts';

/** The rule as a user would state it: nothing, white space, or something that is no cell at all. */
const isBlankByRule = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'string'
    ? value.trim() === ''
    : typeof value === 'object' && !isDateCell(value) && !isErrorCell(value));

// What hosts and files put in grids, and the odd things a broken grid could hold.
const cell = fc.constantFrom<unknown>(
  ...[null, undefined, '', '  ', '\t\n', '\u00a0', 'x', ' y ', '0'],
  ...[0, 1, -2.5, NaN, true, false],
  ...[dateCell('2022-06-30'), errorCell('#N/A'), errorCell(''), {}, [], [1], new Date(0)],
);
const LOCATED = new Map([
  ['id', 0],
  ['name', 2],
  ['status', 4],
]);

test.prop([fc.oneof(fc.array(cell, { maxLength: 7 }), fc.constantFrom<unknown>(undefined, 'not a row', 7))], {
  ...FC_SEED,
})('a row is blank when every located cell is nothing, white space or no cell at all', (row) => {
  const reader = new RowReader(LOCATED);
  const expected = !Array.isArray(row) || [...LOCATED.values()].every((column) => isBlankByRule(row[column]));
  expect(reader.read(row as never).allBlank()).toBe(expected);
});
