/**
 * The bench's budget logic (`npm run bench -- --check`), and its round-trip and bundle part run
 * in-process on small sizes against the built bundles. No wall-clock assertion anywhere.
 */
import { describe, expect, it } from 'vitest';
import {
  constantCheck,
  failureLines,
  failures,
  markdownTable,
  sizeCheck,
  status,
  targetRow,
} from '../../scripts/bench-budget.ts';
import {
  APPS_SCRIPT_CEILING_KB,
  EXCEL_BUDGET_KB,
  appsScriptRows,
  bundleRows,
  excelRows,
  type HostSizes,
} from '../../scripts/bench-hosts.ts';

const SMALL: HostSizes = { generate: [10, 200], paste: 40 };

/**
 * bundle.test.ts rebuilds dist/excel-addin (removing it first) while this file may be reading it;
 * `npm test` builds it before any test file runs, so a read that lands in that window is retried.
 */
async function retryWhileRebuilt<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const racing =
        error instanceof Error && /ENOENT|SyntaxError|Unexpected end/.test(`${error.name} ${error.message}`);
      if (!racing || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

describe('budget logic', () => {
  it('constant counts pass; a count that grows fails and --check names it', () => {
    const constant = constantCheck('Excel', 'Generate', 'syncs', [
      { label: '10 risks', count: 3 },
      { label: '10,000 risks', count: 3 },
    ]);
    const growing = constantCheck('Apps Script', 'onEdit', 'calls', [
      { label: 'one cell', count: 42 },
      { label: '2,000-row paste', count: 43 },
    ]);
    expect(constant.ok).toBe(true);
    expect(growing.ok).toBe(false);
    expect(failures([constant, growing])).toEqual([growing]);
    const lines = failureLines([constant, growing]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Apps Script / onEdit');
    expect(lines[0]).toContain('43 calls (2,000-row paste)');
    expect(status(growing)).toBe('**FAIL**');
  });

  it('a bundle over its ceiling fails; at or under it passes', () => {
    const size = (kb: number) => ({ bytes: kb * 1024, gzipped: 17 * 1024 });
    const over = sizeCheck('bundle', 'Code.js', size(401), 400, 'readable');
    const under = sizeCheck('bundle', 'Code.js', size(170), 400, 'readable');
    const exact = sizeCheck('bundle', 'Code.js', size(400), 400, 'readable');
    expect([over.ok, under.ok, exact.ok]).toEqual([false, true, true]);
    expect(under.figure).toBe('170.0 KB readable, 17.0 KB gzipped');
    expect(under.budget).toBe('≤ 400 KB');
    expect(failures([over, under, exact])).toEqual([over]);
  });

  it('timing targets and constant-count targets are printed, never failed on', () => {
    const slow = targetRow('CLI', 'generate vs floor', '2.00×', '≤ 1.3× floor', false, { ratio: 2 });
    const setUp = constantCheck(
      'Excel',
      'Set up',
      'syncs',
      [
        { label: '10 risks', count: 10 },
        { label: '10,000 risks', count: 17 },
      ],
      'target',
    );
    expect([status(slow), status(setUp)]).toEqual(['over target', 'over target']);
    expect(failures([slow, setUp])).toEqual([]);
  });

  it('prints one markdown table with a header, a rule and one line per row', () => {
    const rows = [
      constantCheck('Excel', 'Generate', 'syncs', [{ label: '10 | risks', count: 3 }]),
      targetRow('core', 'RISKSCORE', '9 M/s', '', true, {}),
    ];
    const lines = markdownTable(rows).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| area +\| case +\| figure +\| budget\/target +\| status +\|$/);
    expect(lines[1]).toMatch(/^\|-+\|-+\|-+\|-+\|-+\|$/);
    expect(lines[2]).toContain('10 \\| risks');
    expect(lines.every((line) => line.length === lines[0]!.length)).toBe(true);
  });
});

describe('round trips and bundles, in-process on the built bundles', () => {
  it('Apps Script: Generate and onEdit calls are constant (small sizes)', async () => {
    const rows = await appsScriptRows(SMALL);
    const byCase = new Map(rows.map((row) => [row.case, row]));
    expect(byCase.get('Generate')).toMatchObject({ kind: 'budget', ok: true });
    expect(byCase.get('onEdit')).toMatchObject({ kind: 'budget', ok: true });
    expect(byCase.get('Set up')?.kind).toBe('target');
    const calls = Object.values(byCase.get('Generate')!.values);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBeGreaterThan(0);
  });

  it('Excel: Generate, Set up and onChanged syncs are constant (small sizes)', async () => {
    const rows = await retryWhileRebuilt(() => excelRows(SMALL));
    const budgets = rows.filter((row) => row.kind === 'budget');
    expect(budgets.map((row) => row.case)).toEqual([
      'Generate (20-character texts)',
      'Set up (20-character texts)',
      'onChanged',
    ]);
    for (const row of budgets) expect(row.ok, `${row.case}: ${row.figure}`).toBe(true);
  });

  it('bundle rows measure the built files: sizes within their ceilings, and the compile time of Code.js', async () => {
    const rows = await retryWhileRebuilt(() => bundleRows());
    expect(rows.map((row) => [row.case, row.kind])).toEqual([
      ['dist/apps-script/Code.js', 'budget'],
      ['dist/apps-script/Code.js, compile in node:vm', 'info'],
      ['dist/excel-addin/risk-addin.js (without office.js)', 'budget'],
    ]);
    const [file, compile, excel] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    expect(compile.values.compileMs).toBeGreaterThan(0);
    expect(compile.figure).toMatch(/^\d+\.\d ms$/);
    for (const [row, budget] of [
      [file, APPS_SCRIPT_CEILING_KB],
      [excel, EXCEL_BUDGET_KB],
    ] as const) {
      expect(row.values.gzippedBytes).toBeGreaterThan(0);
      expect(row.values.gzippedBytes).toBeLessThan(row.values.bytes!);
      // `npm test` enforces the bundle ceilings: each bundle is within its own.
      expect(row.values.budgetBytes).toBe(budget * 1024);
      expect(row.values.bytes).toBeLessThanOrEqual(budget * 1024);
      expect(row.ok, `${row.case}: ${row.figure}, ${row.budget}`).toBe(true);
    }
  });
});
