/**
 * Host round trips and bundle sizes, measured in-process on the BUILT bundles, loaded against the
 * fakes exactly as the host tests load them (test/apps-script/load-code.ts,
 * test/excel-addin/load-bundle.ts): SpreadsheetApp calls counted by the Sheets fake, and
 * `context.sync()` calls counted by the Office.js fake. Deterministic, so they are budgets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { errorText, type CellValue, type SheetGrid } from '../core/index.ts';
import { builtCode, loadScript } from '../test/apps-script/load-code.ts';
// @ts-expect-error: a plain ES module without types; its export is typed where it is used.
import { SIZE_CEILING_BYTES } from './verify-apps-script.mjs';
import { buildAddin, loadBuiltAddin } from '../test/excel-addin/load-bundle.ts';
// @ts-expect-error: a plain ES module without types; its three exports are typed where they are used.
import { BUNDLE_BUDGET_KB, BUNDLE_FILE, OUT_DIR } from './build-excel.mjs';
import { constantCheck, sizeCheck, targetRow, type BenchRow, type Count } from './bench-budget.ts';
import { syntheticRegister } from './synthetic-register.ts';

export interface HostSizes {
  /** Register sizes Generate and Set up run at; the first and last are compared. */
  readonly generate: readonly number[];
  /** Rows of the paste compared with one cell (on a register a little larger than the paste). */
  readonly paste: number;
}

export const FULL_SIZES: HostSizes = { generate: [10, 1_000, 10_000], paste: 2_000 };

/** Quarters per risk in the host registers (as the host tests use). */
const QUARTERS = 4;
/** Assessments column of probability (0-based) and the value that is outside 1-5. */
const PROBABILITY = 3;
const BAD = 9;
const COMMENTARY = 6;

const label = (n: number) => `${n.toLocaleString('en-GB')} risks`;

/**
 * Excel's 5 MB request and response limits split big texts over more syncs (as they must: see
 * test/excel-addin/sync-counts.test.ts). The synthetic register holds about 800 characters of
 * text per risk and 50 per assessment, 12 MB at 10,000 risks × 4 quarters; the Excel budgets cut
 * texts to this many characters (and drop Commentary), as that test does, so they count round
 * trips per ROW; a separate info row shows the full texts.
 */
export const EXCEL_TEXT_LENGTH = 20;

interface RegisterOptions {
  /** Row 2 of Assessments holds probability 9: an issue the edit handlers report. */
  readonly bad?: boolean;
  /** Cut every text on Risks to this many characters and leave Commentary empty. */
  readonly textLength?: number;
}

function register(risks: number, options: RegisterOptions = {}): SheetGrid[] {
  const data = syntheticRegister(risks, QUARTERS);
  const cut = (value: CellValue) =>
    typeof value === 'string' && options.textLength !== undefined
      ? value.slice(0, options.textLength)
      : value;
  const assessments = data.assessments.map((row, r) =>
    row.map((value, c) => (r > 0 && c === COMMENTARY && options.textLength !== undefined ? null : value)),
  );
  if (options.bad) assessments[1]![PROBABILITY] = BAD;
  return [
    { name: 'Risks', rows: data.risks.map((row) => row.map(cut)) },
    { name: 'Assessments', rows: assessments },
  ];
}

/** Characters of text a register holds, in MB (what the 5 MB limits are about). */
function textMb(sheets: readonly SheetGrid[]): number {
  let chars = 0;
  for (const sheet of sheets)
    for (const row of sheet.rows)
      for (const value of row) if (typeof value === 'string') chars += value.length;
  return chars / 1e6;
}

/** Risks needed for `rows` assessment rows plus a margin, so the paste sits inside the data. */
const risksForPaste = (rows: number) => Math.ceil(rows / QUARTERS) + 25;

// ---- Apps Script: SpreadsheetApp calls ----

