/**
 * `npm run bench`: speed as users feel it, as ONE markdown table, also written to
 * bench/results.json. See docs/performance.md for each figure and what it is compared to.
 *
 *   npm run bench                      everything (a few minutes)
 *   npm run bench -- --check           the deterministic budgets only (round trips, bundle sizes);
 *                                      exits 1 naming each one exceeded
 *   npm run bench -- --only core,cli   some groups: core, cli, hosts, bundles
 *
 * Timings (core, cli) are targets, printed and never failed on. Each timed case runs in its own
 * process (scripts/bench-core.ts, scripts/bench-case.ts), so its peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureLines, markdownTable, targetRow, type BenchRow } from './bench-budget.ts';
import { FULL_SIZES, hostRows } from './bench-hosts.ts';

export const RESULTS_FILE = 'bench/results.json';

const GROUPS = ['core', 'cli', 'hosts', 'bundles'] as const;
type Group = (typeof GROUPS)[number];

interface CaseResult {
  /** Inside the case, as the case measured it. */
  ms: number;
  peakMb: number;
}

const en = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs a case in its own process: a bundled `.mjs` as it is, TypeScript through tsx. */
function runProcess(script: string, args: string[]): CaseResult {
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx'];
  const out = execFileSync(process.execPath, [...loader, script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { ms, peakMb } = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; peakMb: number };
  return { ms, peakMb };
}

interface Stages {
  readMs: number;
  buildMs: number;
  layoutMs: number;
}

/**
 * scripts/bench-core.ts bundled by esbuild, as every host runs the core (the CLI's bundle, Code.js
 * and the Excel bundle are esbuild bundles). Not through tsx: it keeps function
 * names by wrapping each function created in a helper call, which made reading 10,000 risks
 * × 12 quarters take 140 ms instead of 80.
 */
async function bundledCoreCases(dir: string): Promise<string> {
  const outfile = join(dir, 'bench-core.mjs');
  await build({
    entryPoints: ['scripts/bench-core.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

async function coreRows(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'risk-register-bench-core-'));
  try {
    return coreRowsOf(await bundledCoreCases(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function coreRowsOf(cases: string): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const fn of ['RISKSCORE', 'RISKRATING', 'RISKTREND']) {
    const runs = Array.from({ length: 3 }, () => runProcess(cases, ['functions', fn]));
    const ms = median(runs.map((r) => r.ms));
    const perSecond = 100_000 / (ms / 1000);
    rows.push(
      targetRow(
        'core',
        `${fn}, 100,000 cells`,
        `${en(perSecond / 1e6, 1)} M evaluations/s (${en(ms, 1)} ms)`,
        '≥ 1 M/s',
        perSecond >= 1e6,
        {
          ms,
          evaluationsPerSecond: Math.round(perSecond),
          peakMb: Math.max(...runs.map((r) => r.peakMb)),
        },
      ),
    );
  }
  for (const risks of [1_000, 10_000, 50_000]) {
    const out = execFileSync(process.execPath, [cases, 'register', String(risks), '12'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const run = JSON.parse(out.trim().split('\n').pop()!) as { peakMb: number; cold: Stages; warm: Stages };
    const total = (t: Stages) => t.readMs + t.buildMs + t.layoutMs;
    const size = `${en(risks)} risks × 12 quarters`;
    rows.push(
      targetRow(
        'core',
        `register model build (buildRegister), ${size}`,
        `${en(run.warm.buildMs)} ms warm, ${en((run.warm.buildMs * 1000) / risks, 1)} µs/risk (cold ${en(run.cold.buildMs)} ms)`,
        risks === 10_000 ? '< 100 ms' : '',
        risks !== 10_000 || run.warm.buildMs < 100,
        { warmMs: run.warm.buildMs, coldMs: run.cold.buildMs, usPerRisk: (run.warm.buildMs * 1000) / risks },
      ),
      targetRow(
        'core',
        `read + build + lay out, ${size}`,
        `${en(total(run.warm))} ms warm (read ${en(run.warm.readMs)}, build ${en(run.warm.buildMs)}, lay out ${en(run.warm.layoutMs)}); cold ${en(total(run.cold))} ms; ${run.peakMb} MB`,
        risks === 10_000 ? '< 150 ms' : '',
        risks !== 10_000 || total(run.warm) < 150,
        { warmMs: total(run.warm), coldMs: total(run.cold), peakMb: run.peakMb },
      ),
    );
  }
  return rows;
}

/** A process case of bench-case.ts: it runs its own child processes and prints one JSON line. */
function processCase<T>(args: string[]): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-case.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

interface Comparison {
  floorMs: number;
  floorPeakMb: number;
  cliMs: number;
  cliPeakMb: number;
  ratio: number;
  runs: number;
}

/** Targets of the issue "Speed as users feel it", whole processes against the exceljs floor. */
const CLI_TARGETS = [
  { risks: 1_000, runs: 5, ratio: 0.7 },
  { risks: 10_000, runs: 3, ratio: 0.5, peakMb: 300 },
] as const;

/**
 * `node bin/risk-register.mjs generate` (what a user runs) against the floor — exceljs alone
 * reading the workbook and writing a register-sized sheet, also a plain Node process — run
 * alternately (floor, ours, floor, ours …) so machine load falls on both alike; medians.
 */
function cliRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'risk-register-bench-'));
  try {
    for (const target of CLI_TARGETS) {
      const file = join(dir, `register-${target.risks}.xlsx`);
      runProcess('scripts/bench-case.ts', ['prepare', String(target.risks), '8', file]);
      const c = processCase<Comparison>(['compare-bundled', String(target.runs), '', file]);
      const size = `${en(target.risks)} risks × 8 quarters`;
      rows.push(
        targetRow(
          'CLI',
          `generate vs floor, ${size}`,
          `${c.ratio.toFixed(2)}× (${en(c.cliMs)} ms vs ${en(c.floorMs)} ms, median of ${c.runs} interleaved)`,
          `≤ ${target.ratio}× floor`,
          c.ratio <= target.ratio,
          { ratio: c.ratio, wallMs: c.cliMs, floorWallMs: c.floorMs },
        ),
        targetRow(
          'CLI',
          `peak RSS, ${size}`,
          `${c.cliPeakMb} MB vs floor ${c.floorPeakMb} MB`,
          'peakMb' in target ? `≤ ${target.peakMb} MB` : '',
          'peakMb' in target ? c.cliPeakMb <= target.peakMb : true,
          { peakMb: c.cliPeakMb, floorPeakMb: c.floorPeakMb },
        ),
      );
    }
    const stray = join(dir, 'stray-cell.xlsx');
    runProcess('scripts/bench-case.ts', ['prepare-stray', '1000', '8', stray]);
    const strayRun = processCase<{ ms: number; peakMb: number }>(['cli-generate-bundled', '', '', stray]);
    rows.push(
      targetRow(
        'CLI',
        'generate, 1,000 risks with one value at XFD1048576',
        `${en(strayRun.ms)} ms, ${strayRun.peakMb} MB (exceljs alone runs out of memory)`,
        'costs what the cells cost',
        true,
        { ms: strayRun.ms, peakMb: strayRun.peakMb },
      ),
    );
    const help = processCase<{ nodeMs: number; helpMs: number; extraMs: number }>(['help-startup', '15']);
    rows.push(
      targetRow(
        'CLI',
        'risk-register --help start-up',
        `${en(help.helpMs)} ms vs node -e 0 ${en(help.nodeMs)} ms (+${en(help.extraMs)} ms)`,
        '≤ +100 ms',
        help.extraMs <= 100,
        { ...help },
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function parseArgs(argv: string[]): { check: boolean; groups: Set<Group> } {
  const check = argv.includes('--check');
  const at = argv.indexOf('--only');
  let groups: Group[] = check ? ['hosts', 'bundles'] : [...GROUPS];
  if (at >= 0) {
    const asked = (argv[at + 1] ?? '').split(',').filter(Boolean);
    const unknown = asked.filter((g) => !(GROUPS as readonly string[]).includes(g));
    if (asked.length === 0 || unknown.length > 0)
      throw new Error(`--only takes ${GROUPS.join(', ')} (comma-separated), not "${unknown.join(',')}"`);
    groups = asked as Group[];
  }
  return { check, groups: new Set(groups) };
}

async function main(): Promise<number> {
  const { check, groups } = parseArgs(process.argv.slice(2));
  const rows: BenchRow[] = [];
  if (groups.has('core')) rows.push(...(await coreRows()));
  if (groups.has('cli')) rows.push(...cliRows());
  if (groups.has('hosts') || groups.has('bundles')) {
    // Under --check the middle size only prints: the budget compares the smallest and largest.
    const sizes = check
      ? { ...FULL_SIZES, generate: [FULL_SIZES.generate[0]!, FULL_SIZES.generate.at(-1)!] }
      : FULL_SIZES;
    const hosts = await hostRows({ sizes });
    rows.push(
      ...hosts.filter((row) => (row.area === 'bundle' ? groups.has('bundles') : groups.has('hosts'))),
    );
  }

  console.log(markdownTable(rows));
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`\n${cpus().length} cores, load average ${load}, node ${process.version}`);
  mkdirSync('bench', { recursive: true });
  const results = {
    generatedAt: new Date().toISOString(),
    mode: check ? 'check' : 'full',
    groups: [...groups],
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      loadAverage: loadavg(),
      node: process.version,
    },
    cliCase: groups.has('cli') ? 'cli-generate-bundled vs exceljs-floor-process' : undefined,
    rows,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

  const failed = failureLines(rows);
  if (check) {
    for (const line of failed) console.error(line);
    console.log(
      failed.length === 0
        ? 'bench --check: every budget met'
        : `bench --check: ${failed.length} budget(s) exceeded`,
    );
    return failed.length === 0 ? 0 : 1;
  }
  return 0;
}

process.exitCode = await main();
