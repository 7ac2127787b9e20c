/**
 * A register LibreOffice wrote: a hand-written flat ODF spreadsheet whose dates count from 1904
 * (fixtures/date1904-register.fods) is converted to .xlsx by LibreOffice itself, which writes
 * `date1904="true"`. The CLI must read every date as LibreOffice shows it — a closed risk stays
 * closed on its day, and a date in the Quarter column falls in its own quarter.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import type { RegisterJson } from '../../core/index.ts';
import {
  convertWithLibreOffice,
  exportSheetCsv,
  makeTemp,
  removeTemp,
  requireLibreOffice,
} from './libreoffice.ts';

let folder: string | undefined;
afterAll(() => removeTemp(folder));

describe('a 1904-dated workbook written by LibreOffice', () => {
  it('reads every date as LibreOffice shows it', async () => {
    requireLibreOffice();
    folder = await makeTemp('date1904');
    const fods = join(folder, 'register.fods');
    await copyFile(join(import.meta.dirname, 'fixtures', 'date1904-register.fods'), fods);
    const xlsx = await convertWithLibreOffice(fods, 'xlsx', { outDir: folder });
    const workbookXml = await (
      await JSZip.loadAsync(await readFile(xlsx))
    )
      .file('xl/workbook.xml')!
      .async('string');
    expect(workbookXml).toMatch(/date1904="(true|1)"/);

    const shown = await exportSheetCsv(xlsx, 'Risks');
    // LibreOffice shows the date in its locale's order; either way it is 15 August 2022.
    expect(String(shown[2]?.[3])).toMatch(/^(08\/15|15\/08)\/2022$/);

    const { code, stdout } = await runCli(
      folder,
      'generate',
      xlsx,
      '--out',
      join(folder, 'register-out.xlsx'),
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as RegisterJson;
    expect(json.quarter).toBe('Q2 2022/23');
    expect(json.closed).toEqual([
      {
        id: 'CRR2',
        name: 'Legacy data',
        dateClosed: '2022-08-15',
        closureReported: null,
        rationale: 'Data migrated',
      },
    ]);
    expect(json.open.map((r) => [r.id, r.trend.at(-1)])).toEqual([['CRR1', 'New']]);
  });
});