async function appsScriptCalls(
  sheets: SheetGrid[],
  act: (loaded: Awaited<ReturnType<typeof loadScript>>) => Promise<void>,
) {
  const loaded = await loadScript(sheets);
  const before = loaded.fake.calls.count;
  await act(loaded);
  if (loaded.fake.ui.alerts.length > 0)
    throw new Error(`Apps Script alerted: ${loaded.fake.ui.alerts[0]!.prompt}`);
  return loaded.fake.calls.count - before;
}

const appsGenerate = (risks: number) =>
  appsScriptCalls(register(risks), async ({ script, fake }) => {
    fake.ui.answers.push({ text: '', button: 'OK' });
    await script.generateQuarterlyRegister!();
  });

const appsSetUp = (risks: number) =>
  appsScriptCalls(register(risks), async ({ script }) => {
    await script.setUpSheets!();
  });

/**
 * Cells calling a custom function after Set up on `rows` assessment rows: each is one Apps Script
 * execution on every recalculation, so the count must not grow with the register.
 */
async function appsCustomFunctionCells(rows: number): Promise<number> {
  const loaded = await loadScript(register(Math.ceil(rows / QUARTERS)));
  await loaded.script.setUpSheets!();
  return loaded.fake.customFunctionCells();
}

/** Assessment rows the custom-function cells are counted at (the 20 and 2,000). */
const CUSTOM_FUNCTION_ROWS = [20, 2_000] as const;

/** onEdit on Assessments rows 2.. (1-based), `rows` × `columns` from column `column`. */
const appsEdit = (rows: number, column: number, columns: number) =>
  appsScriptCalls(register(risksForPaste(rows), { bad: true }), async ({ script, fake }) => {
    const sheet = fake.spreadsheet.sheet('Assessments')!;
    await script.onEdit!({ range: sheet.range(2, column, rows, columns) });
  });

export async function appsScriptRows(sizes: HostSizes): Promise<BenchRow[]> {
  const area = 'Apps Script';
  const unit = 'SpreadsheetApp calls';
  const generate: Count[] = [];
  for (const n of sizes.generate) generate.push({ label: label(n), count: await appsGenerate(n) });
  const first = sizes.generate[0]!;
  const last = sizes.generate.at(-1)!;
  const setUp: Count[] = [];
  for (const n of [first, last]) setUp.push({ label: label(n), count: await appsSetUp(n) });
  const edits: Count[] = [
    { label: 'one cell', count: await appsEdit(1, PROBABILITY + 1, 1) },
    { label: `${sizes.paste.toLocaleString('en-GB')}-row paste`, count: await appsEdit(sizes.paste, 1, 7) },
  ];
  const cells: Count[] = [];
  for (const rows of CUSTOM_FUNCTION_ROWS)
    cells.push({
      label: `${rows.toLocaleString('en-GB')} assessments`,
      count: await appsCustomFunctionCells(rows),
    });
  return [
    // The budget compares the smallest and largest register; the middle sizes are printed.
    withFigure(constantCheck(area, 'Generate', unit, [generate[0]!, generate.at(-1)!]), generate, unit),
    constantCheck(area, 'Set up', unit, setUp, 'target'),
    constantCheck(area, 'Set up: custom-function cells (executions per recalculation)', 'cells', cells),
    constantCheck(area, 'onEdit', unit, edits),
  ];
}

// ---- Excel: context.sync() calls ----

type LoadedAddin = Awaited<ReturnType<typeof loadBuiltAddin>>;

async function excelSyncs(
  sheets: SheetGrid[],
  act: (loaded: LoadedAddin) => Promise<void>,
  setUpFirst = false,
) {
  const loaded = await loadBuiltAddin(sheets);
  if (setUpFirst) {
    await loaded.fake.press('setUpWorkbook');
    await loaded.fake.settle();
  }
  const before = loaded.fake.state.syncCount;
  await act(loaded);
  await loaded.fake.settle();
  if (loaded.fake.handlerErrors.length > 0)
    throw new Error(`Excel handler failed: ${String(loaded.fake.handlerErrors[0])}`);
  return loaded.fake.state.syncCount - before;
}

