// The menu commands, onEdit and the call counts, run by their global names in the built Code.js.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JOB_SETTINGS,
  RISK_HEADERS,
  VALIDATION_ISSUES_SHEET,
  dateCell,
  generate,
} from '../../core/index.ts';
import { MEMORY_PORT } from '../support/memory-port.ts';
import { snapshotOf } from '../contract/ports/sheets-port.ts';
import { forceRegisterSheets } from '../support/force-register-sheets.ts';
import type { FakeSheet } from '../support/sheets-fake/index.ts';
import { syntheticRegisterSheets } from '../support/synthetic-register-sheets.ts';
import { loadScript } from './load-code.ts';

const names = (sheets: readonly FakeSheet[]) => sheets.map((sheet) => sheet.name);

/** Every value a sheet holds, for "nothing changed" checks. */
function contents(sheet: FakeSheet) {
  return JSON.stringify(sheet.cells.map((row) => row?.map((cell) => cell?.content ?? null) ?? []));
}

/** The edit event Sheets hands onEdit: a range on the sheet. */
function editEvent(sheet: FakeSheet, row: number, column: number, rows: number, columns: number) {
  return { range: sheet.range(row, column, rows, columns) };
}

describe('menu commands in Code.js', () => {
  it('Generate asks for the quarter (empty = latest) and writes the same sheets as the CLI', async () => {
    const { script, fake } = await loadScript(forceRegisterSheets());
    fake.ui.answers.push({ text: '', button: 'OK' });
    await script.generateQuarterlyRegister!();
    expect(fake.ui.alerts).toEqual([]);
    const reference = await MEMORY_PORT.open(forceRegisterSheets());
    const cli = await generate(reference.port, DEFAULT_JOB_SETTINGS);
    const planNames = (cli.plans ?? []).map((plan) => plan.name);
    expect(planNames.length).toBeGreaterThan(3);
    expect(names(fake.spreadsheet.sheets)).toEqual(['Risks', 'Assessments', ...planNames]);
    // Each sheet holds what the CLI's job writes: every value, style, merge and rule.
    const written = await reference.snapshot();
    for (const name of planNames) {
      const sheet = snapshotOf(fake.spreadsheet.sheet(name)!, fake.spreadsheet.env.timeZone);
      expect(sheet, name).toEqual(written.sheets.find((s) => s.name === name));
    }
    expect(fake.ui.prompts[0]!.prompt).toContain('Q2 2022/23');
    expect(fake.spreadsheet.toasts.map((t) => t.message).join('\n')).toContain(
      'Q2 2022/23: 21 open risks — 2 Critical, 13 High, 6 Medium, 0 Low.',
    );
    expect(fake.ui.alerts).toEqual([]);
  });

  it('Generate for a typed quarter; Cancel writes nothing; a second run replaces the sheets in place', async () => {
    const { script, fake } = await loadScript(forceRegisterSheets());
    fake.ui.answers.push({ text: '', button: 'CANCEL' });
    await script.generateQuarterlyRegister!();
    expect(names(fake.spreadsheet.sheets)).toEqual(['Risks', 'Assessments']);
    fake.ui.answers.push({ text: 'Q1 2022/23', button: 'OK' }, { text: 'Q1 2022/23', button: 'OK' });
    await script.generateQuarterlyRegister!();
    const once = names(fake.spreadsheet.sheets);
    expect(once.some((name) => name.includes('Q1 2022-23'))).toBe(true);
    await script.generateQuarterlyRegister!();
    expect(names(fake.spreadsheet.sheets)).toEqual(once);
    expect(once.some((name) => name.includes('(new'))).toBe(false);
  });

  it('Generate stops on errors, writes nothing, and names each bad cell in an alert', async () => {
    const sheets = forceRegisterSheets();
    const assessments = sheets[1]!.rows.map((row) => [...row]);
    assessments[1]![2] = 6;
    const { script, fake } = await loadScript([sheets[0]!, { name: 'Assessments', rows: assessments }]);
    fake.ui.answers.push({ text: '', button: 'OK' });
    await script.generateQuarterlyRegister!();
    expect(names(fake.spreadsheet.sheets)).toEqual(['Risks', 'Assessments']);
    expect(fake.ui.alerts[0]!.prompt).toContain('Assessments!C2: impact 6 is outside 1-5');
  });

  it('Validate writes the Validation issues sheet with links to the cells, and changes no data', async () => {
    const sheets = forceRegisterSheets();
    const assessments = sheets[1]!.rows.map((row) => [...row]);
    assessments[1]![2] = 6;
    const { script, fake } = await loadScript([sheets[0]!, { name: 'Assessments', rows: assessments }]);
    const before = fake.spreadsheet.sheets.map(contents);
    await script.validateRegister!();
    expect(names(fake.spreadsheet.sheets)).toEqual(['Risks', 'Assessments', VALIDATION_ISSUES_SHEET]);
    expect(fake.spreadsheet.sheets.slice(0, 2).map(contents)).toEqual(before);
    const report = fake.spreadsheet.sheet(VALIDATION_ISSUES_SHEET)!;
    const formulas = report.cells.flatMap(
      (row) => row?.map((cell) => (cell?.content?.kind === 'formula' ? cell.content.formula : '')) ?? [],
    );
    expect(formulas.some((f) => f.startsWith('=HYPERLINK(') && f.includes('C2'))).toBe(true);
  });

  it('Set up writes Score and Rating as one array formula each, in the header cell, and the sheet shows every row', async () => {
    const { script, fake } = await loadScript(forceRegisterSheets());
    await script.setUpSheets!();
    expect(names(fake.spreadsheet.sheets)).toEqual(['Risks', 'Assessments', 'Scoring']);
    const assessments = fake.spreadsheet.sheet('Assessments')!;
    expect(assessments.peek(0, 4)?.content).toEqual({
      kind: 'formula',
      formula: expect.stringMatching(/^=\{"Score";RISKSCORE\(C2:C,D2:D,Scoring!\$A\$1:\$[A-Z]+\$\d+\)\}$/),
    });
    expect(assessments.peek(0, 5)?.content).toMatchObject({
      formula: expect.stringMatching(/^=\{"Rating";RISKRATING\(C2:C,D2:D,/),
    });
    expect(assessments.peek(1, 4)?.content, 'no formula per row').toBeUndefined();
    expect(fake.customFunctionCells()).toBe(2);
    // What the spreadsheet shows: the header, then each row's score and rating, calculated by the script.
    const rows = forceRegisterSheets()[1]!.rows;
    const shown = assessments.getRange(1, 1, rows.length, 6).getValues();
    expect(shown[0]!.slice(4)).toEqual(['Score', 'Rating']);
    shown.slice(1).forEach((row, i) => {
      const [impact, probability] = [rows[i + 1]![2], rows[i + 1]![3]];
      if (typeof impact === 'number' && typeof probability === 'number')
        expect(row[4]).toBe(impact * probability);
    });
    expect(assessments.peek(1, 2)?.validation?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(fake.spreadsheet.toasts.at(-1)?.message).toContain(
      'One formula calculates each column, from its header cell: Assessments!E1 (Score), Assessments!F1 (Rating).',
    );
    // A second run changes nothing.
    const once = fake.spreadsheet.sheets.map(contents);
    await script.setUpSheets!();
    expect(fake.spreadsheet.sheets.map(contents)).toEqual(once);
    expect(fake.spreadsheet.toasts.at(-1)?.message).not.toContain('Left ');
  });

  it('Set up leaves a Score column with values typed in as it is, and says so; a typed value later blocks the array (#REF!)', async () => {
    const sheets = forceRegisterSheets();
    const rows = sheets[1]!.rows.map((row) => [...row]);
    rows[2]![4] = 99;
    const { script, fake } = await loadScript([sheets[0]!, { name: 'Assessments', rows }]);
    await script.setUpSheets!();
    const assessments = fake.spreadsheet.sheet('Assessments')!;
    expect(assessments.peek(2, 4)?.content).toEqual({ kind: 'number', value: 99 });
    expect(assessments.peek(0, 4)?.content).toEqual({ kind: 'text', text: 'Score' });
    expect(assessments.peek(0, 5)?.content).toMatchObject({ kind: 'formula' });
    expect(fake.spreadsheet.toasts.at(-1)?.message).toContain(
      'Left Assessments!E2:E (Score) as it is: it holds values typed in. Clear them and run Set up again to calculate the column.',
    );
    // Typing into the Rating column's spill: Sheets shows #REF! in the header cell and spills nothing.
    assessments.getRange(4, 6).setValues([['Mine']]);
    expect(assessments.getRange(1, 6, 3, 1).getValues()).toEqual([['#REF!'], [''], ['']]);
  });

  it('onEdit reports a bad value in a toast, keeps it as typed and restores the validation a paste wiped', async () => {
    const sheets = forceRegisterSheets();
    const assessments = sheets[1]!.rows.map((row) => [...row]);
    assessments[3]![3] = 9;
    const { script, fake } = await loadScript([sheets[0]!, { name: 'Assessments', rows: assessments }]);
    const sheet = fake.spreadsheet.sheet('Assessments')!;
    await script.onEdit!(editEvent(sheet, 4, 4, 1, 1));
    expect(fake.spreadsheet.toasts.at(-1)?.message).toContain('Assessments!D4: probability 9 is outside 1-5');
    expect(sheet.peek(3, 3)?.content).toEqual({ kind: 'number', value: 9 });
    expect(sheet.peek(3, 3)?.validation?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    const other = fake.spreadsheet.sheets.length;
    await script.onEdit!(editEvent(fake.spreadsheet.sheet('Risks')!, 2, 1, 1, 1));
    expect(fake.spreadsheet.sheets.length).toBe(other);
  });
});

describe('SpreadsheetApp calls do not grow with the register', () => {
  const generateCalls = async (risks: number) => {
    const { script, fake } = await loadScript(syntheticRegisterSheets(risks, 4));
    fake.ui.answers.push({ text: '', button: 'OK' });
    const before = fake.calls.count;
    await script.generateQuarterlyRegister!();
    expect(fake.ui.alerts).toEqual([]);
    return fake.calls.count - before;
  };

  it('Generate makes the same number of calls for 10 and 5,000 risks', async () => {
    const small = await generateCalls(10);
    const large = await generateCalls(5000);
    console.log(`Generate: ${small} SpreadsheetApp calls for 10 risks, ${large} for 5,000`);
    expect(large).toBe(small);
  });

  it('onEdit makes the same number of calls for one cell and a 2,000-row paste', async () => {
    const editCalls = async (rows: number) => {
      const { script, fake } = await loadScript(syntheticRegisterSheets(2100, 4));
      const sheet = fake.spreadsheet.sheet('Assessments')!;
      const before = fake.calls.count;
      await script.onEdit!(editEvent(sheet, 2, 1, rows, 7));
      return fake.calls.count - before;
    };
    const one = await editCalls(1);
    const paste = await editCalls(2000);
    console.log(`onEdit: ${one} SpreadsheetApp calls for one row, ${paste} for a 2,000-row paste`);
    expect(paste).toBe(one);
  });
  it('Set up at 20 and 2,000 assessments: the same calls, and two custom-function cells either way', async () => {
    const setUp = async (risks: number) => {
      const { script, fake } = await loadScript(syntheticRegisterSheets(risks, 4));
      const before = fake.calls.count;
      await script.setUpSheets!();
      expect(fake.ui.alerts).toEqual([]);
      // A sheet grows past its 1,000 rows for the rules' margin: one insertRowsAfter each time.
      const grown = fake.calls.byMethod.get('Sheet.insertRowsAfter') ?? 0;
      return { calls: fake.calls.count - before - grown, customFunctionCells: fake.customFunctionCells() };
    };
    const small = await setUp(5);
    const large = await setUp(500);
    console.log(`Set up: ${JSON.stringify(small)} at 20 assessments, ${JSON.stringify(large)} at 2,000`);
    expect(large).toEqual(small);
    expect(large.customFunctionCells).toBe(2);
  });

  it('formats each date read once (Utilities.formatDate), however many cells hold it', async () => {
    const sheets = syntheticRegisterSheets(600, 4);
    const raised = RISK_HEADERS.indexOf('Date raised');
    const days = ['2021-04-01', '2021-06-30', '2022-01-15'];
    sheets[0]!.rows.slice(1).forEach((row, i) => ((row as unknown[])[raised] = dateCell(days[i % 3]!)));
    const { script, fake } = await loadScript(sheets);
    await script.validateRegister!();
    expect(fake.ui.alerts).toEqual([]);
    expect(fake.Utilities.calls.get('formatDate')).toBe(days.length);
  });
});
