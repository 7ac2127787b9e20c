import { describe, expect, it } from 'vitest';
import { dateCell, errorCell, type CellValue } from '../../../core/index.ts';
import { openXlsx, UNCALCULATED_FORMULA, isUncalculatedFormula } from '../../../cli/xlsx-reader/index.ts';
import { buildXlsx, ooxmlText, type WorkbookSpec } from '../../support/xlsx-fixtures.ts';

/** The rows of a one-sheet workbook whose <sheetData> is `sheetData`. */
async function rowsOf(
  sheetData: string,
  spec: Partial<WorkbookSpec> = {},
): Promise<readonly (readonly CellValue[])[]> {
  const book = openXlsx(buildXlsx({ sheets: [{ name: 'S', sheetData }], ...spec }));
  return (await book.readSheet('S'))!.rows;
}

describe('cell values by type', () => {
  it('t="s" shared strings, including rich text runs, without phonetic runs', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
      {
        sharedStrings: [
          '<t>plain</t>',
          '<r><t>Supplier </t></r><r><rPr><b/></rPr><t>failure</t></r>',
          '<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
        ],
      },
    );
    expect(rows).toEqual([['plain', 'Supplier failure', '東京']]);
  });

  it('t="inlineStr" with <is><t> and with rich runs', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>inline</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>',
    );
    expect(rows).toEqual([['inline', 'ab']]);
    expect(await rowsOf('<row r="1"><c r="A1"><is><t>no t attribute</t></is></c></row>')).toEqual([
      ['no t attribute'],
    ]);
  });

  it('t="str" formula strings, t="b" booleans, t="e" errors, t="n" and untyped numbers', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B1" t="b"><v>1</v></c>' +
        '<c r="C1" t="b"><v>0</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="e"><v>#N/A</v></c>' +
        '<c r="F1" t="n"><v>2.5</v></c><c r="G1"><v>-1E-3</v></c><c r="H1"><v>42</v></c></row>',
    );
    expect(rows).toEqual([['ab', true, false, errorCell('#DIV/0!'), errorCell('#N/A'), 2.5, -0.001, 42]]);
  });

  it('t="d" cells hold ISO dates, maybe with a time part, read as calendar dates', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="d"><v>2022-08-15</v></c><c r="B1" t="d"><v>2022-08-15T23:30:00</v></c>' +
        '<c r="C1" t="d"><v>2023-03-31T00:00:00Z</v></c><c r="D1" t="d"><v>2022-02-30</v></c></row>',
    );
    // A date that does not exist stays the text it is rather than becoming another date.
    expect(rows).toEqual([
      [dateCell('2022-08-15'), dateCell('2022-08-15'), dateCell('2023-03-31'), '2022-02-30'],
    ]);
  });

  it('shared formulas read by their cached values', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*10</f><v>10</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>20</v></c></row>' +
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>30</v></c></row>',
    );
    expect(rows).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
  });

  it('a formula with no <v> (SheetJS) or an empty <v/> (openpyxl) is the UNCALCULATED marker', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f>SUM(A1:A2)</f><v/></c>' +
        '<c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="b"><f>TRUE()</f></c><c r="E1"><f t="shared" si="0"/></c></row>',
    );
    // A text formula whose cached result is "" did calculate: that is an empty cell.
    expect(rows).toEqual([
      [UNCALCULATED_FORMULA, UNCALCULATED_FORMULA, null, UNCALCULATED_FORMULA, UNCALCULATED_FORMULA],
    ]);
    expect(isUncalculatedFormula(rows[0]![0])).toBe(true);
    expect(UNCALCULATED_FORMULA).toEqual(errorCell('#UNCALCULATED'));
  });

  it('empty strings are empty cells; a cell with only a style is empty', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t/></is></c><c r="C1" s="0"/>' +
        '<c r="D1" t="str"><v></v></c><c r="E1"><v>1</v></c></row>',
      { sharedStrings: ['<t></t>'] },
    );
    expect(rows).toEqual([[null, null, null, null, 1]]);
  });

  it('keeps xml:space="preserve" white space in text', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  two  spaces \n</t></is></c>' +
        '<c r="B1" t="s"><v>0</v></c></row>',
      { sharedStrings: ['<r><t xml:space="preserve">a </t></r><r><t xml:space="preserve"> b</t></r>'] },
    );
    expect(rows).toEqual([['  two  spaces \n', 'a  b']]);
  });

  it('decodes _xHHHH_ escapes in any hex case; _x005F_xHHHH_ is the literal text', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000d_b_x000A_c_x0009_</t></is></c>' +
        '<c r="B1" t="s"><v>0</v></c><c r="C1" t="str"><f>A1</f><v>_x005F_x000D_ stays</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>_xD83D__xDE00_ and _x_ and _x12_</t></is></c></row>',
      { sharedStrings: ['<t>tab_x0009_here</t>'] },
    );
    expect(rows).toEqual([['a\rb\nc\t', 'tab\there', '_x000D_ stays', '😀 and _x_ and _x12_']]);
  });

  it('reads back an escaped underscore that closes one sequence and opens the next (seed -86141445)', async () => {
    const written = ooxmlText('_x005F_x0041__x000d_');
    expect(written).toBe('_x005F_x005F_x005F_x0041__x005F_x000d_');
    expect(await rowsOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${written}</t></is></c></row>`)).toEqual([
      ['_x005F_x0041__x000d_'],
    ]);
  });

  it('returns text longer than Excel’s 32,767-character limit whole', async () => {
    const long = 'x'.repeat(100_000);
    expect(await rowsOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`)).toEqual([
      [long],
    ]);
  });

  it('reads XML with a namespace prefix, as the Open XML SDK writes (<x:worksheet>, x:row, x:c, x:v)', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>44742</v></c><c r="C1" t="inlineStr"><is><t>i</t></is></c></row>',
      { prefix: 'x', sharedStrings: ['<t>shared</t>'], cellXfs: [0, 14], numFmts: [] },
    );
    expect(rows).toEqual([['shared', dateCell('2022-06-30'), 'i']]);
  });

  it('places rows and cells without r attributes after the previous ones', async () => {
    const rows = await rowsOf(
      '<row><c><v>1</v></c><c><v>2</v></c></row><row/><row r="4"><c r="B4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>',
    );
    expect(rows).toEqual([[1, 2], [], [], [null, 3, 4], [5]]);
  });

  it('does not mistake elements of another namespace for cells', async () => {
    const rows = await rowsOf(
      '<row r="1"><c r="A1"><v>1</v><extLst xmlns:q="urn:other"><q:v>999</q:v></extLst></c><q:c xmlns:q="urn:other" r="B1"><q:v>2</q:v></q:c></row>',
    );
    expect(rows).toEqual([[1]]);
  });
});
