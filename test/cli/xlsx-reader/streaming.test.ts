/**
 * The streaming reader: any chunking reads the same grid (split points anywhere, multi-byte
 * characters across boundaries), memory follows the cells kept (a sheet formatted down to many
 * rows, only the chosen columns), decompression bombs and declared encodings. The full-size
 * cases (row 1,048,576, a 200 MB table) are in `npm run bench`; these are scaled down and
 * prove the bound by behaviour (bytes held, cells kept), never by timing.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { openXlsx, XlsxFormatError } from '../../../cli/xlsx-reader/index.ts';
import type { CellValue } from '../../../core/index.ts';
import { FC_SEED } from '../../support/fc-seed.ts';
import { buildXlsx, gridXlsx, zipParts, MAIN_NS } from '../../support/xlsx-fixtures.ts';
import {
  formattedSheet,
  sharedStringsTable,
  streamedZip,
  workbookParts,
} from '../../support/streamed-xlsx.ts';

async function reason(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(XlsxFormatError);
    return (error as XlsxFormatError).reason;
  }
  throw new Error('expected an XlsxFormatError');
}

/** Text whose characters take 1 to 4 bytes in UTF-8, so chunk boundaries fall inside them. */
const multiByte = fc.string({
  unit: fc.constantFrom('a', 'é', '£', '–', '東', '😀', '&', '<', ' ', '_x000D_'),
  minLength: 1,
  maxLength: 8,
});

describe('any chunking reads the same grid', () => {
  test.prop(
    [
      fc.array(
        fc.record({
          row: fc.integer({ min: 0, max: 30 }),
          column: fc.integer({ min: 0, max: 6 }),
          value: fc.oneof(multiByte, fc.integer({ min: -1e6, max: 1e6 }) as fc.Arbitrary<CellValue>),
        }),
        { maxLength: 40 },
      ),
      fc.constantFrom('shared', 'inline', 'rich') as fc.Arbitrary<'shared' | 'inline' | 'rich'>,
      fc.boolean(),
      fc.integer({ min: 1, max: 97 }),
    ],
    { ...FC_SEED, numRuns: 60 },
  )(
    'split points anywhere, multi-byte characters across boundaries',
    async (cells, strings, prefix, chunk) => {
      const unique = new Map(cells.map((cell) => [`${cell.row},${cell.column}`, cell]));
      const bytes = gridXlsx('S', [...unique.values()], {
        strings,
        refs: 'all',
        prefix,
        strict: false,
        date1904: false,
        dates: 'iso',
        formulas: false,
      });
      const whole = await openXlsx(bytes).readSheet('S');
      const chunked = await openXlsx(bytes).readSheet('S', { chunkSize: chunk });
      expect(chunked!.rows).toEqual(whole!.rows);
      for (const { row, column, value } of unique.values()) expect(whole!.rows[row]![column]).toEqual(value);
    },
  );

  it('one byte at a time: a four-byte character split every way, in shared and inline strings', async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'S',
          sheetData:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>£2.5m – Café 😀</t></is></c></row>',
        },
      ],
      sharedStrings: ['<t>東京 😀 £</t>'],
    });
    const sheet = await openXlsx(bytes).readSheet('S', { chunkSize: 1 });
    expect(sheet!.rows).toEqual([['東京 😀 £', '£2.5m – Café 😀']]);
  });
});

describe('memory grows with the cells kept, not with the part', () => {
  const header = ['ID', 'Risk name', 'Status'];
  const data = Array.from({ length: 20 }, (_, i) => [`CRR${i + 1}`, `Risk ${i + 1}`, 'Open']);
  // Excel's way: 22 formatted columns down to row 20,000 (the bench goes to 1,048,576).
  const formatted = streamedZip(
    workbookParts([{ name: 'Risks', xml: formattedSheet([header, ...data], 22, 20_000) }], {
      'xl/sharedStrings.xml': sharedStringsTable(0, () => ''),
    }),
  );

  it('a sheet formatted down to row 20,000 in 22 columns keeps its 63 values and never holds the part', async () => {
    const sheet = await openXlsx(formatted).readSheet('Risks', { chunkSize: 64 * 1024 });
    expect(sheet!.rows.length).toBe(21);
    expect(sheet!.rows[20]).toEqual(['CRR20', 'Risk 20', 'Open']);
    expect(sheet!.cellsKept).toBe(63);
    // The part is about 10 MB; the reader holds one chunk and the element it cut short.
    expect(sheet!.largestHeld).toBeLessThan(128 * 1024);
  });

  it('below the top rows only the chosen columns are kept; the top rows stay whole', async () => {
    const wide = [
      ['Title', 'x', 'y', 'z'],
      ['ID', 'Notes', 'Risk name', 'Other'],
      ...Array.from({ length: 50 }, (_, i) => [`CRR${i}`, `note ${i}`, `name ${i}`, i]),
    ];
    const bytes = streamedZip(
      workbookParts([{ name: 'Risks', xml: formattedSheet(wide, 4, wide.length) }], {
        'xl/sharedStrings.xml': sharedStringsTable(0, () => ''),
      }),
    );
    const seen: number[] = [];
    const sheet = await openXlsx(bytes).readSheet('Risks', {
      columns: {
        topRows: 10,
        choose: (top) => {
          seen.push(top.rows.length);
          return new Set([0, 2]);
        },
      },
    });
    expect(seen).toEqual([10]);
    expect(sheet!.rows[1]).toEqual(['ID', 'Notes', 'Risk name', 'Other']);
    expect(sheet!.rows[9]).toEqual(['CRR7', 'note 7', 'name 7', 7]);
    expect(sheet!.rows[10]).toEqual(['CRR8', null, 'name 8']);
    expect(sheet!.cellsKept).toBe(10 * 4 + 42 * 2);
  });
});

