// Test harness that opens files in a real LibreOffice (and poppler) so e2e tests can check them.
//
// What was found with LibreOffice 7.4.7 (Debian bookworm) on this machine:
// - `soffice` exits 0 even when a conversion fails ("source file could not be loaded", "No sheet
//   number 5"), so success is judged by the output file appearing, and errors quote its output.
// - A fresh `-env:UserInstallation` profile per call costs about a second and lets calls run in
//   parallel. Without `OOXMLRecalcMode = 0` in the profile, LibreOffice shows the results cached
//   in the file; formulas written without a cached result are calculated either way.
// - CSV filter options `44,34,76,1,,0,true,true,false,false,false,N`: comma, double quote, UTF-8,
//   from line 1, language 0; token 7 `true` quotes every text cell (so text and numbers can be
//   told apart, and an error such as "#N/A" or "Err:509" is quoted like text); token 9 `false`
//   writes values rather than their formatted text (numbers with up to 15 significant digits;
//   a date formatted yyyy-mm-dd stays ISO, any other date comes out as MM/DD/YYYY); token 12 (LO >= 7.2) picks the sheet: N is the 1-based sheet number,
//   -1 writes every sheet as `<base>-<sheet name>.csv`, 0 or absent only the first. Sheets cannot
//   be selected by name, so exportSheetCsv looks the number up in xl/workbook.xml. With N >= 1 the
//   file is also named `<base>-<sheet name>.csv`.
// - LibreOffice 7.4 does not evaluate LAMBDA (Err:509), LET or XLOOKUP (#NAME?); future functions
//   it knows (IFS, ...) must carry their `_xlfn.` prefix in the file, as Excel writes them.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { errorCell, type CellValue } from '../../core/cells/cell.ts';
import { formulaBody } from '../../core/index.ts';
import { unescapeXml } from '../../cli/xml-text.ts';

const run = promisify(execFile);

export const INSTALL_HINT =
  'Install LibreOffice and poppler: apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils ' +
  '(or run .ci/run, which installs them on CI).';

function onPath(command: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, command);
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function hasLibreOffice(): boolean {
  return onPath('soffice') !== undefined;
}

/** Throws (so a test fails rather than skips) when LibreOffice or poppler is missing. */
export function requireLibreOffice(): void {
  const missing = ['soffice', 'pdfinfo', 'pdftoppm', 'pdftotext'].filter((c) => onPath(c) === undefined);
  if (missing.length > 0) throw new Error(`${missing.join(', ')} not found on PATH. ${INSTALL_HINT}`);
}

/**
 * A fixture made once, on first use, after checking for LibreOffice. Await it inside each test
 * (not in beforeAll): a throwing beforeAll makes vitest report the tests as skipped, whereas
 * this makes each of them FAIL with the install command.
 */
export function libreOfficeFixture<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () =>
    (made ??= (async () => {
      requireLibreOffice();
      return make();
    })());
}