const short = { textLength: EXCEL_TEXT_LENGTH };
const excelGenerate = (risks: number, options: RegisterOptions = short) =>
  excelSyncs(register(risks, options), ({ fake }) => fake.press('generateRegister'));
const excelSetUp = (risks: number) =>
  excelSyncs(register(risks, short), ({ fake }) => fake.press('setUpWorkbook'));

/** A user typing one cell, or pasting `rows` whole Assessments rows, on a set-up workbook. */
function excelEdit(rows: number) {
  const sheets = register(risksForPaste(rows), short);
  const pasted: CellValue[][] = sheets[1]!.rows.slice(1, rows + 1).map((row) => [...row]);
  pasted[0]![PROBABILITY] = BAD;
  const [address, values] = rows === 1 ? [`D2`, [[BAD]]] : [`A2:G${rows + 1}`, pasted];
  return excelSyncs(sheets, ({ fake }) => fake.edit('Assessments', address, values), true);
}

/**
 * Excel on the web refuses a request or a response over 5 MB, so the port splits blocks by bytes:
 * syncs are constant while a register fits one request (5,000 short risks, as the add-in's own
 * sync test checks) and then grow with megabytes, never with rows.
 */
const EXCEL_ONE_REQUEST_RISKS = 5_000;

export async function excelRows(sizes: HostSizes): Promise<BenchRow[]> {
  const area = 'Excel';
  const unit = 'syncs';
  const first = sizes.generate[0]!;
  const last = sizes.generate.at(-1)!;
  const withinOneRequest = [
    ...sizes.generate.filter((n) => n < EXCEL_ONE_REQUEST_RISKS),
    Math.min(last, EXCEL_ONE_REQUEST_RISKS),
  ];
  const generate: Count[] = [];
  for (const n of withinOneRequest) generate.push({ label: label(n), count: await excelGenerate(n) });
  const setUp: Count[] = [];
  for (const n of [first, withinOneRequest.at(-1)!])
    setUp.push({ label: label(n), count: await excelSetUp(n) });
  const edits: Count[] = [
    { label: 'one cell', count: await excelEdit(1) },
    { label: `${sizes.paste.toLocaleString('en-GB')}-row paste`, count: await excelEdit(sizes.paste) },
  ];
  const beyond = (texts: RegisterOptions, what: string, job = 'Generate'): BenchRow => {
    const sheets = register(last, texts);
    return {
      area,
      case: `${job} (${what}, ${label(last)})`,
      figure: '',
      budget: 'grows with MB only (5 MB request limit)',
      kind: 'info',
      ok: true,
      values: { textMb: Number(textMb(sheets).toFixed(2)) },
    };
  };
  const shortBeyond = beyond(short, `${EXCEL_TEXT_LENGTH}-character texts`);
  const fullBeyond = beyond({}, 'full synthetic texts');
  const setUpBeyond = beyond(short, `${EXCEL_TEXT_LENGTH}-character texts`, 'Set up');
  const shortSyncs = await excelGenerate(last, short);
  const fullSyncs = await excelGenerate(last, {});
  const setUpSyncs = await excelSetUp(last);
  return [
    withFigure(
      constantCheck(area, `Generate (${EXCEL_TEXT_LENGTH}-character texts)`, unit, [
        generate[0]!,
        generate.at(-1)!,
      ]),
      generate,
      unit,
    ),
    ...(last > EXCEL_ONE_REQUEST_RISKS
      ? [
          {
            ...shortBeyond,
            figure: `${shortSyncs} syncs (${shortBeyond.values!.textMb} MB of text)`,
            values: { ...shortBeyond.values, [label(last)]: shortSyncs },
          },
          {
            ...fullBeyond,
            figure: `${fullSyncs} syncs (${fullBeyond.values!.textMb} MB of text)`,
            values: { ...fullBeyond.values, [label(last)]: fullSyncs },
          },
        ]
      : []),
    constantCheck(area, `Set up (${EXCEL_TEXT_LENGTH}-character texts)`, unit, setUp),
    ...(last > EXCEL_ONE_REQUEST_RISKS
      ? [
          {
            ...setUpBeyond,
            figure: `${setUpSyncs} syncs (${setUpBeyond.values!.textMb} MB of text)`,
            values: { ...setUpBeyond.values, [label(last)]: setUpSyncs },
          },
        ]
      : []),
    constantCheck(area, 'onChanged', unit, edits),
  ];
}

