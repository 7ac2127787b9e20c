import { describe, expect, it } from 'vitest';
import { openXlsx, XlsxFormatError } from '../../../cli/xlsx-reader/index.ts';
import { buildXlsx, MAIN_NS, zipParts } from '../../support/xlsx-fixtures.ts';

async function reasonFor(bytes: Uint8Array, sheet?: string): Promise<string> {
  try {
    const book = openXlsx(bytes);
    if (sheet !== undefined) await book.readSheet(sheet);
  } catch (error) {
    expect(error).toBeInstanceOf(XlsxFormatError);
    expect((error as XlsxFormatError).message).toBe(
      `not an .xlsx workbook: ${(error as XlsxFormatError).reason}`,
    );
    return (error as XlsxFormatError).reason;
  }
  throw new Error('expected an XlsxFormatError');
}

const valid = buildXlsx({ sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });

describe('XlsxFormatError: bytes that are not a workbook', () => {
  it('an empty file', async () => expect(await reasonFor(new Uint8Array())).toBe('the file is empty.'));

  it('a text file, not a zip', async () =>
    expect(await reasonFor(new TextEncoder().encode('ID,Name\nCRR1,x\n'))).toMatch(/not a zip archive/));

  it('a legacy .xls (Compound File Binary), also what a password-protected .xlsx is', async () => {
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await reasonFor(cfb)).toMatch(/legacy \.xls file or a password-protected workbook/);
  });

  it('a .docx: a zip without xl/workbook.xml', async () => {
    const docx = zipParts({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(await reasonFor(docx)).toMatch(/Word document/);
  });

  it('any other zip without a workbook', async () => {
    expect(await reasonFor(zipParts({ 'readme.txt': 'hello' }))).toMatch(
      /holds no workbook \(xl\/workbook\.xml\)/,
    );
  });

  it('a binary .xlsb', async () => {
    expect(await reasonFor(zipParts({ 'xl/workbook.bin': new Uint8Array(8) }))).toMatch(/\.xlsb/);
  });

  it.each([10, 100, 0.5, 0.9])('a zip truncated to %s of its length', async (fraction) => {
    const cut = fraction < 1 ? Math.floor(valid.length * fraction) : fraction;
    expect(await reasonFor(valid.subarray(0, cut), 'S')).toMatch(/damaged or truncated|not a zip/);
  });

  it('a zip whose sheet data is cut short', async () => {
    const bytes = zipParts({
      'xl/workbook.xml': `<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v>1</v>`,
    });
    expect(await reasonFor(bytes, 'S')).toMatch(/xl\/worksheets\/sheet1\.xml is not well-formed XML/);
  });

  it('a workbook part that is not SpreadsheetML', async () => {
    expect(await reasonFor(zipParts({ 'xl/workbook.xml': '<html><body/></html>' }))).toMatch(
      /not a SpreadsheetML workbook \(its root element is html\)/,
    );
  });

  it('a sheet the workbook lists but the archive lacks', async () => {
    const bytes = zipParts({
      'xl/workbook.xml': `<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/gone.xml"/></Relationships>',
    });
    expect(await reasonFor(bytes, 'S')).toMatch(/has no part xl\/worksheets\/gone\.xml/);
  });

  it('every valid workbook reads, even a minimal one without rels, styles or shared strings', async () => {
    expect((await openXlsx(valid).readSheet('S'))?.rows).toEqual([[1]]);
    const minimal = zipParts({ 'xl/workbook.xml': `<workbook xmlns="${MAIN_NS}"><sheets/></workbook>` });
    expect(openXlsx(minimal).sheetNames).toEqual([]);
  });

  it('reads stored (uncompressed) zip entries', async () => {
    const { zipSync, unzipSync } = await import('fflate');
    const stored = zipSync(
      Object.fromEntries(
        Object.entries(unzipSync(valid)).map(([name, data]) => [name, [data, { level: 0 }]]),
      ) as never,
    );
    // Stored, not deflated: the sheet's XML is in the archive as it is.
    expect(new TextDecoder().decode(stored)).toContain('<v>1</v>');
    expect((await openXlsx(stored).readSheet('S'))?.rows).toEqual([[1]]);
  });
});