/** Makes a temp folder under the OS temp dir; tests remove it with removeTemp. */
export function makeTemp(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${prefix}-`));
}

export async function removeTemp(folder: string | undefined): Promise<void> {
  if (folder) await rm(folder, { recursive: true, force: true });
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface ConvertOptions {
  /** Folder for the output; a fresh temp folder when absent (never the input's folder). */
  readonly outDir?: string;
  /** Filter and options after the format, e.g. `Text - txt - csv (StarCalc):44,34,...` for csv. */
  readonly filter?: string;
  readonly timeoutMs?: number;
}

/**
 * Converts `file` with headless LibreOffice in a fresh profile that recalculates every formula on
 * load, and returns the output path.
 */
export async function convertWithLibreOffice(
  file: string,
  format: 'pdf' | 'csv' | 'xlsx',
  options: ConvertOptions = {},
): Promise<string> {
  requireLibreOffice();
  const input = resolve(file);
  if (!existsSync(input)) throw new Error(`convertWithLibreOffice: ${input} does not exist.`);
  const outDir = options.outDir ?? (await makeTemp('lo-out'));
  await mkdir(outDir, { recursive: true });
  const profile = await makeTemp('lo-profile');
  try {
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
    const target = options.filter ? `${format}:${options.filter}` : format;
    const before = new Set(await readdir(outDir));
    const { stdout, stderr } = await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        target,
        '--outdir',
        outDir,
        input,
      ],
      { timeout: options.timeoutMs ?? 120_000, env: { ...process.env, HOME: profile } },
    );
    const base = basename(input, extname(input));
    const made = (await readdir(outDir)).filter(
      (name) => !before.has(name) && name.startsWith(base) && name.endsWith(`.${format}`),
    );
    const expected = `${base}.${format}`;
    if (made.includes(expected)) return join(outDir, expected);
    if (made.length === 1) return join(outDir, made[0]!);
    throw new Error(
      `LibreOffice did not write one ${format} file for ${input} (made: ${made.join(', ') || 'nothing'}).\n` +
        `stdout: ${stdout.trim()}\nstderr: ${stderr.trim()}`,
    );
  } finally {
    await removeTemp(profile);
  }
}

/** Sheet names in workbook order, from xl/workbook.xml. */
export async function sheetNames(xlsx: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(xlsx));
  const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<sheet\b[^>]*?\sname="([^"]*)"/g)].map((m) => unescapeXml(m[1]!));
}

/**
 * Saves `xlsx` again with LibreOffice (into `outDir`) and returns the XML of each worksheet
 * (xl/worksheets/sheetN.xml) of the file it wrote: what LibreOffice kept.
 */
export async function resavedWorksheetXml(xlsx: string, outDir: string): Promise<string[]> {
  const resaved = await convertWithLibreOffice(xlsx, 'xlsx', { outDir });
  const zip = await JSZip.loadAsync(await readFile(resaved));
  return Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .map((name) => zip.file(name)!.async('string')),
  );
}

/** CSV filter: comma, `"`, UTF-8, every text cell quoted, raw values, sheet `sheetNumber` (1-based). */
export function csvFilter(sheetNumber: number): string {
  return `Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,${sheetNumber}`;
}

export interface CsvField {
  readonly text: string;
  /** Quoted in the file: with every text cell quoted, this means text (or an error). */
  readonly quoted: boolean;
}

/** Parses RFC 4180 CSV, keeping whether each field was quoted. */
export function parseCsv(csv: string): CsvField[][] {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let i = 0;
  const text = csv.replace(/^\uFEFF/, '');
  if (text === '') return rows;
  for (;;) {
    let field = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        const end = text.indexOf('"', i);
        if (end < 0) throw new Error('parseCsv: unterminated quoted field');
        field += text.slice(i, end);
        i = end + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    }
    row.push({ text: field, quoted });
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push(row);
    row = [];
    if (i >= text.length) return rows;
  }
}

