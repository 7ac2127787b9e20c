/**
 * `npm run bench`: measures the core and the CLI and prints a table. Each case runs in its own
 * process (peak memory is per case); timings are the median of several runs. Nothing here is a
 * pass/fail threshold: targets are printed beside the figures for a person to judge.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Result {
  ms: number;
  peakMb: number;
}

function runCase(args: string[]): Result {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-case.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
}

function median(args: string[], times: number): Result {
  const results = Array.from({ length: times }, () => runCase(args)).sort((a, b) => a.ms - b.ms);
  return { ms: results[Math.floor(times / 2)]!.ms, peakMb: Math.max(...results.map((r) => r.peakMb)) };
}

const rows: string[][] = [];
const add = (what: string, r: Result, note = '') => rows.push([what, `${r.ms} ms`, `${r.peakMb} MB`, note]);

add('core: read + build + lay out, 10,000 risks × 12 quarters', median(['core-register', '10000', '12'], 3), 'target well under 1 s');
add('core: build register model only, 10,000 × 12', median(['core-model', '10000', '12'], 3));
for (const fn of ['RISKSCORE', 'RISKRATING', 'RISKTREND']) add(`core: ${fn} over a 100,489-cell range`, median(['functions', fn], 3));

const dir = mkdtempSync(join(tmpdir(), 'risk-register-bench-'));
try {
  for (const risks of [1000, 10000]) {
    const file = join(dir, `register-${risks}.xlsx`);
    runCase(['prepare', String(risks), '8', file]);
    const times = risks >= 10000 ? 3 : 5;
    const cli = median(['cli-generate', '', '', file], times);
    const floor = median(['exceljs-floor', '', '', file], times);
    add(`CLI generate, ${risks.toLocaleString('en-GB')} risks × 8 quarters`, cli, `${(cli.ms / floor.ms).toFixed(2)}× floor (target ≤ 1.3×)`);
    add(`  floor: exceljs read + write register-sized sheet`, floor);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const header = ['case', 'median time', 'peak RSS', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
