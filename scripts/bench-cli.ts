/**
 * The bench's CLI group: `node bin/risk-register.mjs generate` against its peers on the same input
 * — the physical limit (scripts/bench-peers/physical-limit.mjs), the exceljs floor, exceljs
 * streaming and SheetJS — each a plain `node` process, run interleaved (limit, CLI, floor, …, then
 * again) so machine load falls on all alike; medians of wall time, the highest peak RSS. Then the
 * issue's goals as target rows. See docs/performance.md for how to read them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targetRow, type BenchRow } from './bench-budget.ts';

/** Register sizes by the names `--sizes` takes; 8 quarters each. */
export const CLI_SIZES: Readonly<Record<string, number>> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };
export const DEFAULT_CLI_SIZES = ['1k', '10k', '100k'];
const QUARTERS = 8;
/** Interleaved runs per size (each peer this many times): big sizes take minutes a run. */
const RUNS: Readonly<Record<number, number>> = { 1_000: 5, 10_000: 3, 100_000: 1 };

interface Peer {
  readonly name: string;
  /** `node` arguments for input → output. */
  readonly args: (input: string, output: string) => string[];
}

const peer = (name: string, script: string): Peer => ({
  name,
  args: (input, output) => [`scripts/bench-peers/${script}`, input, output],
});

export const PEERS: readonly Peer[] = [
  peer('physical limit', 'physical-limit.mjs'),
  {
    name: 'CLI generate',
    args: (input, output) => ['bin/risk-register.mjs', 'generate', input, '--out', output],
  },
  peer('exceljs floor', 'exceljs-floor.mjs'),
  peer('exceljs streaming', 'exceljs-streaming.mjs'),
  peer('SheetJS', 'sheetjs.mjs'),
];

export interface ProcessResult {
  readonly ms: number;
  /** Peak RSS of the child, MB; -1 where it could not be measured. */
  readonly peakMb: number;
  /** Why the process failed (out of memory, say); the others keep their results. */
  readonly failed?: string;
}

const TIME = '/usr/bin/time';

/**
 * Runs `node …args` as a whole process from the repository folder: wall time, and peak RSS from
 * GNU time (`%M`) or, without it, from the child's own process.resourceUsage() printed at exit.
 */
