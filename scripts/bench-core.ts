/**
 * Core timing cases, each run in its own process by scripts/bench.ts (so peak RSS is the case's
 * own), bundled by esbuild first as the hosts run the core. Prints one JSON line:
 * { case, ms, peakMb, n }. Alone:
 *
 *   npx esbuild scripts/bench-core.ts --bundle --platform=node --format=esm --outfile=/tmp/bench-core.mjs
 *   node /tmp/bench-core.mjs functions RISKSCORE   # 100,000 cells, median of 5 calls
 *   node /tmp/bench-core.mjs register 10000 12     # read + build + lay out, once
 *   node /tmp/bench-core.mjs register 10000 12 optional   # the same with every optional column (PRODUCT §8)
 *   node /tmp/bench-core.mjs register 10000 12 plain 20000   # the seed's columns and an Actions sheet of 20,000 rows
 */
import type { CellValue } from '../core/index.ts';
import {
  APRIL_FISCAL_YEAR,
  DEFAULT_MATRIX,
  DEFAULT_MATRIX_SPEC,
  matrixFromSpec,
  buildRegister,
  evaluateRiskFunction,
  quarterlyReportPlans,
  readRegisterSheets,
} from '../core/index.ts';
import { BENCH_APPETITE, syntheticRegister } from './synthetic-register.ts';
import { syntheticActions } from './synthetic-actions.ts';

export const FUNCTION_CELLS = 100_000;
const ROWS = 1_000;
const COLUMNS = FUNCTION_CELLS / ROWS;
const CALLS = 5;

/** One spilled call over 1,000 × 100 cells; the median of 5 calls after one warm-up call. */
function functions(name: string): number {
  const grid = (f: (r: number, c: number) => number) =>
    Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLUMNS }, (_, c) => f(r, c)));
  const impacts = grid((r, c) => 1 + ((r + c) % 5));
  const probabilities = grid((r, c) => 1 + ((r * c) % 5));
  // RISKTREND reads the two grids as previous and current scores.
  const call = () => {
    const start = performance.now();
    evaluateRiskFunction(name, DEFAULT_MATRIX, [impacts, probabilities]);
    return performance.now() - start;
  };
  call();
  const times = Array.from({ length: CALLS }, call).sort((a, b) => a - b);
  return times[Math.floor(CALLS / 2)]!;
}

/** What every host does after reading its grids: read, build the model, lay out the sheets. */
interface RegisterTimes {
  readMs: number;
  buildMs: number;
  layoutMs: number;
}

/** One pass as a host makes it: read the grids, build the model, lay out the report sheets. */
function registerPass(
  data: ReturnType<typeof syntheticRegister> & { actions?: CellValue[][] },
  optional: boolean,
): RegisterTimes {
  const matrix = optional
    ? matrixFromSpec({ ...DEFAULT_MATRIX_SPEC, appetite: BENCH_APPETITE })
    : DEFAULT_MATRIX;
  const options = { matrix, calendar: APRIL_FISCAL_YEAR };
  const t0 = performance.now();
  const read = readRegisterSheets(
    {
      risks: { name: 'Risks', rows: data.risks },
      assessments: { name: 'Assessments', rows: data.assessments },
      ...(data.actions ? { actions: { name: 'Actions', rows: data.actions } } : {}),
    },
    options,
  );
  const t1 = performance.now();
  const model = buildRegister({
    ...read,
    ...options,
    quarter: { fiscalYear: 2022, quarter: 2 },
    quarterCount: 4,
  });
  const t2 = performance.now();
  quarterlyReportPlans(model, { ...options, title: 'Bench' });
  const t3 = performance.now();
  return { readMs: t1 - t0, buildMs: t2 - t1, layoutMs: t3 - t2 };
}

/**
 * The first pass (cold: what one CLI run or one host click pays, JIT not yet warm) and the
 * median of the next five (warm: what the code itself costs), stage by stage.
 */
function register(
  risks: number,
  quarters: number,
  optional: boolean,
  actions: number,
): { cold: RegisterTimes; warm: RegisterTimes } {
  const data = {
    ...syntheticRegister(risks, quarters, optional),
    ...(actions > 0 ? { actions: syntheticActions(actions, risks) } : {}),
  };
  const cold = registerPass(data, optional);
  const passes = Array.from({ length: 5 }, () => registerPass(data, optional));
  const mid = (key: keyof RegisterTimes) => passes.map((p) => p[key]).sort((x, y) => x - y)[2]!;
  return { cold, warm: { readMs: mid('readMs'), buildMs: mid('buildMs'), layoutMs: mid('layoutMs') } };
}

const [name, arg1 = '', arg2 = '', arg3 = '', arg4 = '0'] = process.argv.slice(2);
let ms: number;
let n: number;
let stages: object = {};
if (name === 'functions') {
  ms = functions(arg1);
  n = FUNCTION_CELLS;
} else if (name === 'register') {
  const times = register(Number(arg1), Number(arg2), arg3 === 'optional', Number(arg4));
  stages = times;
  ms = times.warm.buildMs;
  n = Number(arg1);
} else {
  throw new Error(`usage: bench-core.ts functions NAME | register RISKS QUARTERS [optional] (not ${name})`);
}
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ case: name, ms: Number(ms.toFixed(3)), peakMb, n, ...stages })}\n`);
