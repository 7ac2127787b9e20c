/** The jobs against the in-memory port: Set up on a user's own workbook, and the re-check after a paste. */
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../../../core/index.ts';
import {
  APRIL_FISCAL_YEAR,
  DEFAULT_JOB_SETTINGS,
  RISK_HEADERS,
  ASSESSMENT_HEADERS,
  cellLink,
  generate,
  recheckEdit,
  setUp,
  validate,
} from '../../../core/index.ts';
import { MemoryWorkbookPort } from '../../support/memory-port.ts';
import { syntheticRegisterSheets } from '../../support/synthetic-register-sheets.ts';

/** A user's register: a title row, columns in their own order, two extra columns, no Score/Rating, no Scoring sheet. */
function usersWorkbook(): SheetGrid[] {
  return [
    {
      name: 'Risks',
      rows: [
        ['Corporate risks — owned by the Audit team'],
        ['Notes', 'Risk name', 'Ref', 'Status', 'Owner', 'Our RAG'],
        ['keep me', 'Cyber attack', 'CRR1', 'Open', 'CIO', 'Red'],
        [null, 'Budget gap', 'CRR2', 'Open', 'CFO', '=not a formula'],
      ],
    },
    {
      name: 'Assessments',
      rows: [
        ['Quarter', 'ID', 'Likelihood', 'Impact', 'My notes'],
        ['Q1 2022/23', 'CRR1', 4, 5, 'first'],
        ['Q2 2022/23', 'CRR1', 4, 5, null],
        ['Q2 2022/23', 'CRR2', 3, 2, '+ve trend'],
      ],
    },
  ];
}

/** Every non-empty cell the user had, by sheet and address. */
function userCells(sheets: readonly SheetGrid[]): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const sheet of sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== '') cells.set(`${sheet.name}!${r},${c}`, value);
      }),
    );
  }
  return cells;
}