export function runNode(args: readonly string[]): ProcessResult {
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const argv = timed
    ? ['-f', '%M', process.execPath, ...args]
    : [
        '--import',
        'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\n${process.resourceUsage().maxRSS}\\n`))',
        ...args,
      ];
  const start = performance.now();
  const child = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Math.round(performance.now() - start);
  const lines = child.stderr.trim().split('\n');
  const kb = Number(lines.pop());
  const peakMb = Number.isFinite(kb) ? Math.round(kb / 1024) : -1;
  if (child.status !== 0) {
    const why = /heap out of memory|Allocation failed/i.test(child.stderr)
      ? 'out of memory'
      : `exit ${child.status ?? child.signal}: ${lines.slice(-3).join(' ').slice(0, 200)}`;
    return { ms, peakMb, failed: why };
  }
  return { ms, peakMb };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const en = (n: number) => Math.round(n).toLocaleString('en-GB');

interface PeerResult {
  readonly ms: number;
  readonly peakMb: number;
  readonly runs: number;
  readonly failed?: string;
}

/** Every peer on one input, interleaved `runs` times; a peer that fails is not run again. */
function comparePeers(input: string, dir: string, runs: number): Map<string, PeerResult> {
  const times = new Map<string, ProcessResult[]>(PEERS.map((p) => [p.name, []]));
  const failed = new Map<string, string>();
  for (let i = 0; i < runs; i++) {
    for (const p of PEERS) {
      if (failed.has(p.name)) continue;
      const result = runNode(p.args(input, join(dir, `${p.name.replace(/\W+/g, '-')}.xlsx`)));
      if (result.failed) failed.set(p.name, result.failed);
      else times.get(p.name)!.push(result);
    }
  }
  const results = new Map<string, PeerResult>();
  for (const [name, list] of times) {
    const why = failed.get(name);
    results.set(name, {
      ms: list.length > 0 ? median(list.map((r) => r.ms)) : NaN,
      peakMb: list.length > 0 ? Math.max(...list.map((r) => r.peakMb)) : NaN,
      runs: list.length,
      ...(why ? { failed: why } : {}),
    });
  }
  return results;
}

/** Writes the synthetic register input of `risks` × 8 quarters (untimed), as exceljs writes files. */
function prepare(risks: number, file: string): void {
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench-case.ts', 'prepare', String(risks), String(QUARTERS), file],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (out.status !== 0) throw new Error(`could not write the ${risks}-risk input`);
}

/** The peers' table rows and the goals' target rows for the sizes asked for (`1k`, `10k`, `100k`). */
export function cliPeerRows(sizeNames: readonly string[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'risk-register-bench-'));
  const bySize = new Map<number, Map<string, PeerResult>>();
  try {
    for (const sizeName of sizeNames) {
      const risks = CLI_SIZES[sizeName]!;
      const input = join(dir, `register-${sizeName}.xlsx`);
      prepare(risks, input);
      const results = comparePeers(input, dir, RUNS[risks] ?? 1);
      bySize.set(risks, results);
      rmSync(input);
      const size = `${en(risks)} risks × ${QUARTERS} quarters`;
      const limit = results.get('physical limit')!;
      for (const [name, r] of results) {
        const versus =
          name === 'physical limit' || !(limit.ms > 0) ? '' : `, ${(r.ms / limit.ms).toFixed(1)}× the limit`;
        rows.push(
          targetRow(
            'CLI',
            `${size}: ${name}`,
            r.failed
              ? `failed (${r.failed})`
              : `${en(r.ms)} ms, ${en(r.peakMb)} MB peak${versus} (median of ${r.runs})`,
            '',
            true,
            { risks, ms: r.ms, peakMb: r.peakMb, runs: r.runs },
          ),
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [...rows, ...goalRows(bySize)];
}

/** A ratio as the table shows it; NaN where one side failed. */
const times = (ratio: number) =>
  Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'not measured (a run failed)';

/** The goals for `generate`, from whichever sizes were run. */
function goalRows(bySize: ReadonlyMap<number, ReadonlyMap<string, PeerResult>>): BenchRow[] {
  const rows: BenchRow[] = [];
  const cli = (risks: number) => bySize.get(risks)?.get('CLI generate');
  const ten = bySize.get(10_000);
  if (ten) {
    const floor = ten.get('exceljs floor')!;
    const ratio = cli(10_000)!.ms / floor.ms;
    rows.push(
      targetRow(
        'CLI',
        'generate vs exceljs floor, 10,000 risks × 8',
        times(ratio),
        '≤ 0.35× floor',
        ratio <= 0.35,
        { ratio },
      ),
    );
  }
  for (const risks of [10_000, 100_000]) {
    const results = bySize.get(risks);
    if (!results) continue;
    const ratio = cli(risks)!.ms / results.get('physical limit')!.ms;
    rows.push(
      targetRow(
        'CLI',
        `generate vs physical limit, ${en(risks)} risks`,
        times(ratio),
        '≤ 2× limit',
        ratio <= 2,
        {
          ratio,
        },
      ),
    );
  }
  for (const [risks, budgetMb] of [
    [10_000, 200],
    [100_000, 1024],
  ] as const) {
    const run = cli(risks);
    if (!run) continue;
    rows.push(
      targetRow(
        'CLI',
        `generate peak RSS, ${en(risks)} risks`,
        `${en(run.peakMb)} MB`,
        `≤ ${en(budgetMb)} MB`,
        run.peakMb <= budgetMb,
        {
          peakMb: run.peakMb,
        },
      ),
    );
  }
  // Linear: time per risk at the largest size run against 10,000 (1,000 is mostly start-up).
  const largest = Math.max(...bySize.keys());
  if (ten && largest > 10_000) {
    const perRisk = (risks: number) => cli(risks)!.ms / risks;
    const growth = perRisk(largest) / perRisk(10_000);
    rows.push(
      targetRow(
        'CLI',
        `generate time per risk, ${en(largest)} vs 10,000 risks`,
        `${(perRisk(largest) * 1000).toFixed(0)} µs vs ${(perRisk(10_000) * 1000).toFixed(0)} µs (${growth.toFixed(2)}×)`,
        '≤ 1.25× (linear)',
        growth <= 1.25,
        { growth },
      ),
    );
  }
  return rows;
}
