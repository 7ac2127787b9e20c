import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { dateCell, errorCell } from '../../core/cells/cell.ts';
import type { CellStyle, PlanCell, SheetPlan } from '../../core/layout/sheet-plan.ts';
import { renderSheetPlan } from '../../cli/render-plan.ts';
import { applySheetRules } from '../../cli/sheet-rules.ts';
import {
  INSTALL_HINT,
  convertWithLibreOffice,
  decodePng,
  evaluateFormulas,
  exportSheetCsv,
  inkPixels,
  libreOfficeFixture,
  makeTemp,
  pageInk,
  parseCsv,
  pdfPageCount,
  pdfText,
  removeTemp,
  renderPdfPage,
  requireLibreOffice,
} from './libreoffice.ts';

const run = promisify(execFile);

const HEAD: CellStyle = { bold: true, fill: '#1F4E78', fontColour: '#FFFFFF', border: true, wrap: true };
const FORMULA_LIKE = ['=HYPERLINK("x")', '+SUM(1,2)', '-1+2', '@cmd'];

/** A small register-like sheet: text that looks like formulas, a formula, a date, a rule and a list. */
function smokePlan(): SheetPlan {
  const rows: PlanCell[][] = [
    ['ID', 'Risk', 'Impact', 'Probability', 'Score', 'Rating', 'Reviewed'].map((value) => ({
      value,
      style: HEAD,
    })),
  ];
  FORMULA_LIKE.forEach((text, i) => {
    rows.push([
      { value: `CRR${i + 1}` },
      { value: text },
      { value: i + 2 },
      { value: 3 },
      { value: { formula: `C${i + 2}*D${i + 2}` } },
      { value: i % 2 === 0 ? 'High' : 'Low' },
      { value: dateCell('2022-07-01'), style: { numberFormat: 'yyyy-mm-dd' } },
    ]);
  });
  return {
    name: 'Register Q2 2022-23',
    cells: rows,
    columnWidths: [8, 24, 10, 12, 8, 10, 12],
    merges: [],
    frozenRows: 1,
    frozenColumns: 0,
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: 1,
      header: 'Risk register',
      footer: 'Smoke test',
    },
    conditionalFormats: [
      {
        range: { top: 1, left: 5, bottom: 40, right: 5 },
        formula: 'NOT(ISERROR(SEARCH("High",F2)))',
        style: { fill: '#FF0000', fontColour: '#FFFFFF', bold: true },
      },
    ],
    validations: [
      {
        range: { top: 1, left: 5, bottom: 40, right: 5 },
        rule: { kind: 'list', values: ['Low', 'Medium', 'High'] },
        allowBlank: true,
        prompt: { title: 'Rating', text: 'Low, Medium or High' },
        error: { title: 'Unknown rating', text: 'Pick Low, Medium or High.' },
      },
    ],
  };
}

let dir: string | undefined;

/** The rendered workbook, made once; each test awaits it, so each FAILS when LibreOffice is missing. */
const smokeFile = libreOfficeFixture(async () => {
  dir = await makeTemp('lo-smoke');
  const workbook = new ExcelJS.Workbook();
  const plan = smokePlan();
  applySheetRules(renderSheetPlan(workbook, plan), plan);
  workbook.addWorksheet('Second').getCell('A1').value = 'second sheet';
  const xlsx = join(dir, 'smoke.xlsx');
  await workbook.xlsx.writeFile(xlsx);
  return { dir, xlsx };
});

afterAll(async () => {
  await removeTemp(dir);
});

describe('LibreOffice opens a rendered SheetPlan', () => {
  it('recalculates the formula and keeps formula-like text as text (CSV of one named sheet)', async () => {
    const { xlsx } = await smokeFile();
    const rows = await exportSheetCsv(xlsx, 'Register Q2 2022-23');
    expect(rows[0]).toEqual(['ID', 'Risk', 'Impact', 'Probability', 'Score', 'Rating', 'Reviewed']);
    // Quoted in the CSV, so LibreOffice holds them as text cells, not formula results.
    expect(rows.slice(1).map((row) => row[1])).toEqual(FORMULA_LIKE);
    expect(rows.slice(1).map((row) => row[4])).toEqual([6, 9, 12, 15]);
    // A yyyy-mm-dd formatted date stays ISO in the CSV.
    expect(rows[1]?.[6]).toBe('2022-07-01');
    expect(await exportSheetCsv(xlsx, 'Second')).toEqual([['second sheet']]);
  });

  it('prints to a PDF with at least one non-blank page showing the text and the conditional fill', async () => {
    const { dir, xlsx } = await smokeFile();
    const pdf = await convertWithLibreOffice(xlsx, 'pdf', { outDir: join(dir, 'pdf') });
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(await pageInk(pdf, 1)).toBeGreaterThan(500);
    const text = await pdfText(pdf);
    for (const phrase of [
      '=HYPERLINK("x")',
      '+SUM(1,2)',
      '-1+2',
      '@cmd',
      'CRR4',
      'Risk register',
      'Smoke test',
    ]) {
      expect(text).toContain(phrase);
    }
    // The "High" cells are red only through the conditional format.
    const png = decodePng(await readFile(await renderPdfPage(pdf, 1, { dpi: 60 })));
    let red = 0;
    for (let i = 0; i < png.pixels.length; i += png.channels) {
      if (png.pixels[i]! > 200 && png.pixels[i + 1]! < 60 && png.pixels[i + 2]! < 60) red++;
    }
    expect(red).toBeGreaterThan(50);
  });

  it('keeps the conditional format and the validation through a LibreOffice save as xlsx', async () => {
    const { dir, xlsx } = await smokeFile();
    const saved = await convertWithLibreOffice(xlsx, 'xlsx', { outDir: join(dir, 'resaved') });
    const zip = await JSZip.loadAsync(await readFile(saved));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const cf =
      /<conditionalFormatting[^>]*sqref="F2:F41"[^>]*>.*?<\/conditionalFormatting>/s.exec(sheet)?.[0] ?? '';
    expect(cf).toMatch(/type="expression"/);
    expect(cf).toContain('<formula>NOT(ISERROR(SEARCH(&quot;High&quot;,F2)))</formula>');
    const dv = /<dataValidation [^>]*sqref="F2:F41"[^>]*>.*?<\/dataValidation>/s.exec(sheet)?.[0] ?? '';
    expect(dv).toMatch(/type="list"/);
    expect(dv).toMatch(/<formula1>&quot;Low,Medium,High&quot;<\/formula1>/);
    expect(dv).toContain('Pick Low, Medium or High.');
    // Formula-like text is still a string cell after LibreOffice wrote the file itself.
    expect(sheet).not.toMatch(/<f>[^<]*HYPERLINK/);
    expect(sheet).toMatch(/<c r="E2"[^>]*><f[^>]*>C2\*D2<\/f><v>6<\/v><\/c>/);
  });
});

