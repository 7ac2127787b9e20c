/**
 * The built bundle, loaded as Excel loads it (see load-bundle.ts): every functions.json id and
 * every ribbon FunctionName is associated, the functions spill arrays with one #VALUE! per bad
 * cell, follow the Scoring sheet, and the ribbon runs the jobs against the workbook.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../core/index.ts';
import { ASSESSMENT_HEADERS, RISK_FUNCTIONS, RISK_HEADERS, scoringSheetRows } from '../../core/index.ts';
import { FakeCustomFunctionError, type FakeFunctionsMetadata } from '../support/office-fake/index.ts';
import { SIX_BANDS_SPEC } from '../contract/scenarios.ts';
import { buildAddin, DIST, loadBuiltAddin } from './load-bundle.ts';
import { named, parseManifest } from './manifest-xml.ts';

const REGISTER: SheetGrid[] = [
  {
    name: 'Risks',
    rows: [
      [...RISK_HEADERS],
      ['R1', 'Cyber attack', '=not a formula', 'Impact', 'Controls', 'Owner', 'Open', null, null, null, null],
      ['R2', 'Flood', '-1 text', 'Impact', 'Controls', 'Owner', 'Open', null, null, null, null],
    ],
  },
  {
    name: 'Assessments',
    rows: [
      [...ASSESSMENT_HEADERS],
      ['R1', 'Q1 2022/23', 4, 3, null, null, null],
      ['R2', 'Q1 2022/23', 2, 2, null, null, null],
      ['R1', 'Q2 2022/23', 5, 4, null, null, null],
    ],
  },
];

type Fn = (...args: unknown[]) => Promise<unknown>;

beforeAll(buildAddin, 120_000);

describe('the built add-in bundle', () => {
  it('associates every functions.json id and every ribbon FunctionName', async () => {
    const { fake } = await loadBuiltAddin(REGISTER);
    const metadata = JSON.parse(readFileSync(`${DIST}/functions.json`, 'utf8')) as {
      functions: { id: string }[];
    };
    const ids = metadata.functions.map((fn) => fn.id);
    expect(ids).toEqual(RISK_FUNCTIONS.map((fn) => fn.excelName));
    expect([...fake.customFunctions.keys()].sort()).toEqual([...ids].sort());
    const manifest = parseManifest(readFileSync(`${DIST}/manifest.xml`, 'utf8'));
    const names = named(manifest, 'FunctionName').map((element) => element.text);
    expect(names.length).toBe(3);
    for (const name of names) expect(fake.actions.has(name), name).toBe(true);
    // The manifest's SupportUrl and LearnMoreUrl page is served with the add-in.
    expect(readFileSync(`${DIST}/help.html`, 'utf8')).toContain('<h1>Risk register add-in</h1>');
  });

  it('functions take cells or ranges and spill; a bad cell is #VALUE! with a message, alone', async () => {
    const { fake } = await loadBuiltAddin(REGISTER);
    const score = fake.customFunctions.get('SCORE') as Fn;
    expect(await score([[4]], [[3]])).toEqual([[12]]);
    const spilled = (await score([[1], [6], ['']], [[5]])) as unknown[][];
    expect(spilled[0]).toEqual([5]);
    expect(spilled[2]).toEqual(['']);
    const bad = spilled[1]![0] as FakeCustomFunctionError;
    expect(bad).toBeInstanceOf(FakeCustomFunctionError);
    expect(bad.code).toBe('#VALUE!');
    expect(bad.message).toBe('impact 6 is outside 1-5');
    expect(await (fake.customFunctions.get('RATING') as Fn)([[5]], [[5]])).toEqual([['Critical']]);
    expect(await (fake.customFunctions.get('TREND') as Fn)([[4], ['']], [[6], [6]])).toEqual([
      ['↑'],
      ['New'],
    ]);
    // Ranges of different shapes: one error for the whole call.
    await expect(score([[1, 2]], [[1], [2], [3]])).rejects.toMatchObject({ code: '#VALUE!' });
  });

  it('functions take arguments as Excel hands them: an omitted one is blank, an error cell spoils its row only', async () => {
    const { fake } = await loadBuiltAddin(REGISTER);
    const metadata = JSON.parse(readFileSync(`${DIST}/functions.json`, 'utf8')) as FakeFunctionsMetadata;
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    // =RISK.TREND(,12): Excel passes null for the omitted previous score.
    expect(await fake.calculate('TREND', [undefined, 12], metadata)).toEqual([['New']]);
    expect(await fake.calculate('SCORE', [4, undefined], metadata)).toEqual([['']]);
    // =RISK.SCORE(C2:C4, D2:D4) with #DIV/0! in C3.
    const spilled = await fake.calculate(
      'SCORE',
      [
        [[4], [{ error: '#DIV/0!' }], [2]],
        [[3], [3], [3]],
      ],
      metadata,
    );
    expect(Array.isArray(spilled)).toBe(true);
    const rows = spilled as unknown[][];
    expect([rows[0], rows[2]]).toEqual([[12], [6]]);
    expect(rows[1]![0]).toMatchObject({ code: '#VALUE!', message: 'impact is the error #DIV/0!' });
  });

  it("functions follow the workbook's Scoring sheet, read once and again after it is edited", async () => {
    const scoring: SheetGrid = { name: 'Scoring', rows: scoringSheetRows(SIX_BANDS_SPEC) };
    const { fake } = await loadBuiltAddin([...REGISTER, scoring]);
    const rating = fake.customFunctions.get('RATING') as Fn;
    expect(await rating([[3]], [[3]])).toEqual([['High/Medium']]);
    const syncs = fake.state.syncCount;
    expect(await rating([[1]], [[1]])).toEqual([['Very low']]);
    expect(fake.state.syncCount, 'the matrix is cached').toBe(syncs);
    // Break the sheet: the next calculation reads it again and says what is wrong.
    const sheet = fake.state.sheet('Scoring')!;
    const first = [...sheet.cells.keys()].sort((a, b) => a - b)[0]!;
    const row = Math.floor(first / 16_384);
    await fake.edit(
      'Scoring',
      `A${row + 1}:A${row + 60}`,
      Array.from({ length: 60 }, () => ['']),
    );
    await expect(rating([[1]], [[1]])).rejects.toMatchObject({ code: '#VALUE!' });
    expect(fake.state.syncCount).toBeGreaterThan(syncs);
  });

  it('Set up workbook defines RISKSCORE, RISKRATING and RISKTREND as LAMBDA names, replacing old ones', async () => {
    const { fake } = await loadBuiltAddin(REGISTER);
    fake.state.names.set('RISKSCORE', { name: 'RISKSCORE', formula: '=1', comment: '' });
    await fake.press('setUpWorkbook');
    expect([...fake.state.names.keys()].sort()).toEqual(['RISKRATING', 'RISKSCORE', 'RISKTREND']);
    for (const { formula } of fake.state.names.values()) expect(formula).toMatch(/^=LAMBDA\(/);
    const assessments = fake.state.sheet('Assessments')!;
    expect(assessments.validations.length).toBeGreaterThan(0);
    expect(fake.state.sheets.map((sheet) => sheet.name)).toContain('Scoring');
    expect(fake.handlerErrors).toEqual([]);
  });

  it("Set up workbook leaves a user's colour scale and cell-value rule alone, and replaces only its own formats", async () => {
    const { fake } = await loadBuiltAddin(REGISTER);
    const assessments = fake.state.sheet('Assessments')!;
    const whole = { top: 1, left: 0, bottom: 20, right: 8 };
    const userFormats = [
      { id: fake.state.formatId(), rect: whole, type: 'ColorScale' },
      { id: fake.state.formatId(), rect: whole, type: 'CellValue' },
    ];
    assessments.conditionalFormats.push(...userFormats);
    await fake.press('setUpWorkbook');
    const ours = assessments.conditionalFormats.filter((format) => format.type === 'Custom');
    expect(ours.length).toBeGreaterThan(0);
    expect(assessments.conditionalFormats.filter((format) => format.type !== 'Custom')).toEqual(userFormats);
    // Again: our formats are replaced, not doubled; the user's stay.
    await fake.press('setUpWorkbook');
    expect(assessments.conditionalFormats.filter((format) => format.type === 'Custom').length).toBe(
      ours.length,
    );
    expect(assessments.conditionalFormats.filter((format) => format.type !== 'Custom')).toEqual(userFormats);
  });

  it('Set up workbook makes the add-in start with the workbook; the pane shows it and can turn it off', async () => {
    const { fake, pane } = await loadBuiltAddin(REGISTER, { pane: true });
    expect(fake.state.startupBehavior).toBe('None');
    await fake.press('setUpWorkbook');
    expect(fake.state.startupBehavior).toBe('Load');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const startup = pane!.getElementById('startup')!;
    expect([startup.disabled, pane!.getElementById('startup-note')!.hidden]).toEqual([false, true]);
    // The result is said once: in the Result card, not again in the status line.
    expect(pane!.getElementById('headline')!.textContent).not.toBe('');
    expect(pane!.getElementById('status')!.textContent).toBe('');
  });

  it('where Excel has no startup switch (older builds), Set up still works and the pane says why edits wait for a click', async () => {
    const { fake, pane } = await loadBuiltAddin(REGISTER, { pane: true, office: { startupBehavior: false } });
    await fake.press('setUpWorkbook');
    expect(fake.state.sheet('Assessments')!.validations.length).toBeGreaterThan(0);
    expect(fake.handlerErrors).toEqual([]);
    expect(pane!.getElementById('status')!.textContent).toMatch(
      /^This version of Excel cannot start the add-in/,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pane!.getElementById('startup')!.disabled).toBe(true);
    expect(pane!.getElementById('startup-note')!.hidden).toBe(false);
  });

  it("the pane takes the Office theme's colours, and marks a dark theme", async () => {
    const officeTheme = {
      bodyBackgroundColor: '#1F1F1F',
      bodyForegroundColor: 'FFFFFF',
      controlBackgroundColor: '#292929',
      controlForegroundColor: '#D6D6D6',
    };
    const { pane } = await loadBuiltAddin(REGISTER, { pane: true, office: { officeTheme } });
    const root = pane!.documentElement;
    expect(root.style['--neutral-bg-3']).toBe('#1f1f1f');
    expect(root.style['--neutral-fg']).toBe('#ffffff');
    expect(root.style['--neutral-bg']).toBe('#292929');
    expect(root.getAttribute('data-theme')).toBe('dark');
  });

  it('Generate quarterly register writes the latest quarter with no dialog; text stays text', async () => {
    const { fake } = await loadBuiltAddin(REGISTER);
    const before = fake.state.sheets.length;
    await fake.press('generateRegister');
    const names = fake.state.sheets.map((sheet) => sheet.name);
    expect(names.length).toBeGreaterThan(before);
    const register = fake.state.sheets[before]!;
    expect(register.name).toMatch(/Q2/);
    const texts = [...register.cells.values()].filter(
      (cell) => cell.value === '=not a formula' || cell.value === '-1 text',
    );
    expect(texts).toHaveLength(2);
    for (const cell of texts) expect(cell.formula).toBeUndefined();
    expect(fake.handlerErrors).toEqual([]);
  });

  it('Validate register reads in one sync and writes nothing', async () => {
    const { fake } = await loadBuiltAddin(REGISTER);
    const syncs = fake.state.syncCount;
    const cells = fake.state.sheets.map((sheet) => sheet.cells.size);
    await fake.press('validateRegister');
    expect(fake.state.syncCount - syncs).toBe(1);
    expect(fake.state.sheets.map((sheet) => sheet.cells.size)).toEqual(cells);
  });

  it('an edit on Assessments is re-checked and its validation restored; the add-in skips its own writes', async () => {
    const { fake, pane } = await loadBuiltAddin(REGISTER, { pane: true });
    await fake.press('setUpWorkbook');
    await fake.settle();
    const sheet = fake.state.sheet('Assessments')!;
    const impactRule = () =>
      sheet.validations.find((v) => v.rect.left === 2 && v.rect.top <= 3 && v.rect.bottom >= 3);
    // A paste wipes validation: model it by clearing the cell's rule, then editing.
    sheet.validations = sheet.validations.flatMap((v) =>
      v.rect.left === 2 && v.rect.top <= 3 && v.rect.bottom >= 3
        ? [{ ...v, rect: { ...v.rect, bottom: 2 } }]
        : [v],
    );
    expect(impactRule()).toBeUndefined();
    const syncs = fake.state.syncCount;
    await fake.edit('Assessments', 'C4', [[9]]);
    expect(fake.state.syncCount).toBeGreaterThan(syncs);
    // The pane shows the edited cell's issue.
    expect(pane!.getElementById('headline')!.textContent).toBe(
      'Assessments: 1 error, 0 warnings in the edited cells',
    );
    expect(pane!.shownIssues()).toEqual(['Assessments!C4: impact 9 is outside 1-5']);
    // C4 has the impact rule again: a whole number from 1 to 5.
    const restored = impactRule();
    expect(restored?.rect).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(restored?.rule).toEqual({ wholeNumber: { formula1: 1, formula2: 5, operator: 'Between' } });
    expect(restored?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: 'Impact' });
    expect(fake.handlerErrors).toEqual([]);
    // The restore itself raised no event the add-in acted on (events off, then triggerSource).
    const after = fake.state.syncCount;
    await fake.settle();
    expect(fake.state.syncCount).toBe(after);
  });
});