/** The row keeps its budget verdict (first vs last) but prints and records every size. */
function withFigure(row: BenchRow, counts: readonly Count[], unit: string): BenchRow {
  const all = constantCheck(row.area, row.case, unit, counts, row.kind);
  return { ...row, figure: all.figure, values: all.values };
}

// ---- Bundle sizes ----

/** Code.js has no size budget, only `npm run verify`'s sanity ceiling. */
export const APPS_SCRIPT_CEILING_KB = (SIZE_CEILING_BYTES as number) / 1024;
export const EXCEL_BUDGET_KB = BUNDLE_BUDGET_KB as number;
/** The Excel bundle the runtime page loads (office.js itself comes from Microsoft's CDN). */
export const EXCEL_BUNDLE = join(OUT_DIR as string, BUNDLE_FILE as string);

function sizesOf(bytes: Buffer) {
  return { bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

/** Compilations timed for Code.js; the median is reported. */
const COMPILE_RUNS = 15;

/**
 * Milliseconds to compile Code.js in node:vm (`new vm.Script`), the median of several runs: a
 * proxy for what each Apps Script execution spends before it runs anything (V8 both, the
 * functions' bodies compiled lazily). Each run's source differs by a trailing comment, so V8's
 * compilation cache cannot answer it.
 */
export function compileMs(code: string, runs = COMPILE_RUNS): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const source = `${code}\n// compile run ${run} ${Math.random()}\n`;
    const start = performance.now();
    new vm.Script(source, { filename: 'Code.js' });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/**
 * The built bundles: Code.js (readable, so its size only has the sanity ceiling; its compile
 * time is printed, never failed on) and the Excel bundle against its budget.
 */
export async function bundleRows(): Promise<BenchRow[]> {
  const code = await builtCode();
  const ms = compileMs(code);
  return [
    sizeCheck(
      'bundle',
      'dist/apps-script/Code.js',
      sizesOf(Buffer.from(code)),
      APPS_SCRIPT_CEILING_KB,
      'readable (not minified)',
    ),
    targetRow('bundle', 'dist/apps-script/Code.js, compile in node:vm', `${ms.toFixed(1)} ms`, '', true, {
      compileMs: ms,
    }),
    sizeCheck(
      'bundle',
      `${EXCEL_BUNDLE} (without office.js)`,
      sizesOf(readFileSync(EXCEL_BUNDLE)),
      EXCEL_BUDGET_KB,
      'minified',
    ),
  ];
}

export interface HostOptions {
  readonly sizes?: HostSizes;
  /**
   * Build the Excel add-in first (as bundle.test.ts does). Off in the unit test, which runs
   * after `npm run build` and must not rebuild dist/excel-addin under another test file.
   * Code.js is always built: its build writes whole files and renames them.
   */
  readonly buildExcel?: boolean;
}

/** Round trips on both hosts and both bundle sizes: everything `--check` needs. */
export async function hostRows(options: HostOptions = {}): Promise<BenchRow[]> {
  // The Excel build fails on its own when the bundle is over 150 KB; then the size row says so.
  let excelBuildError: unknown;
  if (options.buildExcel ?? true) await buildAddin().catch((error: unknown) => (excelBuildError = error));
  const sizes = options.sizes ?? FULL_SIZES;
  const rows = [...(await appsScriptRows(sizes))];
  if (excelBuildError === undefined) rows.push(...(await excelRows(sizes)));
  rows.push(...(await bundleRows()));
  if (excelBuildError !== undefined) {
    rows.push({
      area: 'Excel',
      case: 'build',
      figure: errorText(excelBuildError),
      budget: 'builds',
      kind: 'budget',
      ok: false,
      values: {},
    });
  }
  return rows;
}
