// The menu commands, onEdit and the call counts, run by their global names in the built Code.js.
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_HEADERS,
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

  it('Set up adds the sheets, and Score/Rating formulas that pass the Scoring range', async () => {
    const { script, fake } = await loadScript(forceRegisterSheets());
    await script.setUpSheets!();
    expect(names(fake.spreadsheet.sheets)).toEqual(['Risks', 'Assessments', 'Scoring']);
    const assessments = fake.spreadsheet.sheet('Assessments')!;
    const score = assessments.peek(1, 4)?.content;
    expect(score).toEqual({
      kind: 'formula',
      formula: expect.stringMatching(/^=RISKSCORE\(C2,D2,Scoring!\$A\$1:\$[A-Z]+\$\d+\)$/),
    });
    expect(assessments.peek(1, 2)?.validation?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    // A second run changes nothing.
    const once = fake.spreadsheet.sheets.map(contents);
    await script.setUpSheets!();
    expect(fake.spreadsheet.sheets.map(contents)).toEqual(once);
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
  it('Set up makes the same number of calls whether Score/Rating gaps are one run or 1,200', async () => {
    const setUpCalls = async (typedEveryOtherRow: boolean) => {
      const sheets = syntheticRegisterSheets(600, 4);
      const [score, rating] = [ASSESSMENT_HEADERS.indexOf('Score'), ASSESSMENT_HEADERS.indexOf('Rating')];
      sheets[1]!.rows.slice(1).forEach((row, i) => {
        if (typedEveryOtherRow && i % 2 === 0)
          [(row as unknown[])[score], (row as unknown[])[rating]] = [99, 'Mine'];
      });
      const { script, fake } = await loadScript(sheets);
      const before = fake.calls.count;
      await script.setUpSheets!();
      expect(fake.ui.alerts).toEqual([]);
      const assessments = fake.spreadsheet.sheet('Assessments')!;
      // Row 2 is the user's when typed; row 3 always gets the formulas, in A1 form.
      expect(assessments.peek(2, 4)?.content).toEqual({
        kind: 'formula',
        formula: '=RISKSCORE(C3,D3,Scoring!$A$1:$K$31)',
      });
      expect(assessments.peek(1, 4)?.content).toEqual(
        typedEveryOtherRow
          ? { kind: 'number', value: 99 }
          : { kind: 'formula', formula: '=RISKSCORE(C2,D2,Scoring!$A$1:$K$31)' },
      );
      return fake.calls.count - before;
    };
    const oneRun = await setUpCalls(false);
    const manyRuns = await setUpCalls(true);
    console.log(
      `Set up: ${oneRun} SpreadsheetApp calls with no typed scores, ${manyRuns} with every other row typed`,
    );
    expect(manyRuns).toBe(oneRun);
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
