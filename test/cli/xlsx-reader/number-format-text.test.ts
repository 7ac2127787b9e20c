import { describe, expect, it } from 'vitest';
import { openXlsx } from '../../../cli/xlsx-reader/index.ts';
import { literalNumberFormat } from '../../../cli/xlsx-reader/number-format-text.ts';
import { buildXlsx } from '../../support/xlsx-fixtures.ts';

describe('ID text shown through a number format', () => {
  it.each([
    ['"CRR"000', 1, 'CRR001'],
    ['"CRR"000', 1234, 'CRR1234'],
    ['"CRR"000', 0, 'CRR000'],
    ['"CRR"000', 7.5, 'CRR008'],
    ['"CRR"000', -3, '-CRR003'],
    ['\\R\\-000', 42, 'R-042'],
    ['"R"0', 7, 'R7'],
    ['"R"#', 0, 'R'],
    ['"R"##0', 5, 'R5'],
    ['"ID-"00"-"00', 1234, 'ID-12-34'],
    ['"ID-"00"-"00', 5, 'ID-00-05'],
    ['0" (legacy)"', 12, '12 (legacy)'],
    ['"R" 000', 9, 'R 009'],
  ])('%s shows %d as %s', (code, value, text) => {
    expect(literalNumberFormat(code)?.(value)).toBe(text);
  });

  it.each([
    '0',
    '000',
    '#,##0',
    '0.00',
    '"R"0.0',
    '"R"0;"N"0',
    '[Red]"R"0',
    '"R"0%',
    'dd/mm/yyyy',
    'General',
    '"R"@',
    '"R"',
  ])('%s is not a simple literal + digits format', (code) =>
    expect(literalNumberFormat(code)).toBeUndefined(),
  );

  it('gives the cell the text the user sees: 1 with "CRR"000 reads as CRR001', async () => {
    const book = openXlsx(
      buildXlsx({
        sheets: [
          {
            name: 'Risks',
            sheetData:
              '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>12</v></c><c r="C1" s="3"><v>3</v></c>' +
              '<c r="D1" s="1"><f>A1+1</f><v>2</v></c></row>',
          },
        ],
        numFmts: [
          { id: 164, code: '"CRR"000' },
          { id: 165, code: '\\R\\-000' },
          { id: 166, code: '0.00' },
        ],
        cellXfs: [0, 164, 165, 166],
      }),
    );
    expect((await book.readSheet('Risks'))!.rows).toEqual([['CRR001', 'R-012', 3, 'CRR002']]);
  });
});
