/**
 * The CLI's benchmark cases, each run in its own process by scripts/bench.ts: writing the input
 * workbooks (`prepare`, `prepare-stray`) and timing whole processes of the bundled CLI and of
 * the exceljs floor. Prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { fixtureWorkbookBuffer } from '../test/support/workbook-fixture.ts';
import { syntheticRegister } from './synthetic-register.ts';

const [name, arg1, arg2, file] = process.argv.slice(2) as [string, string, string, string];

/** The input workbooks, written untimed. */
const cases: Record<string, () => Promise<number>> = {
  /** A synthetic register of `arg1` risks × `arg2` quarters. */
  async prepare() {
    const data = syntheticRegister(Number(arg1), Number(arg2));
    await writeFile(
      file,
      await fixtureWorkbookBuffer([
        { name: 'Risks', rows: data.risks },
        { name: 'Assessments', rows: data.assessments },
      ]),
    );
    return 0;
  },
  /** The same register with one stray value in the last cell a sheet can have (XFD1048576). */
  async 'prepare-stray'() {
    const data = syntheticRegister(Number(arg1), Number(arg2));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await fixtureWorkbookBuffer([
        { name: 'Risks', rows: data.risks },
        { name: 'Assessments', rows: data.assessments },
      ])) as unknown as ExcelJS.Buffer,
    );
    workbook.getWorksheet('Risks')!.getCell('XFD1048576').value = 'stray';
    await workbook.xlsx.writeFile(file);
    return 0;
  },
};

/** The floor case as plain JavaScript, so it can run as a whole process with no TypeScript loader. */
const FLOOR_SCRIPT = `
import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
const file = process.argv[1];
const input = new ExcelJS.Workbook();
await input.xlsx.load(await readFile(file));
const rows = [];
input.getWorksheet('Risks').eachRow((row) => rows.push(row.values.slice(1, 6)));
input.getWorksheet('Assessments').eachRow(() => undefined);
const output = new ExcelJS.Workbook();
const sheet = output.addWorksheet('Register');
for (const row of rows) sheet.addRow([...row, '↔', '↔', '↔', '↔', 'High']);
await writeFile(file + '.floor.xlsx', Buffer.from(await output.xlsx.writeBuffer()));
`;

interface ProcessResult {
  readonly ms: number;
  /** The child's peak RSS from /usr/bin/time, or -1 where that is not installed. */
  readonly peakMb: number;
}

/** Runs `node …args` from the repository folder as a whole process: wall time and peak RSS. */
function runProcess(args: readonly string[]): ProcessResult {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const argv = timed ? ['-f', '%M', process.execPath, ...args] : [...args];
  const start = performance.now();
  const child = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = Math.round(performance.now() - start);
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const kb = timed ? Number(child.stderr.trim().split('\n').pop()) : NaN;
  return { ms, peakMb: Number.isFinite(kb) ? Math.round(kb / 1024) : -1 };
}

const bundled = (input: string) =>
  runProcess(['bin/risk-register.mjs', 'generate', input, '--out', `${input}.register.xlsx`]);
const floorProcess = (input: string) => runProcess(['--input-type=module', '-e', FLOOR_SCRIPT, input]);

function median(results: readonly ProcessResult[]): ProcessResult {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  return { ms: sorted[Math.floor(sorted.length / 2)]!.ms, peakMb: Math.max(...results.map((r) => r.peakMb)) };
}

/** Whole processes, what a user runs; `cli-generate-bundled` needs `npm run build:cli` first. */
const processCases: Record<string, () => ProcessResult | Record<string, unknown>> = {
  /** `node bin/risk-register.mjs generate FILE --out …` as a child process. Prints its own peak RSS. */
  'cli-generate-bundled': () => bundled(file),
  /**
   * Floor and bundled CLI interleaved `arg1` times each on FILE; medians, the ratio, and peak RSS.
   * `node --import tsx scripts/bench-case.ts compare-bundled 5 '' FILE`.
   */
  'compare-bundled': () => {
    const floors: ProcessResult[] = [];
    const ours: ProcessResult[] = [];
    for (let i = 0; i < Number(arg1 || 3); i++) {
      floors.push(floorProcess(file));
      ours.push(bundled(file));
    }
    const floor = median(floors);
    const cli = median(ours);
    return {
      floorMs: floor.ms,
      floorPeakMb: floor.peakMb,
      cliMs: cli.ms,
      cliPeakMb: cli.peakMb,
      ratio: Number((cli.ms / floor.ms).toFixed(2)),
      runs: floors.length,
    };
  },
  /** `--help` start-up against `node -e 0`, medians of `arg1` (default 15) interleaved runs. */
  'help-startup': () => {
    const bare: ProcessResult[] = [];
    const help: ProcessResult[] = [];
    for (let i = 0; i < Number(arg1 || 15); i++) {
      bare.push(runProcess(['-e', '0']));
      help.push(runProcess(['bin/risk-register.mjs', '--help']));
    }
    const a = median(bare);
    const b = median(help);
    return { nodeMs: a.ms, helpMs: b.ms, extraMs: b.ms - a.ms, helpPeakMb: b.peakMb };
  },
};

if (processCases[name]) {
  const result = processCases[name]();
  process.stdout.write(`${JSON.stringify({ case: name, ...result })}\n`);
  process.exit(0);
}

const ms = await cases[name]!();
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ case: name, ms: Math.round(ms), peakMb })}\n`);
