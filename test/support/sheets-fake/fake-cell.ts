// One stored cell, and how Sheets turns what setValues() receives into what the cell holds.
import type { FakeDataValidation } from './builders.ts';
import type { FakeEnv } from './fake-env.ts';
import { localMidnight } from './zone.ts';

export type Content =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** An instant; Sheets keeps it as a serial number in the spreadsheet's zone. */
  | { readonly kind: 'date'; readonly ms: number }
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'error'; readonly code: string };

export interface FakeCell {
  content?: Content;
  numberFormat?: string;
  background?: string | null;
  fontWeight?: string | null;
  fontStyle?: string | null;
  fontColor?: string | null;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: string | null;
  vertical?: string | null;
  border?: boolean;
  note?: string;
  validation?: FakeDataValidation | null;
}

/** Text Sheets reads as a number (also `+1`, `-1`, `1e3`, `50%`). */
const NUMBER = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(%?)\s*$/;
/** Date text Sheets reads as a date in an en-GB spreadsheet: ISO and day/month/year. */
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;
const DMY_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

function pad(n: string | number): string {
  return String(n).padStart(2, '0');
}

/**
 * What a cell holds after setValues() writes `value` into it, as Sheets documents it: a string
 * starting with `=` becomes a formula, a leading apostrophe marks text (and is not stored),
 * number, boolean and date text is parsed, and a cell formatted `@` (plain text) keeps any
 * string as typed. Where Sheets' behaviour is undocumented or surprising the fake throws, so
 * the adapter cannot come to rely on it: text starting with `+`, `-` or `@` that is not a
 * number, and an apostrophe in a cell already formatted as text (one protection, not both).
 */
export function contentOf(
  value: unknown,
  numberFormat: string | undefined,
  env: FakeEnv,
  where: string,
): Content | undefined {
  if (value === '' || value === null) return undefined;
  if (value === undefined)
    throw new Error(`fake: ${where}: setValues() got undefined; write '' for an empty cell`);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`fake: ${where}: ${value} is not a number a cell can hold`);
    return { kind: 'number', value };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof env.Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`fake: ${where}: an invalid Date`);
    return { kind: 'date', ms: value.getTime() };
  }
  if (Object.prototype.toString.call(value) === '[object Date]') {
    throw new Error(`fake: ${where}: a Date from another realm (create Dates inside the script's context)`);
  }
  if (typeof value !== 'string')
    throw new Error(`fake: ${where}: setValues() cannot write ${Object.prototype.toString.call(value)}`);
  if (numberFormat === '@') {
    if (value.startsWith("'")) {
      throw new Error(`fake: ${where}: apostrophe in a cell formatted as text; use one protection, not both`);
    }
    return { kind: 'text', text: value };
  }
  if (value.startsWith('=')) return { kind: 'formula', formula: value };
  if (value.startsWith("'")) return { kind: 'text', text: value.slice(1) };
  const number = NUMBER.exec(value);
  if (number) return { kind: 'number', value: Number(number[1]) / (number[2] ? 100 : 1) };
  if (/^\s*(true|false)\s*$/i.test(value))
    return { kind: 'boolean', value: value.trim().toLowerCase() === 'true' };
  const iso = ISO_DATE.exec(value);
  if (iso)
    return { kind: 'date', ms: localMidnight(`${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`, env.timeZone) };
  const dmy = DMY_DATE.exec(value);
  if (dmy)
    return { kind: 'date', ms: localMidnight(`${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}`, env.timeZone) };
  if (/^[+\-@]/.test(value)) {
    throw new Error(
      `fake: ${where}: Sheets may read ${JSON.stringify(value)} as a formula or a smart chip; write it as text`,
    );
  }
  return { kind: 'text', text: value };
}

/** What getValues() returns for a cell. */
export function valueOf(content: Content | undefined, env: FakeEnv): unknown {
  if (!content) return '';
  switch (content.kind) {
    case 'text':
      return content.text;
    case 'number':
    case 'boolean':
      return content.value;
    case 'date':
      return new env.Date(content.ms);
    case 'formula':
      return env.formulaValue(content.formula);
    case 'error':
      return content.code;
  }
}
