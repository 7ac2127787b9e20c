/**
 * The "Validation issues" sheet in a real client: LibreOffice calculates each HYPERLINK cell to
 * the address it shows, and keeps the in-workbook target (`#'Assessments'!C4`) when it saves the
 * file again, so choosing the cell jumps to the bad value.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_JOB_SETTINGS, VALIDATION_ISSUES_SHEET, validate } from '../../core/index.ts';
import { XlsxWorkbookPort } from '../../cli/workbook-port.ts';
import { workbookGrids } from '../../cli/read-grid.ts';
import { syntheticRegister } from '../../scripts/synthetic-register.ts';
import { fixtureWorkbookBuffer } from '../support/workbook-fixture.ts';
import {
  exportSheetCsv,
  makeTemp,
  removeTemp,
  requireLibreOffice,
  resavedWorksheetXml,
} from './libreoffice.ts';

let folder: string | undefined;
afterAll(() => removeTemp(folder));

describe('Validation issues sheet in LibreOffice', () => {
  it('every address is a working link to its cell', async () => {
    requireLibreOffice();
    folder = await makeTemp('links');
    const register = syntheticRegister(5, 2);
    register.assessments[3]![2] = 9;
    register.assessments[5]![0] = 'NOPE';
    const input = new ExcelJS.Workbook();
    await input.xlsx.load(
      (await fixtureWorkbookBuffer([
        { name: 'Risks', rows: register.risks },
        { name: 'Assessments', rows: register.assessments },
      ])) as unknown as ExcelJS.Buffer,
    );
    const port = new XlsxWorkbookPort(workbookGrids(input), input);
    const result = await validate(port, DEFAULT_JOB_SETTINGS);
    await port.writeSheets([result.report]);
    const file = join(folder, 'validated.xlsx');
    await writeFile(file, await port.outputBuffer());

    const shown = await exportSheetCsv(file, VALIDATION_ISSUES_SHEET);
    const errors = result.issues.filter((i) => i.severity === 'error');
    // The two planted mistakes: impact 9 and an unknown risk ID.
    expect(errors).toHaveLength(2);
    for (const [i, issue] of result.issues.entries())
      expect(shown[4 + i]?.[1], issue.message).toBe(`${issue.sheet}!${issue.cell}`);

    const sheets = await resavedWorksheetXml(file, join(folder, 'resaved'));
    const xml = sheets.find((s) => s.includes('HYPERLINK'));
    expect(xml, 'LibreOffice kept the HYPERLINK formulas').toBeDefined();
    const unescaped = xml!.replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    // Every link, as LibreOffice saved it: its target, the address it shows, and the value it calculated.
    const links = [...unescaped.matchAll(/HYPERLINK\("([^"]*)","([^"]*)"\)<\/f><v>([^<]*)<\/v>/g)].map(
      ([, target, label, value]) => ({ target, label, value }),
    );
    expect(links).toEqual(
      result.issues.map((issue) => {
        const address = `${issue.sheet}!${issue.cell}`;
        return { target: `#'${issue.sheet}'!${issue.cell}`, label: address, value: address };
      }),
    );
    expect(unescaped).toContain(`HYPERLINK("#'Assessments'!C4","Assessments!C4")</f><v>Assessments!C4</v>`);
  });
});
