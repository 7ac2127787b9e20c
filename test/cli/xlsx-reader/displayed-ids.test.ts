/**
 * Zero-padded IDs (issue #18): IDs typed 1, 2, 10 in cells formatted `000` show 001, 002, 010,
 * and the Assessments sheet holds them as typed text ('001). Read as Excel shows them, through
 * the CLI's file reader and the core, every assessment finds its risk; an impact formatted `00`
 * stays the number it is.
 */
import { describe, expect, it } from 'vitest';
import { fileGrids } from '../../../cli/read-grid.ts';
import { openXlsx } from '../../../cli/xlsx-reader/index.ts';
import { APRIL_FISCAL_YEAR, readRegisterSheets, withShownIds } from '../../../core/index.ts';
import { bandMatrix } from '../../support/band-matrix.ts';
import { buildXlsx } from '../../support/xlsx-fixtures.ts';

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const number = (ref: string, value: number, style = 0) => `<c r="${ref}" s="${style}"><v>${value}</v></c>`;

const risksXml =
  `<row r="1">${inline('A1', 'ID')}${inline('B1', 'Risk name')}${inline('C1', 'Status')}</row>` +
  [1, 2, 10]
    .map(
      (id, i) =>
        `<row r="${i + 2}">${number(`A${i + 2}`, id, 1)}${inline(`B${i + 2}`, `Risk ${id}`)}${inline(`C${i + 2}`, 'Open')}</row>`,
    )
    .join('');
const assessmentsXml =
  `<row r="1">${['Risk ID', 'Quarter', 'Impact', 'Probability'].map((h, i) => inline(`${'ABCD'[i]}1`, h)).join('')}</row>` +
  ['001', '002', '010']
    .map(
      (id, i) =>
        `<row r="${i + 2}">${inline(`A${i + 2}`, id)}${inline(`B${i + 2}`, 'Q2 2022/23')}${number(`C${i + 2}`, 3, 2)}${number(`D${i + 2}`, 2)}</row>`,
    )
    .join('');

const bytes = buildXlsx({
  sheets: [
    { name: 'Risks', sheetData: risksXml },
    { name: 'Assessments', sheetData: assessmentsXml },
  ],
  numFmts: [
    { id: 164, code: '000' },
    { id: 165, code: '00' },
  ],
  cellXfs: [0, 164, 165],
});

describe('IDs read as shown', () => {
  it('IDs formatted 000 read as 001, 002, 010 and match the text IDs on Assessments; impact 03 stays 3', async () => {
    const [risks, assessments] = await fileGrids(openXlsx(bytes), 'ids.xlsx').readSheets([
      'Risks',
      'Assessments',
    ]);
    expect(risks!.rows.map((row) => row[0])).toEqual(['ID', '001', '002', '010']);
    expect(assessments!.rows[1]).toEqual(['001', 'Q2 2022/23', 3, 2]);
    const read = readRegisterSheets(
      { risks: risks!, assessments: assessments! },
      { matrix: bandMatrix(), calendar: APRIL_FISCAL_YEAR },
    );
    expect(read.issues).toEqual([]);
    expect(read.assessments.map((a) => a.riskId)).toEqual(['001', '002', '010']);
  });

  it('the reader keeps the shown text beside the number; only ID columns take it', async () => {
    const sheet = await openXlsx(bytes).readSheet('Assessments');
    expect(sheet!.shownText(1, 2)).toBe('03');
    const grid = withShownIds({ name: 'Other', rows: [['ID'], [7]] }, () => '007');
    expect(grid.rows).toEqual([['ID'], [7]]);
  });
});