describe('LibreOffice harness', () => {
  it('evaluates a batch of formulas in one run', async () => {
    requireLibreOffice();
    const values = await evaluateFormulas(
      [
        '1+1',
        '"a"&"b"',
        '1=1',
        '1/0',
        'NA()',
        'TEXT(DATE(2022,7,1),"YYYY-MM-DD")',
        'LAMBDA(x,x+1)(2)',
        'Lookup!B2*10',
        '""',
        '_xlfn.IFS(FALSE,1,TRUE,2)',
      ],
      [
        {
          name: 'Lookup',
          rows: [
            ['key', 'value'],
            ['a', 4.5],
          ],
        },
      ],
    );
    expect(values).toEqual([
      2,
      'ab',
      true,
      errorCell('#DIV/0!'),
      errorCell('#N/A'),
      '2022-07-01',
      errorCell('Err:509'),
      45,
      '',
      2,
    ]);
  });

  it('fails clearly on a file LibreOffice cannot load', async () => {
    const { dir, xlsx } = await smokeFile();
    const bad = join(dir, 'garbage.xlsx');
    await writeFile(bad, 'not a workbook at all');
    await expect(convertWithLibreOffice(bad, 'pdf', { outDir: join(dir, 'bad') })).rejects.toThrow(
      /did not write one pdf file/,
    );
    await expect(exportSheetCsv(xlsx, 'Missing')).rejects.toThrow(/no sheet "Missing"/);
  });

  it('fails (never skips) with the install command when LibreOffice is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent-bin-for-this-test';
    try {
      expect(() => requireLibreOffice()).toThrow(INSTALL_HINT);
    } finally {
      process.env.PATH = path;
    }
  });

  it('decodes pdftoppm PNGs exactly as its PPM output', async () => {
    const { dir, xlsx } = await smokeFile();
    const pdf = await convertWithLibreOffice(xlsx, 'pdf', { outDir: join(dir, 'decode') });
    const png = decodePng(await readFile(await renderPdfPage(pdf, 1, { dpi: 40 })));
    await run('pdftoppm', [
      '-r',
      '40',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      join(dir, 'decode', 'page'),
    ]);
    const ppm = await readFile(join(dir, 'decode', 'page.ppm'));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!;
    expect([png.width, png.height, png.channels]).toEqual([Number(header[1]), Number(header[2]), 3]);
    expect(Buffer.from(png.pixels).equals(ppm.subarray(header[0].length))).toBe(true);
  });

  it('tells a blank page from an inked one', () => {
    const png = (paint: (x: number, y: number) => number) => {
      const [w, h] = [20, 10];
      const raw = Buffer.alloc((w * 3 + 1) * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w * 3; x++) raw[y * (w * 3 + 1) + 1 + x] = paint(x, y);
      const chunk = (type: string, data: Buffer) => {
        const head = Buffer.alloc(8);
        head.writeUInt32BE(data.length, 0);
        head.write(type, 4, 'latin1');
        return Buffer.concat([head, data, Buffer.alloc(4)]);
      };
      const ihdr = Buffer.from([0, 0, 0, w, 0, 0, 0, h, 8, 2, 0, 0, 0]);
      return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', ihdr),
        chunk('IDAT', deflateSync(raw)),
        chunk('IEND', Buffer.alloc(0)),
      ]);
    };
    expect(inkPixels(decodePng(png(() => 255)))).toBe(0);
    expect(inkPixels(decodePng(png((x, y) => (y === 3 && x < 15 ? 0 : 255))))).toBe(5);
  });

  it('parses CSV with quotes, commas and line breaks in fields', () => {
    expect(parseCsv('1,"a, ""b""","x\ny"\r\n,TRUE\n')).toEqual([
      [
        { text: '1', quoted: false },
        { text: 'a, "b"', quoted: true },
        { text: 'x\ny', quoted: true },
      ],
      [
        { text: '', quoted: false },
        { text: 'TRUE', quoted: false },
      ],
    ]);
  });
});
