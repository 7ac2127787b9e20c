/**
 * The CLI's benchmark cases, each run in its own process by scripts/bench.ts: writing the input
 * workbooks (`prepare`, `prepare-stray`) and timing whole processes of the bundled CLI (the
 * peers' comparison is scripts/bench-cli.ts). Prints one JSON line.
 */
import ExcelJS from 'exceljs';
import { fixtureWorkbookBuffer } from '../test/support/workbook-fixture.ts';
import { syntheticRegister } from './synthetic-register.ts';
import { runNode, type ProcessResult } from './bench-cli.ts';

/** A whole `node` process that must succeed. */
function runProcess(args: readonly string[]): ProcessResult {
  const result = runNode(args);
  if (result.failed) throw new Error(`node ${args.join(' ')}: ${result.failed}`);
  return result;
}

const [name, arg1, arg2, file] = process.argv.slice(2) as [string, string, string, string];

/** The input workbooks, written untimed. */
const cases: Record<string, () => Promise<number>> = {
  /**
   * A synthetic register of `arg1` risks × `arg2` quarters, written by exceljs's streaming writer
   * (public API; the in-memory one needs gigabytes at 100,000 risks), shared strings as Excel's.
   */
  async prepare() {
    const data = syntheticRegister(Number(arg1), Number(arg2));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    for (const [name, rows] of [
      ['Risks', data.risks],
      ['Assessments', data.assessments],
    ] as const) {
      const sheet = writer.addWorksheet(name);
      // Text, numbers and blanks only: the synthetic register has no dates or errors.
      for (let r = 0; r < rows.length; r++) {
        sheet.addRow(rows[r] as ExcelJS.CellValue[]).commit();
        // Let the zip write what is committed, or the whole file waits in memory.
        if (r % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
      }
      sheet.commit();
    }
    await writer.commit();
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

const bundled = (input: string) =>
  runProcess(['bin/risk-register.mjs', 'generate', input, '--out', `${input}.register.xlsx`]);

function median(results: readonly ProcessResult[]): ProcessResult {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  return { ms: sorted[Math.floor(sorted.length / 2)]!.ms, peakMb: Math.max(...results.map((r) => r.peakMb)) };
}

/** Whole processes, what a user runs; `cli-generate-bundled` needs `npm run build:cli` first. */
const processCases: Record<string, () => ProcessResult | Record<string, unknown>> = {
  /** `node bin/risk-register.mjs generate FILE --out …` as a child process. Prints its own peak RSS. */
  'cli-generate-bundled': () => bundled(file),
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