const ERROR_TEXT = /^(?:#NULL!|#DIV\/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N\/A|Err:\d{3})$/;

/**
 * A CSV field as a CellValue: quoted → text (or an error, when it reads as one: a text cell
 * holding exactly "#N/A" cannot be told apart); unquoted → number, TRUE/FALSE, null when
 * empty, else the text as written (dates: ISO when formatted yyyy-mm-dd, else MM/DD/YYYY;
 * compare TEXT(...,"YYYY-MM-DD") for a formula's date).
 */
export function csvValue(field: CsvField | undefined): CellValue {
  if (!field) return null;
  if (field.quoted) return ERROR_TEXT.test(field.text) ? errorCell(field.text) : field.text;
  if (field.text === '') return null;
  if (field.text === 'TRUE' || field.text === 'FALSE') return field.text === 'TRUE';
  const n = Number(field.text);
  return Number.isNaN(n) ? field.text : n;
}

/** One sheet of an .xlsx, as LibreOffice calculates it, in CellValues. */
export async function exportSheetCsv(
  xlsx: string,
  sheet: string,
  options: { outDir?: string } = {},
): Promise<CellValue[][]> {
  const names = await sheetNames(xlsx);
  const index = names.indexOf(sheet);
  if (index < 0)
    throw new Error(
      `exportSheetCsv: no sheet ${JSON.stringify(sheet)} in ${xlsx} (has ${names.join(', ')}).`,
    );
  const outDir = options.outDir ?? (await makeTemp('lo-csv'));
  try {
    const csv = await convertWithLibreOffice(xlsx, 'csv', { outDir, filter: csvFilter(index + 1) });
    return parseCsv(await readFile(csv, 'utf8')).map((row) => row.map(csvValue));
  } finally {
    if (!options.outDir) await removeTemp(outDir);
  }
}

export interface ContextSheet {
  readonly name: string;
  readonly rows: readonly (readonly ExcelJS.CellValue[])[];
}

/**
 * Evaluates many formulas in one LibreOffice run: each goes into column A of a sheet "Eval"
 * (written without cached results), beside optional context sheets the formulas may refer to.
 * Returns one CellValue per formula, in order.
 */
export async function evaluateFormulas(
  formulas: readonly string[],
  context: readonly ContextSheet[] = [],
): Promise<CellValue[]> {
  const workbook = new ExcelJS.Workbook();
  const evalSheet = workbook.addWorksheet('Eval');
  formulas.forEach((formula, i) => {
    evalSheet.getCell(i + 1, 1).value = { formula: formulaBody(formula) };
  });
  for (const sheet of context) workbook.addWorksheet(sheet.name).addRows(sheet.rows.map((row) => [...row]));
  const folder = await makeTemp('lo-eval');
  try {
    const file = join(folder, 'eval.xlsx');
    await workbook.xlsx.writeFile(file);
    const rows = await exportSheetCsv(file, 'Eval', { outDir: join(folder, 'out') });
    return formulas.map((_, i) => rows[i]?.[0] ?? null);
  } finally {
    await removeTemp(folder);
  }
}

export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const match = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo gave no page count for ${pdf}:\n${stdout}`);
  return Number(match[1]);
}

export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Renders one page (1-based) to a PNG beside the PDF, or into `outDir`; returns the PNG's path. */
export async function renderPdfPage(
  pdf: string,
  page: number,
  options: { dpi?: number; outDir?: string } = {},
): Promise<string> {
  const prefix = join(options.outDir ?? resolve(pdf, '..'), `${basename(pdf, '.pdf')}-page${page}`);
  await run('pdftoppm', [
    '-png',
    '-r',
    String(options.dpi ?? 50),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    prefix,
  ]);
  return `${prefix}.png`;
}

export interface Png {
  readonly width: number;
  readonly height: number;
  /** Samples per pixel: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. */
  readonly channels: number;
  /** Unfiltered 8-bit samples, row after row. */
  readonly pixels: Uint8Array;
}

/** A minimal PNG decoder for what pdftoppm writes: 8-bit, non-interlaced, grey or RGB(A). */
export function decodePng(png: Uint8Array): Png {
  const bytes = Buffer.from(png);
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('decodePng: not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      const byColour: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
      channels = byColour[colour ?? -1] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(
          `decodePng: unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`,
        );
      }
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels]! : 0;
      const b = y > 0 ? pixels[out - stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`decodePng: bad filter ${filter} on row ${y}`);
      }
      pixels[out + x] = (line[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Pixels that are not (near) white: a blank page has none. */
export function inkPixels(png: Png, threshold = 240): number {
  const colourChannels = png.channels >= 3 ? 3 : 1;
  let count = 0;
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    for (let k = 0; k < colourChannels; k++) {
      if (png.pixels[i + k]! < threshold) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** Renders a page and counts its inked pixels. */
export async function pageInk(
  pdf: string,
  page: number,
  options: { dpi?: number; outDir?: string } = {},
): Promise<number> {
  const png = await renderPdfPage(pdf, page, options);
  return inkPixels(decodePng(await readFile(png)));
}