describe('decompression bombs are refused by part, before inflating', () => {
  it('a shared-strings table declaring more than it compresses to by far (600 MB from 620 KB in the wild)', async () => {
    // 36 MB of one repeated item compresses about 1,000 times.
    const bytes = streamedZip(
      workbookParts([{ name: 'S', xml: formattedSheet([[1]], 1, 1) }], {
        'xl/sharedStrings.xml': sharedStringsTable(1_500_000, () => 'abcdefgh'),
      }),
      {},
      9,
    );
    expect(await reason(() => openXlsx(bytes).readSheet('S'))).toMatch(
      /^the part xl\/sharedStrings\.xml would inflate from \d+ KB to \d+ MB \(\d+ times; .*decompression bomb/,
    );
  });

  it('a part declaring more than the absolute ceiling', async () => {
    const bytes = streamedZip(workbookParts([{ name: 'S', xml: formattedSheet([[1]], 1, 1) }]), {
      'xl/worksheets/sheet1.xml': 20_000_000,
    });
    expect(await reason(() => openXlsx(bytes).readSheet('S'))).toMatch(
      /^the part xl\/worksheets\/sheet1\.xml would inflate from .* more than the 2048 MB this reader accepts for one part; it looks like a decompression bomb/,
    );
  });

  it('a part that inflates to more than it declares stops there', async () => {
    const bytes = streamedZip(workbookParts([{ name: 'S', xml: formattedSheet([[1]], 3, 2000) }]), {
      'xl/worksheets/sheet1.xml': 0.5,
    });
    expect(await reason(() => openXlsx(bytes).readSheet('S', { chunkSize: 4096 }))).toMatch(
      /^the part xl\/worksheets\/sheet1\.xml inflates to more than the .* the archive declares for it/,
    );
  });
});

describe('declared encodings', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const sheet = (declaration: string, body: Uint8Array) =>
    zipParts({
      'xl/workbook.xml': `<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': Buffer.concat([Buffer.from(declaration, 'latin1'), body]),
    });
  const cell = (text: Uint8Array) =>
    Buffer.concat([
      Buffer.from(`<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`),
      text,
      Buffer.from('</t></is></c></row></sheetData></worksheet>'),
    ]);

  it.each(['ISO-8859-1', 'windows-1252', 'latin1'])(
    'a part declared %s reads as LibreOffice shows it',
    async (encoding) => {
      const bytes = sheet(
        `<?xml version="1.0" encoding="${encoding}"?>`,
        cell(Buffer.from([0xa3, ...latin1('2.5m '), 0x96, ...latin1(' Caf'), 0xe9])),
      );
      expect((await openXlsx(bytes).readSheet('S', { chunkSize: 7 }))!.rows).toEqual([['£2.5m – Café']]);
    },
  );

  it('a UTF-16 part (with its byte-order mark) reads as text', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>£2.5m – Café 東京</t></is></c></row></sheetData></worksheet>`;
    const bytes = sheet('', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    expect((await openXlsx(bytes).readSheet('S', { chunkSize: 5 }))!.rows).toEqual([['£2.5m – Café 東京']]);
  });

  it('an encoding this reader cannot decode is a one-line message naming the part', async () => {
    const bytes = sheet('<?xml version="1.0" encoding="x-mac-klingon"?>', cell(latin1('x')));
    expect(await reason(() => openXlsx(bytes).readSheet('S'))).toBe(
      'the part xl/worksheets/sheet1.xml declares the encoding "x-mac-klingon", which this reader cannot decode. Save the workbook again as .xlsx.',
    );
  });

  it('Latin-1 bytes in a part that declares no encoding (so UTF-8) are a message, not "Caf�"', async () => {
    const bytes = sheet('<?xml version="1.0"?>', cell(Buffer.from([...latin1('Caf'), 0xe9])));
    expect(await reason(() => openXlsx(bytes).readSheet('S'))).toMatch(
      /^the part xl\/worksheets\/sheet1\.xml is not valid UTF-8 text, and declares no other encoding/,
    );
  });
});
