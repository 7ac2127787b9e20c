// The render kit every host renderer shares: one answer for limits, runs, names and texts.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { checkCellText, CELL_TEXT_MAX } from '../../../core/layout/cell-text.ts';
import { SHEET_NAME_MAX, temporarySheetName } from '../../../core/layout/sheet-name.ts';
import { formulaBody, formulaText } from '../../../core/functions/formula-text.ts';
import { errorText } from '../../../core/issues/error-text.ts';
import { brokenScoringText } from '../../../core/issues/messages.ts';
import { issueError, issueWarning } from '../../../core/issues/issue.ts';
import { pageHeaderText } from '../../../core/render/page-header-text.ts';
import { sizeRuns } from '../../../core/render/size-runs.ts';
import {
  VALIDATION_TEXT_MAX,
  VALIDATION_TITLE_MAX,
  validationTexts,
} from '../../../core/render/validation-text.ts';
import type { DataValidation } from '../../../core/layout/sheet-plan.ts';

describe('sizeRuns', () => {
  it('joins consecutive equal sizes, in index order', () => {
    expect(
      sizeRuns([
        [3, 10],
        [0, 10],
        [1, 10],
        [2, 12],
      ]),
    ).toEqual([
      { start: 0, count: 2, size: 10 },
      { start: 2, count: 1, size: 12 },
      { start: 3, count: 1, size: 10 },
    ]);
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 40 })])(
    'covers every index once with its own size',
    (sizes) => {
      const runs = sizeRuns(sizes.map((size, index) => [index, size] as const));
      const expanded = runs.flatMap((run) => Array.from({ length: run.count }, () => run.size));
      expect(expanded).toEqual(sizes);
      runs.slice(1).forEach((run, i) => expect(run.size !== runs[i]!.size).toBe(true));
    },
  );
});

describe('temporarySheetName', () => {
  it('is a name no sheet has, whatever the case or spaces of the taken ones', () => {
    expect(temporarySheetName('Register', ['Register'])).toBe('Register (new)');
    expect(temporarySheetName('Register', ['Register', ' register (NEW) '])).toBe('Register (new 2)');
  });

  test.prop([fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 5 })])(
    'never collides and stays within the sheet-name limit',
    (name, taken) => {
      const temporary = temporarySheetName(name, [name, ...taken]);
      expect(temporary.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      for (const other of [name, ...taken])
        expect(other.trim().toLowerCase()).not.toBe(temporary.trim().toLowerCase());
    },
  );
});

describe('validationTexts', () => {
  const validation = (title: string, text: string): DataValidation => ({
    range: { top: 1, left: 1, bottom: 5, right: 1 },
    rule: { kind: 'wholeNumber', min: 1, max: 5 },
    allowBlank: true,
    error: { title, text },
    prompt: { title, text },
  });

  it('keeps texts within the limits as they are', () => {
    expect(validationTexts(validation('Impact', 'A level from 1 to 5.'))).toEqual({
      prompt: { title: 'Impact', text: 'A level from 1 to 5.' },
      error: { title: 'Impact', text: 'A level from 1 to 5.' },
    });
  });

  it('clips a long title and message to Excel’s limits with an ellipsis', () => {
    const texts = validationTexts(validation('T'.repeat(40), 'm'.repeat(300)));
    expect(texts.error.title).toBe(`${'T'.repeat(VALIDATION_TITLE_MAX - 1)}…`);
    expect(texts.prompt!.text).toBe(`${'m'.repeat(VALIDATION_TEXT_MAX - 1)}…`);
  });

  it('cleans before clipping', () => {
    expect(
      validationTexts(validation('a\u0001b', 'x'), (text) => text.replace(/\u0001/g, '')).error.title,
    ).toBe('ab');
  });
});

describe('the small texts', () => {
  it('formula text: one leading = at most', () => {
    expect(formulaBody('=A1+1')).toBe('A1+1');
    expect(formulaBody('A1="="')).toBe('A1="="');
    expect(formulaText('=A1')).toBe('=A1');
    expect(formulaText('A1')).toBe('=A1');
  });

  it('page header text doubles &', () => {
    expect(pageHeaderText('Risks & issues & more')).toBe('Risks && issues && more');
  });

  it('cell text over the limit is a RangeError at its cell', () => {
    expect(() => checkCellText('x'.repeat(CELL_TEXT_MAX), 0, 0)).not.toThrow();
    expect(() => checkCellText('x'.repeat(CELL_TEXT_MAX + 1), 6, 3)).toThrow(
      /^D7: text of 32768 characters exceeds Excel's 32767\.$/,
    );
  });

  it('error text from any thrown value, an Error of another realm included', () => {
    expect(errorText(new Error('no sheet'))).toBe('no sheet');
    expect(errorText(runInNewContext('new Error("from elsewhere")'))).toBe('from elsewhere');
    expect(errorText('plain')).toBe('plain');
    expect(errorText(undefined)).toBe('undefined');
    expect(errorText({ message: 42 })).toBe('[object Object]');
  });

  it('a broken Scoring sheet is its first error, as every host prints an issue', () => {
    expect(
      brokenScoringText([issueWarning('Scoring', 'A1', 'odd'), issueError('Scoring', 'B3', 'no levels')]),
    ).toBe('Scoring!B3: no levels');
    expect(brokenScoringText([issueWarning('Scoring', 'A1', 'odd')])).toBeUndefined();
  });
});
