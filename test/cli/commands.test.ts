/** The risk-register commands end to end on real .xlsx files, in-process (exit codes, output, files). */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { run } from '../../cli/main.ts';
import { readDefinedNames } from '../../cli/functions.ts';
import { findWorksheet, readSheetGrid } from '../../cli/read-grid.ts';
import { DEFAULT_MATRIX_SPEC } from '../../core/matrix/default-matrix.ts';
import { readScoringSheet } from '../../core/matrix/scoring-sheet.ts';
import { FORCE_REGISTER_EXPECTED } from '../../examples/force-register.ts';
import { SCENARIOS, SIX_BANDS_SPEC } from '../contract/scenarios.ts';
import { FIVE_BY_FIVE_GRID_SPEC } from '../support/matrices.ts';
import { fixtureWorkbookBuffer } from '../support/workbook-fixture.ts';
import { TEMPLATE_RISK_HEADERS } from '../support/template-headers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'risk-register-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCli(dir, ...argv);

async function scenarioFile(name: string): Promise<string> {
  const scenario = SCENARIOS.find((s) => s.name === name)!;
  const file = `${name.replace(/\W+/g, '-')}.xlsx`;
  await writeFile(join(dir, file), await fixtureWorkbookBuffer(scenario.sheets));
  return file;
}

async function sheetRows(file: string, sheetName: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, file));
  const sheet = findWorksheet(workbook, sheetName);
  if (!sheet)
    throw new Error(
      `${file} has no sheet ${sheetName}; it has ${workbook.worksheets.map((w) => w.name).join(', ')}`,
    );
  return { sheet, rows: readSheetGrid(sheet).rows };
}

describe('usage and file errors exit 2', () => {
  it.each([
    [[], 0],
    [['--help'], 0],
    [['frobnicate'], 2],
    [['validate'], 2],
    [['validate', 'a.xlsx', 'b.xlsx'], 2],
    [['validate', 'notes.txt'], 2],
    [['generate', 'x.xlsx', '--fy-start', '13'], 2],
    [['generate', 'x.xlsx', '--quarters', 'four'], 2],
    [['init', 'x.xlsx', '--json'], 2],
    [['validate', 'missing.xlsx'], 2],
  ])('%j → %i', async (argv, expected) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(expected);
    if (expected === 0) expect(stdout).toContain('Usage:');
    else expect(stderr).toMatch(/^risk-register: /);
  });

  it('shows the usage text for a command-line mistake, not for a file problem', async () => {
    expect((await cli('generate', 'x.xlsx', '--bogus')).stderr).toContain('Usage:');
    expect((await cli('validate', 'missing.xlsx')).stderr).not.toContain('Usage:');
  });

  it('names the file that is not a workbook', async () => {
    await writeFile(join(dir, 'fake.xlsx'), 'this is not a zip');
    const { code, stderr } = await cli('validate', 'fake.xlsx');
    expect(code).toBe(2);
    expect(stderr).toContain('fake.xlsx');
  });

  it('rejects a bad --quarter, a bad --matrix and an --out that is the input', async () => {
    await cli('init', 'usage.xlsx', '--example');
    expect((await cli('generate', 'usage.xlsx', '--quarter', 'Q5 2022/23')).code).toBe(2);
    // With calendar quarters the hint shows the calendar form, not the fiscal one it would reject.
    expect(
      (await cli('generate', 'usage.xlsx', '--fy-start', '1', '--quarter', 'Q2 2022/23')).stderr,
    ).toContain('write it like "Q2 2022"');
    await writeFile(
      join(dir, 'bad-matrix.json'),
      JSON.stringify({
        ...DEFAULT_MATRIX_SPEC,
        bands: [
          { rating: 'Low', min: 1, max: 10 },
          { rating: 'High', min: 5, max: 25 },
        ],
      }),
    );
    const badMatrix = await cli('generate', 'usage.xlsx', '--matrix', 'bad-matrix.json');
    expect(badMatrix.code).toBe(2);
    expect(badMatrix.stderr).toMatch(/overlap/i);
    await writeFile(join(dir, 'not-json.json'), '{ nope');
    expect((await cli('validate', 'usage.xlsx', '--matrix', 'not-json.json')).stderr).toContain(
      'not valid JSON',
    );
    expect((await cli('generate', 'usage.xlsx', '--out', 'usage.xlsx')).code).toBe(2);
  });
});

