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
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureLines, markdownTable, targetRow, type BenchRow } from './bench-budget.ts';
import { FULL_SIZES, hostRows } from './bench-hosts.ts';

/**
 * The CLI case timed against the floor: the bundled CLI (dist/cli/main.mjs) when bench-case.ts
 * has that case, else the CLI from source. Both are whole processes.
 */
export const CLI_CASE_PREFERRED = 'cli-generate-bundled';
export const CLI_CASE_FALLBACK = 'cli-generate';
export const FLOOR_CASE = 'exceljs-floor';
export const RESULTS_FILE = 'bench/results.json';

const GROUPS = ['core', 'cli', 'hosts', 'bundles'] as const;
type Group = (typeof GROUPS)[number];

interface CaseResult {
  /** Inside the case, as the case measured it. */
  ms: number;
  peakMb: number;
  /** The whole process, spawn to exit, measured here. */
  wallMs: number;
}

const en = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function runProcess(script: string, args: string[]): CaseResult {
  const start = performance.now();
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const wallMs = performance.now() - start;
  const { ms, peakMb } = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; peakMb: number };
  return { ms, peakMb, wallMs };
}

function cliCase(): string {
  const source = readFileSync('scripts/bench-case.ts', 'utf8');
  return source.includes(`'${CLI_CASE_PREFERRED}'`) ? CLI_CASE_PREFERRED : CLI_CASE_FALLBACK;
}

function coreRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const fn of ['RISKSCORE', 'RISKRATING', 'RISKTREND']) {
    const runs = Array.from({ length: 3 }, () => runProcess('scripts/bench-core.ts', ['functions', fn]));
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
    const runs = Array.from({ length: 3 }, () =>
      runProcess('scripts/bench-core.ts', ['register', String(risks), '12']),
    );
    const ms = median(runs.map((r) => r.ms));
    const usPerRisk = (ms * 1000) / risks;
    const peakMb = Math.max(...runs.map((r) => r.peakMb));
    const target = risks <= 10_000 ? '< 1 s' : '';
    rows.push(
      targetRow(
        'core',
        `register build, ${en(risks)} risks × 12 quarters`,
        `${en(ms)} ms, ${en(usPerRisk, 1)} µs/risk, ${peakMb} MB`,
        target,
        ms < 1000,
        {
          ms,
          usPerRisk,
          peakMb,
        },
      ),
    );
  }
  return rows;
}

/** Floor and ours alternately (floor, ours, floor, ours …) so machine load falls on both alike. */
function cliRows(): BenchRow[] {
  const ours = cliCase();
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'risk-register-bench-'));
  try {
    for (const risks of [1_000, 10_000]) {
      const file = join(dir, `register-${risks}.xlsx`);
      runProcess('scripts/bench-case.ts', ['prepare', String(risks), '8', file]);
      const pairs = risks >= 10_000 ? 3 : 5;
      const floor: CaseResult[] = [];
      const cli: CaseResult[] = [];
      for (let i = 0; i < pairs; i++) {
        floor.push(runProcess('scripts/bench-case.ts', [FLOOR_CASE, '', '', file]));
        cli.push(runProcess('scripts/bench-case.ts', [ours, '', '', file]));
      }
      const floorMs = median(floor.map((r) => r.wallMs));
      const cliMs = median(cli.map((r) => r.wallMs));
      const ratio = cliMs / floorMs;
      const floorRss = Math.max(...floor.map((r) => r.peakMb));
      const cliRss = Math.max(...cli.map((r) => r.peakMb));
      const size = `${en(risks)} risks × 8 quarters`;
      rows.push(
        targetRow(
          'CLI',
          `generate vs floor, ${size}`,
          `${ratio.toFixed(2)}× (${en(cliMs)} ms vs ${en(floorMs)} ms, median of ${pairs} interleaved)`,
          '≤ 1.3× floor',
          ratio <= 1.3,
          {
            ratio,
            wallMs: cliMs,
            floorWallMs: floorMs,
            inCaseMs: median(cli.map((r) => r.ms)),
            floorInCaseMs: median(floor.map((r) => r.ms)),
          },
        ),
        targetRow(
          'CLI',
          `peak RSS, ${size}`,
          `${cliRss} MB vs floor ${floorRss} MB (${(cliRss / floorRss).toFixed(2)}×)`,
          '≤ 1.3× floor',
          cliRss <= 1.3 * floorRss,
          {
            peakMb: cliRss,
            floorPeakMb: floorRss,
          },
        ),
      );
    }
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
  if (groups.has('core')) rows.push(...coreRows());
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
    cliCase: groups.has('cli') ? cliCase() : undefined,
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
