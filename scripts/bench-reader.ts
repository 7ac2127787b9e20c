/**
 * `node --import tsx scripts/bench-reader.ts`: exceljs (xlsx.load + readSheetGrid) against the
 * purpose-built reader (openXlsx + readSheet) on a 10,000-risk register (8 quarters) and on a
 * workbook with one stray value at XFD1048576. Each measurement runs in its own process, so
 * peak RSS is that reader's alone; times are the median of five runs. Prints a table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readSheetGrid } from '../cli/xlsx-read.ts';
import { openXlsx } from '../cli/xlsx-reader/index.ts';
import { fixtureWorkbookBuffer } from '../test/support/workbook-fixture.ts';
import { syntheticRegister } from './synthetic-register.ts';

interface Result {
  ms: number;
  peakMb: number;
  cells: number;
}

/** Counts the values a grid holds, so both readers are seen to do the same work. */
function countCells(rows: readonly (readonly unknown[])[]): number {
  let cells = 0;
  rows.forEach((row) => row.forEach((value) => (cells += value === null ? 0 : 1)));
  return cells;
}

const SHEETS = ['Risks', 'Assessments'];

const cases: Record<string, (file: string) => Promise<number> | number> = {
  async exceljs(file) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    let cells = 0;
    for (const name of SHEETS) {
      const sheet = workbook.getWorksheet(name);
      if (sheet) cells += countCells(readSheetGrid(sheet).rows);
    }
    return cells;
  },
  reader(file) {
    const workbook = openXlsx(readFileSync(file));
    let cells = 0;
    for (const name of SHEETS) cells += countCells(workbook.readSheet(name)?.rows ?? []);
    return cells;
  },
};

async function child(name: string, file: string): Promise<void> {
  const start = performance.now();
  const cells = await cases[name]!(file);
  const ms = Math.round(performance.now() - start);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ms, peakMb, cells })}\n`);
}

/** One measurement in a fresh process; undefined when it fails (out of memory, time limit). */
function measure(name: string, file: string): Result | undefined {
  try {
    const out = execFileSync(
      process.execPath,
      ['--max-old-space-size=4096', '--import', 'tsx', 'scripts/bench-reader.ts', name, file],
      { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as Result;
  } catch {
    return undefined;
  }
}

function median(name: string, file: string, times: number): Result | undefined {
  const results: Result[] = [];
  for (let i = 0; i < times; i++) {
    const result = measure(name, file);
    if (!result) return undefined;
    results.push(result);
  }
  results.sort((a, b) => a.ms - b.ms);
  return { ...results[Math.floor(times / 2)]!, peakMb: Math.max(...results.map((r) => r.peakMb)) };
}

async function prepare(dir: string): Promise<Record<string, string>> {
  const data = syntheticRegister(10_000, 8);
  const register = join(dir, 'register-10000.xlsx');
  writeFileSync(
    register,
    await fixtureWorkbookBuffer([
      { name: 'Risks', rows: data.risks },
      { name: 'Assessments', rows: data.assessments },
    ]),
  );
  // A small register plus one value a user left at the very last cell of the Risks sheet.
  const small = syntheticRegister(10, 4);
  const stray = new ExcelJS.Workbook();
  const risks = stray.addWorksheet('Risks');
  small.risks.forEach((row) => risks.addRow(row));
  risks.getCell('XFD1048576').value = 'stray';
  const assessments = stray.addWorksheet('Assessments');
  small.assessments.forEach((row) => assessments.addRow(row));
  const strayFile = join(dir, 'stray-cell.xlsx');
  await stray.xlsx.writeFile(strayFile);
  return { '10,000 risks × 8 quarters': register, 'stray value at XFD1048576': strayFile };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reader-'));
  const rows: string[][] = [];
  try {
    for (const [what, file] of Object.entries(await prepare(dir))) {
      const exceljs = median('exceljs', file, 5);
      const reader = median('reader', file, 5);
      const show = (r: Result | undefined) =>
        r ? [`${r.ms} ms`, `${r.peakMb} MB`, String(r.cells)] : ['failed (out of memory or > 120 s)', '', ''];
      rows.push([what, 'exceljs load + readSheetGrid', ...show(exceljs)]);
      const speedup = exceljs && reader ? `${(exceljs.ms / reader.ms).toFixed(1)}× faster` : '';
      rows.push(['', 'openXlsx + readSheet', ...show(reader), speedup]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['workbook', 'reader', 'median time', 'peak RSS', 'cells', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${header.map((_, i) => (cells[i] ?? '').padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

const [name, file] = process.argv.slice(2);
if (name && file) await child(name, file);
else await main();
