import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dateCell } from '../../../core/index.ts';
import { openXlsx } from '../../../cli/xlsx-reader/index.ts';
import { buildXlsx, MAIN_NS, zipParts } from '../../support/xlsx-fixtures.ts';

const A1 = '<row r="1"><c r="A1"><v>1</v></c></row>';

describe('openXlsx: the workbook part', () => {
  it('lists worksheets in tab order and reads each by name, ignoring case and surrounding spaces', async () => {
    const book = openXlsx(
      buildXlsx({
        sheets: [
          { name: 'Risks', sheetData: A1 },
          { name: ' Assessments ', sheetData: A1 },
        ],
      }),
    );
    expect(book.sheetNames).toEqual(['Risks', ' Assessments ']);
    expect((await book.readSheet('RISKS '))?.name).toBe('Risks');
    expect((await book.readSheet('assessments'))?.rows).toEqual([[1]]);
    expect(await book.readSheet('Nope')).toBeUndefined();
  });

  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['false', false],
    [undefined, false],
  ])('1904 date system when workbookPr@date1904 is %s', async (flag, expected) => {
    const book = openXlsx(
      buildXlsx({
        sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" s="1"><v>0</v></c></row>' }],
        date1904: flag,
        cellXfs: [0, 14],
      }),
    );
    expect(book.date1904).toBe(expected);
    // Serial 0 is a date only in the 1904 system; in 1900 it is Excel's 1900-01-00.
    expect((await book.readSheet('S'))?.rows).toEqual([[expected ? dateCell('1904-01-01') : 0]]);
  });

  it('reads hidden and very hidden sheets; skips chartsheets and dialog sheets', async () => {
    const book = openXlsx(
      buildXlsx({
        sheets: [
          { name: 'Chart1', kind: 'chartsheet' },
          { name: 'Hidden', sheetData: A1, state: 'hidden' },
          { name: 'Dialog1', kind: 'dialogsheet' },
          { name: 'Secret', sheetData: A1, state: 'veryHidden' },
        ],
      }),
    );
    expect(book.sheetNames).toEqual(['Hidden', 'Secret']);
    expect(await book.readSheet('Chart1')).toBeUndefined();
    expect((await book.readSheet('Secret'))?.rows).toEqual([[1]]);
  });

  it('resolves absolute relationship targets (/xl/worksheets/sheet1.xml)', async () => {
    const book = openXlsx(
      buildXlsx({ sheets: [{ name: 'S', sheetData: A1 }], absoluteTargets: true, sharedStrings: [] }),
    );
    expect((await book.readSheet('S'))?.rows).toEqual([[1]]);
  });

  it('resolves relative targets with ../ and an unusual sheet location', async () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'S' }],
      extraParts: {
        'xl/_rels/workbook.xml.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../data/my%20sheet.xml"/>' +
          '</Relationships>',
        'data/my sheet.xml': `<worksheet xmlns="${MAIN_NS}"><sheetData>${A1}</sheetData></worksheet>`,
      },
    });
    expect((await openXlsx(bytes).readSheet('S'))?.rows).toEqual([[1]]);
  });

  it('reads the strict OOXML namespace (ISO 29500 strict)', async () => {
    const book = openXlsx(buildXlsx({ sheets: [{ name: 'S', sheetData: A1 }], strict: true, date1904: '1' }));
    expect(book.date1904).toBe(true);
    expect((await book.readSheet('S'))?.rows).toEqual([[1]]);
  });

  it('ignores parts it does not need: an openpyxl file with a comment, a Table and a chart reads fine', async () => {
    const sheetRels =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="comments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="/xl/comments/comment1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="/xl/tables/table1.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="/xl/drawings/drawing1.xml"/>' +
      '</Relationships>';
    const book = openXlsx(
      buildXlsx({
        sheets: [
          {
            name: 'Sheet',
            sheetData:
              '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="2"><c r="A2"><v>7</v></c></row>',
            after:
              '<legacyDrawing r:id="anysvml"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><drawing r:id="rId3"/>',
          },
        ],
        extraParts: {
          'xl/worksheets/_rels/sheet1.xml.rels': sheetRels,
          'xl/comments/comment1.xml': '<comments xmlns="x"><broken',
          'xl/tables/table1.xml': 'not xml at all',
          'xl/drawings/drawing1.xml': '',
        },
      }),
    );
    expect((await book.readSheet('Sheet'))?.rows).toEqual([['ID'], [7]]);
  });

  it('falls back to xl/worksheets/sheetN.xml when the workbook has no relationships part', async () => {
    const bytes = zipParts({
      'xl/workbook.xml': `<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Only" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN_NS}"><sheetData>${A1}</sheetData></worksheet>`,
    });
    expect((await openXlsx(bytes).readSheet('Only'))?.rows).toEqual([[1]]);
  });

  it('reads parts encoded as UTF-16 (with a byte-order mark), which XML allows', async () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>é東</t></is></c></row></sheetData></worksheet>`;
    const utf16 = new Uint8Array(xml.length * 2);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[2 * i + 1] = xml.charCodeAt(i) >> 8;
    }
    const bytes = buildXlsx({ sheets: [{ name: 'S' }] });
    const parts = { ...unzipSync(bytes), 'xl/worksheets/sheet1.xml': utf16 };
    expect((await openXlsx(zipParts(parts)).readSheet('S'))?.rows).toEqual([['é東']]);
  });

  it('finds parts whatever the case of their zip entry names', async () => {
    const bytes = buildXlsx({
      sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }],
      sharedStrings: ['<t>shared</t>'],
    });
    const renamed = zipParts(
      Object.fromEntries(
        Object.entries(unzipSync(bytes)).map(([name, data]) => [
          name.replace('sharedStrings', 'SharedStrings'),
          data,
        ]),
      ),
    );
    expect((await openXlsx(renamed).readSheet('S'))?.rows).toEqual([['shared']]);
  });
});
