/**
 * `npm run bench`: speed as users feel it, as ONE markdown table, also written to
 * bench/results.json. See docs/performance.md for each figure and what it is compared to.
 *
 *   npm run bench                      everything (a few minutes)
 *   npm run bench -- --check           the deterministic budgets only (round trips, bundle sizes);
 *                                      exits 1 naming each one exceeded
 *   npm run bench -- --only core,cli   some groups: core, cli, reader, hosts, bundles
 *   npm run bench -- --sizes 1k,10k    the CLI group at some register sizes (100k takes minutes)
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
import { readerRows } from './bench-reader.ts';
import { CLI_SIZES, DEFAULT_CLI_SIZES, cliPeerRows } from './bench-cli.ts';

export const RESULTS_FILE = 'bench/results.json';

const GROUPS = ['core', 'cli', 'reader', 'hosts', 'bundles'] as const;
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
  const registerRun = (risks: number, optional: boolean) => {
    const out = execFileSync(
      process.execPath,
      [cases, 'register', String(risks), '12', ...(optional ? ['optional'] : [])],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as { peakMb: number; cold: Stages; warm: Stages };
  };
  const total = (t: Stages) => t.readMs + t.buildMs + t.layoutMs;
  const passRow = (size: string, run: { peakMb: number; cold: Stages; warm: Stages }, target: boolean) =>
    targetRow(
      'core',
      `read + build + lay out, ${size}`,
      `${en(total(run.warm))} ms warm (read ${en(run.warm.readMs)}, build ${en(run.warm.buildMs)}, lay out ${en(run.warm.layoutMs)}); cold ${en(total(run.cold))} ms; ${run.peakMb} MB`,
      target ? '< 150 ms' : '',
      !target || total(run.warm) < 150,
      { warmMs: total(run.warm), coldMs: total(run.cold), peakMb: run.peakMb },
    );
  for (const risks of [1_000, 10_000, 50_000]) {
    const run = registerRun(risks, false);
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
      passRow(size, run, risks === 10_000),
    );
    // Beside the 10,000-risk figure: the same register with every optional column of PRODUCT §8
    // (inherent, target, target date, appetite, category, the quarter's inherent and target).
    if (risks === 10_000)
      rows.push(passRow(`${size}, every optional column`, registerRun(risks, true), true));
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

/**
 * `node bin/risk-register.mjs generate` (what a user runs) against its peers at each size
 * (scripts/bench-cli.ts), then the costs the peers do not share: a stray far cell, start-up.
 */
function cliRows(sizes: readonly string[]): BenchRow[] {
  const rows: BenchRow[] = [...cliPeerRows(sizes)];
  const dir = mkdtempSync(join(tmpdir(), 'risk-register-bench-'));
  try {
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

interface Options {
  readonly check: boolean;
  readonly groups: Set<Group>;
  /** Register sizes of the CLI group (`--sizes 1k,10k`). */
  readonly sizes: readonly string[];
}

/** The comma-separated list after `flag`, each one of `allowed`; `fallback` when the flag is absent. */
function listArg(
  argv: readonly string[],
  flag: string,
  allowed: readonly string[],
  fallback: string[],
): string[] {
  const at = argv.indexOf(flag);
  if (at < 0) return fallback;
  const asked = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = asked.filter((item) => !allowed.includes(item));
  if (asked.length === 0 || unknown.length > 0)
    throw new Error(`${flag} takes ${allowed.join(', ')} (comma-separated), not "${unknown.join(',')}"`);
  return asked;
}

function parseArgs(argv: string[]): Options {
  const check = argv.includes('--check');
  const groups = listArg(argv, '--only', GROUPS, check ? ['hosts', 'bundles'] : [...GROUPS]) as Group[];
  const sizes = listArg(argv, '--sizes', Object.keys(CLI_SIZES), DEFAULT_CLI_SIZES);
  return { check, groups: new Set(groups), sizes };
}

async function main(): Promise<number> {
  const { check, groups, sizes } = parseArgs(process.argv.slice(2));
  const rows: BenchRow[] = [];
  if (groups.has('core')) rows.push(...(await coreRows()));
  if (groups.has('cli')) rows.push(...cliRows(sizes));
  if (groups.has('reader')) rows.push(...readerRows());
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
    cliSizes: groups.has('cli') ? sizes : undefined,
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