describe('setUp', () => {
  it('on a Risks sheet without IDs and no Assessments: the new Assessments checks the IDs Set up adds — once', async () => {
    const port = new MemoryWorkbookPort([
      {
        name: 'Risks',
        rows: [
          ['Risk name', 'Status'],
          ['Cyber attack', 'Open'],
        ],
      },
    ]);
    const first = await setUp(port);
    expect(first.report.sheetsAdded).toEqual(['Assessments', 'Scoring']);
    const once = port.snapshot();
    const risks = once.sheets.find((s) => s.name === 'Risks')!;
    expect(risks.values[0]![2]).toBe('ID');
    const assessments = once.sheets.find((s) => s.name === 'Assessments')!;
    expect(assessments.validations['A2']).toBe('custom COUNTIF(Risks!$C$2:$C$502,A2)>0, blank ok');
    const second = await setUp(port);
    expect(second.report.sheetsAdded).toEqual([]);
    expect(port.snapshot()).toEqual(once);
  });

  it('on a user workbook: appends missing headers, fills empty Score/Rating, adds Scoring, and changes no user cell — twice', async () => {
    const sheets = usersWorkbook();
    const port = new MemoryWorkbookPort(sheets);
    const first = await setUp(port);
    expect(first.report.sheetsAdded).toEqual(['Scoring']);
    expect(first.report.headersAdded).toEqual([
      {
        sheet: 'Risks',
        headers: [
          'Description',
          'Impact',
          'Key controls and activities',
          'Date raised',
          'Date closed',
          'Closure rationale',
          'Closure reported',
        ],
      },
      { sheet: 'Assessments', headers: ['Score', 'Rating', 'Commentary'] },
    ]);
    expect(first.report.formulasAdded).toBe(6);
    const after = port.snapshot();
    for (const [key, value] of userCells(sheets)) {
      const [sheet, at] = key.split('!') as [string, string];
      const [r, c] = at.split(',').map(Number) as [number, number];
      expect(after.sheets.find((s) => s.name === sheet)!.values[r]![c], key).toEqual(value);
    }
    const assessments = after.sheets.find((s) => s.name === 'Assessments')!;
    expect(assessments.values[0]).toEqual([
      'Quarter',
      'ID',
      'Likelihood',
      'Impact',
      'My notes',
      'Score',
      'Rating',
      'Commentary',
    ]);
    // Impact is column D and Likelihood column C in this user's order.
    expect(assessments.values[1]![5]).toEqual({ formula: 'RISKSCORE(D2,C2)' });
    expect(assessments.values[1]![6]).toEqual({ formula: 'RISKRATING(D2,C2)' });
    expect(assessments.validations['D2']).toBe('wholeNumber 1-5, blank ok');
    expect(assessments.validations['B2']).toBe('custom COUNTIF(Risks!$C$3:$C$504,B2)>0, blank ok');
    expect(after.names.map((n) => n.name)).toEqual(['RISKRATING', 'RISKSCORE', 'RISKTREND']);

    const callsAfterFirst = { ...port.calls };
    const second = await setUp(port);
    expect(port.snapshot()).toEqual(after);
    expect(second.report).toMatchObject({ sheetsAdded: [], headersAdded: [], formulasAdded: 0 });
    expect(second.outcome.headline).toMatch(/already set up/);
    expect(port.calls.writeCells).toBe(callsAfterFirst.writeCells);
    expect(port.calls.writeSheets).toBe(callsAfterFirst.writeSheets);
  });

  it('a user formula or value in Score is never overwritten', async () => {
    const port = new MemoryWorkbookPort([
      { name: 'Risks', rows: [[...RISK_HEADERS], ['CRR1', 'A risk']] },
      {
        name: 'Assessments',
        rows: [
          [...ASSESSMENT_HEADERS],
          ['CRR1', 'Q2 2022/23', 2, 3, 6, 'Medium'],
          ['CRR1', 'Q3 2022/23', 2, 3, null, null],
        ],
      },
    ]);
    await setUp(port);
    const values = port.snapshot().sheets.find((s) => s.name === 'Assessments')!.values;
    expect(values[1]!.slice(4, 6)).toEqual([6, 'Medium']);
    expect(values[2]!.slice(4, 6)).toEqual([
      { formula: 'RISKSCORE(C3,D3)' },
      { formula: 'RISKRATING(C3,D3)' },
    ]);
  });

  it('on a host whose custom functions recalculate only on argument change, the formulas take the Scoring range', async () => {
    const port = new MemoryWorkbookPort([
      { name: 'Risks', rows: [[...RISK_HEADERS], ['CRR1', 'A risk']] },
      { name: 'Assessments', rows: [[...ASSESSMENT_HEADERS], ['CRR1', 'Q2 2022/23', 2, 3]] },
    ]);
    Object.assign(port, { capabilities: { functionsRecalculateOnArgumentsOnly: true } });
    await setUp(port);
    const snapshot = port.snapshot();
    const scoring = snapshot.sheets.find((s) => s.name === 'Scoring')!;
    const formula = snapshot.sheets.find((s) => s.name === 'Assessments')!.values[1]![4] as {
      formula: string;
    };
    expect(formula.formula).toMatch(/^RISKSCORE\(C2,D2,Scoring!\$A\$1:\$[A-Z]+\$\d+\)$/);
    expect(Number(/\$(\d+)\)$/.exec(formula.formula)![1])).toBe(scoring.values.length);
  });

  it('on a host whose custom-function cells are executions, Score and Rating are one formula per column, in the header', async () => {
    const port = new MemoryWorkbookPort([
      { name: 'Risks', rows: [[...RISK_HEADERS], ['CRR1', 'A risk']] },
      {
        name: 'Assessments',
        rows: [[...ASSESSMENT_HEADERS], ...Array.from({ length: 2000 }, () => ['CRR1', 'Q2 2022/23', 2, 3])],
      },
    ]);
    Object.assign(port, {
      capabilities: { functionsRecalculateOnArgumentsOnly: true, formulasPerColumn: true },
    });
    const first = await setUp(port);
    const values = port.snapshot().sheets.find((s) => s.name === 'Assessments')!.values;
    expect(values[0]!.slice(4, 6)).toEqual([
      { formula: expect.stringMatching(/^\{"Score";RISKSCORE\(C2:C,D2:D,Scoring!\$A\$1:\$[A-Z]+\$\d+\)\}$/) },
      { formula: expect.stringMatching(/^\{"Rating";RISKRATING\(C2:C,D2:D,Scoring!/) },
    ]);
    expect(values.slice(1).every((row) => row[4] === undefined || row[4] === null)).toBe(true);
    expect(first.report).toMatchObject({
      formulasAdded: 0,
      columnFormulas: ['Assessments!E1 (Score)', 'Assessments!F1 (Rating)'],
      columnsLeftAlone: [],
    });
    expect(first.outcome.details).toContain(
      'One formula calculates each column, from its header cell: Assessments!E1 (Score), Assessments!F1 (Rating).',
    );
  });

  it('on such a host, a column showing the formula results is left as it is, silently; one with typed values is left alone, and the outcome says so', async () => {
    const rows: CellValue[][] = [
      [...ASSESSMENT_HEADERS],
      ['CRR1', 'Q2 2022/23', 2, 3, 6, 'Medium'],
      ['CRR1', 'Q3 2022/23', 6, 3, 'impact 6 is outside 1-5', 'impact 6 is outside 1-5'],
      ['CRR1', 'Q4 2022/23', null, null, null, null],
    ];
    const open = (assessments: CellValue[][]) => {
      const port = new MemoryWorkbookPort([
        { name: 'Risks', rows: [[...RISK_HEADERS], ['CRR1', 'A risk']] },
        { name: 'Assessments', rows: assessments },
      ]);
      Object.assign(port, {
        capabilities: { functionsRecalculateOnArgumentsOnly: false, formulasPerColumn: true },
      });
      return port;
    };
    // What the column formulas show: Set up ran before.
    const calculated = await setUp(open(rows));
    expect(calculated.report).toMatchObject({
      columnFormulas: ['Assessments!E1 (Score)', 'Assessments!F1 (Rating)'],
      columnsLeftAlone: [],
    });
    expect(calculated.outcome.details.join(' ')).not.toContain('Left ');
    // A typed score that differs, and a rating missing from a row with levels: both typed by hand.
    const typed = rows.map((row) => [...row]);
    typed[1]![4] = 8;
    typed[1]![5] = null;
    const port = open(typed);
    const result = await setUp(port);
    expect(result.report.columnsLeftAlone).toEqual(['Assessments!E2:E (Score)', 'Assessments!F2:F (Rating)']);
    expect(result.outcome.details).toContain(
      'Left Assessments!E2:E (Score) as it is: it holds values typed in. Clear them and run Set up again to calculate the column.',
    );
    const values = port.snapshot().sheets.find((s) => s.name === 'Assessments')!.values;
    expect(values[0]!.slice(4, 6)).toEqual(['Score', 'Rating']);
    expect(values[1]![4]).toBe(8);
    expect(values[1]![5] ?? null).toBeNull();
  });

  it('stops on a broken Scoring sheet and writes nothing', async () => {
    const port = new MemoryWorkbookPort([{ name: 'Scoring', rows: [['Matrix', 'Mine'], ['nonsense']] }]);
    const result = await setUp(port);
    expect(result.outcome.failed).toBe(true);
    expect(result.outcome.issues).toContainEqual({
      severity: 'error',
      sheet: 'Scoring',
      cell: 'A1',
      message: 'the Scoring sheet has no Impact section',
    });
    expect(
      result.outcome.issues.every((issue) => issue.sheet === 'Scoring' && issue.severity === 'error'),
    ).toBe(true);
    expect(port.calls).toMatchObject({ writeSheets: 0, writeCells: 0, applyRules: 0, defineNames: 0 });
  });
});

describe('recheckEdit', () => {
  const sheets = () => syntheticRegisterSheets(300, 4);

  it('a paste of 200 rows with bad values gives one issue per bad cell and restores the rules there, with the calls of a one-cell edit', async () => {
    const pasted = sheets();
    const rows = pasted[1]!.rows as CellValue[][];
    for (let r = 101; r <= 300; r++)
      rows[r] = [r % 2 ? 'NOPE' : `CRR${r}`, 'Q3 2022/23', r % 2 ? 3 : 6, 2, null, null, 'pasted'];
    const pastePort = new MemoryWorkbookPort(pasted);
    const paste = await recheckEdit(
      pastePort,
      { sheet: 'Assessments', range: { top: 101, left: 0, bottom: 300, right: 6 } },
      DEFAULT_JOB_SETTINGS,
    );
    const bad = paste.issues.filter((i) => i.severity === 'error');
    expect(bad).toHaveLength(200);
    expect(bad.filter((i) => i.message.startsWith('risk ID NOPE is not on the Risks sheet'))).toHaveLength(
      100,
    );
    expect(bad.filter((i) => i.message === 'impact 6 is outside 1-5')).toHaveLength(100);
    expect(bad[0]).toMatchObject({ sheet: 'Assessments', cell: 'A102' });
    expect(
      bad.every((i) => {
        const row = Number(i.cell.replace(/^[A-Z]+/, ''));
        return row >= 102 && row <= 301;
      }),
    ).toBe(true);
    expect(paste.rulesRestored).toBeGreaterThan(0);
    const restored = pastePort.snapshot().sheets.find((s) => s.name === 'Assessments')!.validations;
    expect(restored['C102']).toBe('wholeNumber 1-5, blank ok');
    expect(restored['C301']).toBe('wholeNumber 1-5, blank ok');
    expect(restored['C101']).toBeUndefined();
    expect(restored['C302']).toBeUndefined();

    const onePort = new MemoryWorkbookPort(sheets());
    const one = await recheckEdit(
      onePort,
      { sheet: 'Assessments', range: { top: 5, left: 2, bottom: 5, right: 2 } },
      DEFAULT_JOB_SETTINGS,
    );
    expect(one.issues).toEqual([]);
    expect(onePort.calls).toEqual(pastePort.calls);
  });

  it('on Risks: a pasted ID that an earlier row uses is a duplicate, as Validate says', async () => {
    const pasted = sheets();
    const rows = pasted[0]!.rows as CellValue[][];
    rows[250] = ['CRR3', ...rows[250]!.slice(1)];
    const port = new MemoryWorkbookPort(pasted);
    const result = await recheckEdit(
      port,
      { sheet: 'Risks', range: { top: 250, left: 0, bottom: 250, right: 0 } },
      DEFAULT_JOB_SETTINGS,
    );
    const full = await validate(new MemoryWorkbookPort(pasted), DEFAULT_JOB_SETTINGS);
    expect(result.issues).toEqual(
      full.issues.filter((i) => i.sheet === 'Risks' && i.cell === 'A251' && i.severity === 'error'),
    );
    expect(result.issues).toEqual([
      {
        severity: 'error',
        sheet: 'Risks',
        cell: 'A251',
        message: 'duplicate ID CRR3: row 4 already uses it',
      },
    ]);
  });

  it('an edit outside the data sheets costs nothing', async () => {
    const port = new MemoryWorkbookPort(sheets());
    const result = await recheckEdit(
      port,
      { sheet: 'Register Q2 2022-23', range: { top: 1, left: 1, bottom: 1, right: 1 } },
      DEFAULT_JOB_SETTINGS,
    );
    expect(result.issues).toEqual([]);
    expect(port.calls.read).toBe(0);
  });
});

describe('validate and generate through a HostUi', () => {
  const ui = (answer: string | undefined) => {
    const seen: string[] = [];
    return {
      seen,
      askQuarter: async (suggested: string) => {
        seen.push(`ask ${suggested}`);
        return answer;
      },
      progress: (message: string) => seen.push(`progress ${message}`),
      showOutcome: (outcome: { headline: string }) => seen.push(`outcome ${outcome.headline}`),
    };
  };
  const sheets = () => syntheticRegisterSheets(5, 4);

  it('asks for the quarter offering the latest, and an empty answer takes it', async () => {
    const host = ui('');
    const result = await generate(
      new MemoryWorkbookPort(sheets()),
      { calendar: APRIL_FISCAL_YEAR, quarterCount: 4 },
      host,
    );
    expect(host.seen[1]).toBe('ask Q2 2022/23');
    expect(result.plans?.[0]?.name).toBe('Register Q2 2022-23');
    expect(host.seen.at(-1)).toMatch(/^outcome Q2 2022\/23: 5 open risks — /);
  });

  it('a typed quarter is used; a bad one or Cancel writes nothing and says why', async () => {
    expect(
      (await generate(new MemoryWorkbookPort(sheets()), DEFAULT_JOB_SETTINGS, ui('Q1 2022/23'))).plans?.[0]
        ?.name,
    ).toBe('Register Q1 2022-23');
    const badPort = new MemoryWorkbookPort(sheets());
    const bad = await generate(badPort, DEFAULT_JOB_SETTINGS, ui('Quarter five'));
    expect(bad.outcome).toMatchObject({
      failed: true,
      headline: '"Quarter five" is not a quarter; write it like Q2 2022/23 (the latest is Q2 2022/23).',
    });
    const cancelPort = new MemoryWorkbookPort(sheets());
    expect((await generate(cancelPort, DEFAULT_JOB_SETTINGS, ui(undefined))).outcome.headline).toBe(
      'Cancelled: nothing was generated.',
    );
    expect(badPort.calls.writeSheets + cancelPort.calls.writeSheets).toBe(0);
  });

  it('the Validation issues report links each address to its cell', async () => {
    const rows = sheets();
    (rows[1]!.rows as CellValue[][])[3]![2] = 9;
    const result = await validate(new MemoryWorkbookPort(rows), DEFAULT_JOB_SETTINGS);
    expect(result.issues[0]).toMatchObject({
      sheet: 'Assessments',
      cell: 'C4',
      message: 'impact 9 is outside 1-5',
    });
    expect(result.report.cells[4]![1]!.value).toEqual(cellLink(result.issues[0]!));
    expect(cellLink({ sheet: "Tom's risks", cell: 'D7' })).toEqual({
      formula: `HYPERLINK("#'Tom''s risks'!D7","Tom's risks!D7")`,
    });
    expect(result.outcome.headline).toBe('1 error, 0 warnings');
  });
});