describe('init', () => {
  it('creates a register workbook with data sheets, Scoring, formulas and LAMBDA names, and never overwrites', async () => {
    const first = await cli('init', 'new.xlsx');
    expect(first.code).toBe(0);
    // An empty register has no quarter to validate yet, so the hint says what comes first.
    expect(first.stdout).toContain(
      'Next: fill in Risks and Assessments, then: risk-register validate new.xlsx',
    );
    const { rows: risks } = await sheetRows('new.xlsx', 'Risks');
    expect(risks[0]).toEqual(TEMPLATE_RISK_HEADERS);
    const { rows: scoring } = await sheetRows('new.xlsx', 'Scoring');
    expect(readScoringSheet({ name: 'Scoring', rows: scoring }).spec).toEqual(DEFAULT_MATRIX_SPEC);
    const names = await readDefinedNames(await readFile(join(dir, 'new.xlsx')));
    expect(
      Object.keys(names)
        .filter((n) => n.startsWith('RISK'))
        .sort(),
    ).toEqual(['RISKRATING', 'RISKSCORE', 'RISKTREND']);
    expect(names.RISKSCORE).toMatch(/^_xlfn\.LAMBDA\(_xlpm\.impact,_xlpm\.probability,/);

    const before = await readFile(join(dir, 'new.xlsx'));
    const again = await cli('init', 'new.xlsx', '--example');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(await readFile(join(dir, 'new.xlsx'))).toEqual(before);
  });

  it('--example fills it with the bundled register, Score and Rating as RISKSCORE/RISKRATING formulas, and validation rules', async () => {
    expect((await cli('init', 'example.xlsx', '--example')).code).toBe(0);
    const { sheet, rows } = await sheetRows('example.xlsx', 'Assessments');
    expect(rows.length).toBeGreaterThan(100);
    expect(sheet.getCell('E2').formula).toBe('RISKSCORE(C2,D2)');
    expect(sheet.getCell('F2').formula).toBe('RISKRATING(C2,D2)');
    const validation = sheet.getCell('C2').dataValidation;
    expect(validation).toMatchObject({ type: 'whole', operator: 'between', formulae: [1, 5] });
    const { sheet: risks } = await sheetRows('example.xlsx', 'Risks');
    expect(risks.getCell('G2').dataValidation).toMatchObject({ type: 'list' });
  });
});

describe('validate', () => {
  it('passes the example workbook with no errors', async () => {
    await cli('init', 'valid.xlsx', '--example');
    const { code, stdout } = await cli('validate', 'valid.xlsx', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { issues: { severity: string }[] };
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('lists every problem by cell and exits 1', async () => {
    const file = await scenarioFile('bad input of every kind');
    const { code, stdout } = await cli('validate', file);
    expect(code).toBe(1);
    expect(stdout).toContain('Assessments!C2: impact 6 is outside 1-5');
    expect(stdout).toContain('Assessments!C3: impact 2.5 is not a whole number');
    expect(stdout).toContain('Assessments!C4: impact "abc" is not a number');
    expect(stdout).toMatch(/Assessments!A5: .*NOPE/);
    expect(stdout).toMatch(/Assessments!B6: .*quarter/i);
    expect(stdout).toMatch(/Assessments!C7: .*#N\/A/);
    expect(stdout).toMatch(/Risks!A3: .*B1/);
    expect(stdout).toMatch(/Risks!A4: /);
    expect(stdout).toMatch(/Risks!I5: /);
    expect(stdout).toMatch(/Risks!G6: .*Maybe/);
    expect(stdout).toMatch(/Risks!H7: .*not a date/);
    expect(stdout).toMatch(/warning Assessments!E8: score 10 does not match/);

    const json = JSON.parse((await cli('validate', file, '--json')).stdout) as { issues: object[] };
    expect(json.issues).toContainEqual({
      severity: 'error',
      sheet: 'Assessments',
      cell: 'C2',
      message: 'impact 6 is outside 1-5',
    });
  });
});

describe('generate', () => {
  it('reproduces the published register’s arrows and ratings for every open risk', async () => {
    await cli('init', 'force.xlsx', '--example');
    const { code, stdout } = await cli('generate', 'force.xlsx', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.quarter).toBe('Q2 2022/23');
    expect(report.quarters).toEqual(['Q3 2021/22', 'Q4 2021/22', 'Q1 2022/23', 'Q2 2022/23']);
    const byId = new Map(report.open.map((row: { id: string }) => [row.id, row]));
    expect(byId.size).toBe(FORCE_REGISTER_EXPECTED.rows.length);
    for (const expected of FORCE_REGISTER_EXPECTED.rows) {
      expect(byId.get(expected.id), expected.id).toMatchObject({
        trend: expected.trend,
        rating: expected.rating,
      });
    }
    expect(report.open[0]).toMatchObject({
      id: 'CRR10',
      impact: 5,
      probability: 5,
      score: 25,
      rating: 'Critical',
    });
    expect(report.closed).toEqual([
      expect.objectContaining({ id: 'CRR14', dateClosed: '2022-08-15', closureReported: '2022-09-29' }),
    ]);
    expect(Object.keys(report).sort()).toEqual([
      'closed',
      'history',
      'issues',
      'open',
      'quarter',
      'quarters',
      'transferred',
    ]);
    // Every field of PRODUCT §8, with its value for an absent column where the example has none.
    expect(Object.keys(report.open[0]).sort()).toEqual(
      [
        'actions',
        'aboveAppetite',
        'appetite',
        'id',
        'impact',
        'inherent',
        'name',
        'probability',
        'rating',
        'ratings',
        'reviewOverdue',
        'score',
        'status',
        'target',
        'trend',
      ].sort(),
    );
    expect(report.open[0]).toMatchObject({
      ratings: ['High', 'High', 'High', 'Critical'],
      inherent: { impact: 5, probability: 5, score: 25, rating: 'Critical' },
      target: { impact: 4, probability: 3, score: 12, rating: 'High', date: '2024-03-31' },
      appetite: 16,
      aboveAppetite: true,
      status: 'Open',
      reviewOverdue: false,
      actions: { open: 0, overdue: 0 },
    });
    // The example's management (PRODUCT §8): proposals for closure, an overdue review, actions.
    expect(byId.get('CRR15')).toMatchObject({ status: 'Proposed for closure' });
    expect(byId.get('CRR05')).toMatchObject({ status: 'Open', reviewOverdue: true });
    expect(byId.get('CRR20')).toMatchObject({ actions: { open: 2, overdue: 1 } });
    expect(byId.get('CRR01')).toMatchObject({
      inherent: null,
      target: null,
      appetite: null,
      aboveAppetite: null,
    });
    expect(report.transferred).toEqual([]);
    expect(report.history).toEqual([
      'Q3 2020/21',
      'Q4 2020/21',
      'Q1 2021/22',
      'Q2 2021/22',
      'Q3 2021/22',
      'Q4 2021/22',
      'Q1 2022/23',
      'Q2 2022/23',
    ]);
  });

  it('--history N sets the History sheet’s quarters; outside 1-20 is a usage error', async () => {
    await cli('init', 'history.xlsx', '--example');
    const { code, stdout } = await cli(
      'generate',
      'history.xlsx',
      '--history',
      '3',
      '--json',
      '--out',
      'h.xlsx',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).history).toEqual(['Q4 2021/22', 'Q1 2022/23', 'Q2 2022/23']);
    expect((await cli('generate', 'history.xlsx', '--history', '21')).code).toBe(2);
  });

  it('reads a macro-enabled .xlsm as Excel saves one; its macros are neither run nor kept (the register is .xlsx)', async () => {
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    await cli('init', 'macros.xlsx', '--example');
    const parts = unzipSync(await readFile(join(dir, 'macros.xlsx')));
    parts['[Content_Types].xml'] = strToU8(
      strFromU8(parts['[Content_Types].xml']!).replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      ),
    );
    parts['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await writeFile(join(dir, 'macros.xlsm'), zipSync(parts));
    const { code, stdout } = await cli('generate', 'macros.xlsm');
    expect(code).toBe(0);
    expect(stdout).toContain('macros-Q2-2022-23.xlsx');
    const written = unzipSync(await readFile(join(dir, 'macros-Q2-2022-23.xlsx')));
    expect(Object.keys(written).some((name) => /vba/i.test(name))).toBe(false);
    expect((await cli('init', 'new.xlsm')).code).toBe(2);
  });

  it('writes the report sheets next to the input, named for the quarter, and never changes the input', async () => {
    await cli('init', 'untouched.xlsx', '--example');
    const before = await readFile(join(dir, 'untouched.xlsx'));
    const { code, stdout } = await cli('generate', 'untouched.xlsx');
    expect(code).toBe(0);
    expect(stdout).toContain('21 open risks');
    expect(stdout).toContain('untouched-Q2-2022-23.xlsx');
    expect(await readFile(join(dir, 'untouched.xlsx'))).toEqual(before);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'untouched-Q2-2022-23.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Register Q2 2022-23',
      'Closed Q2 2022-23',
      'Movement Q2 2022-23',
      'Actions Q2 2022-23',
      'Heat map Q2 2022-23',
      'History Q2 2022-23',
      'Trend key',
      'Scoring guidance',
    ]);
  });

  it('gives equal content when generated twice', async () => {
    await cli('init', 'twice.xlsx', '--example');
    await cli('generate', 'twice.xlsx', '--out', 'one.xlsx');
    await cli('generate', 'twice.xlsx', '--out', 'two.xlsx');
    for (const name of [
      'Register Q2 2022-23',
      'Closed Q2 2022-23',
      'Movement Q2 2022-23',
      'Actions Q2 2022-23',
      'Heat map Q2 2022-23',
      'History Q2 2022-23',
    ]) {
      expect((await sheetRows('two.xlsx', name)).rows).toEqual((await sheetRows('one.xlsx', name)).rows);
    }
  });

  it('writes nothing and exits 1 when the workbook has errors', async () => {
    const file = await scenarioFile('bad input of every kind');
    const { code, stdout, stderr } = await cli('generate', file, '--out', 'never.xlsx');
    expect(code).toBe(1);
    expect(stdout).toContain('impact 6 is outside 1-5');
    expect(stderr).toContain('Nothing was generated');
    await expect(stat(join(dir, 'never.xlsx'))).rejects.toThrow();
  });

  it('reads header synonyms in any column order', async () => {
    const file = await scenarioFile('header synonyms, odd case, shuffled columns, a title row');
    const report = JSON.parse((await cli('generate', file, '--json')).stdout);
    expect(
      report.open.map((r: { id: string; trend: string[]; rating: string }) => [
        r.id,
        r.rating,
        r.trend.join(' '),
      ]),
    ).toEqual([
      ['R2', 'High', 'N/A N/A New ↑'],
      ['R10', 'Medium', 'N/A N/A New ↔'],
    ]);
    expect(report.closed.map((r: { id: string }) => r.id)).toEqual(['R1']);
  });

  it('rates by grid cell: score 12 is High at impact 4 / probability 3 and Medium at impact 3 / probability 4', async () => {
    const file = await scenarioFile('a grid matrix where score 12 rates by cell');
    await writeFile(join(dir, 'grid.json'), JSON.stringify(FIVE_BY_FIVE_GRID_SPEC));
    const report = JSON.parse((await cli('generate', file, '--matrix', 'grid.json', '--json')).stdout);
    expect(
      report.open.map((r: { id: string; score: number; rating: string }) => [r.id, r.score, r.rating]),
    ).toEqual([
      ['G1', 12, 'High'],
      ['G2', 12, 'Medium'],
    ]);
  });

  it('uses six bands with compound names, and colours the register from them', async () => {
    const file = await scenarioFile('six bands with compound names');
    await writeFile(join(dir, 'six.json'), JSON.stringify(SIX_BANDS_SPEC));
    const { stdout } = await cli('generate', file, '--matrix', 'six.json', '--json', '--out', 'six-out.xlsx');
    const report = JSON.parse(stdout);
    expect(
      report.open.map((r: { id: string; rating: string; trend: string[] }) => [r.id, r.rating, r.trend[3]]),
    ).toEqual([
      ['S2', 'Severe', 'New'],
      ['S1', 'High/Medium', '↑'],
      ['S3', 'Low', '↓'],
    ]);
    const { sheet } = await sheetRows('six-out.xlsx', 'Register Q2 2022-23');
    expect((sheet.getCell('J6').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC000');
  });

  it('honours --fy-start 1 (calendar quarters) and --quarters', async () => {
    const file = await scenarioFile('calendar quarters (fiscal year from January)');
    const report = JSON.parse(
      (await cli('generate', file, '--fy-start', '1', '--quarters', '6', '--json')).stdout,
    );
    expect(report.quarter).toBe('Q4 2022');
    expect(report.quarters).toEqual(['Q3 2021', 'Q4 2021', 'Q1 2022', 'Q2 2022', 'Q3 2022', 'Q4 2022']);
    expect(report.open[0].trend).toEqual(['N/A', 'N/A', 'New', '↑', '↔', '↑']);
  });

  it('writes formula-like text as text', async () => {
    const file = await scenarioFile('formula-like text');
    expect((await cli('generate', file, '--out', 'formulas.xlsx')).code).toBe(0);
    const { sheet } = await sheetRows('formulas.xlsx', 'Register Q2 2022-23');
    const names: unknown[] = [];
    sheet.eachRow((row, r) => {
      if (r >= 5) {
        const cell = row.getCell(2);
        expect(cell.type, String(cell.value)).toBe(ExcelJS.ValueType.String);
        names.push(cell.value);
      }
    });
    expect(names).toEqual(['@cmd', '-1+2', '+SUM(1,2)', '=HYPERLINK("http://example.invalid","click")']);
  });
});

describe('terminal behaviour', () => {
  it('shows progress on an interactive stderr and keeps --json stdout a single JSON document', async () => {
    await cli('init', 'progress.xlsx', '--example');
    let stdout = '';
    let stderr = '';
    const code = await run(['generate', 'progress.xlsx', '--json', '--out', 'progress-out.xlsx'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      interactive: true,
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(stderr).toContain('Reading progress.xlsx');
    expect(() => JSON.parse(stdout)).not.toThrow();
  });

  it('--pdf without LibreOffice says how to install it, exits 2, and still writes and reports the workbook', async () => {
    await cli('init', 'nopdf.xlsx', '--example');
    const path = process.env.PATH;
    process.env.PATH = dir;
    try {
      const { code, stdout, stderr } = await cli(
        'generate',
        'nopdf.xlsx',
        '--pdf',
        '--out',
        'nopdf-out.xlsx',
      );
      expect(code).toBe(2);
      expect(stderr).toContain('apt-get install -y --no-install-recommends libreoffice-calc-nogui');
      expect(stdout).toMatch(/^Q2 2022\/23: 21 open risks/m);
      expect(stdout).toContain(`Register: ${join(dir, 'nopdf-out.xlsx')}`);
      expect(stdout).not.toContain('PDF:');
    } finally {
      process.env.PATH = path;
    }
    expect((await stat(join(dir, 'nopdf-out.xlsx'))).size).toBeGreaterThan(0);
  });
});

describe('the installed command', () => {
  const execFileAsync = promisify(execFile);
  const repo = join(import.meta.dirname, '..', '..');
  async function npx(...args: string[]) {
    try {
      const { stdout, stderr } = await execFileAsync('npx', ['--no-install', 'risk-register', ...args], {
        cwd: repo,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('runs as `npx --no-install risk-register` from the repository with the contract’s exit codes', async () => {
    expect((await npx('--help')).code).toBe(0);
    expect((await npx('validate')).code).toBe(2);
    const bad = join(dir, await scenarioFile('bad input of every kind'));
    const result = await npx('validate', bad, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).issues.length).toBeGreaterThan(5);
  });
});
