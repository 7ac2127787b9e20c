// Writes a new register workbook: Set up run on an empty exceljs workbook, saved all or nothing
// with the LAMBDA names (init, and merge's corporate workbook).
import type { SetUpSettings } from '../core/index.ts';
import { setUp } from '../core/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { workbookGrids } from './read-grid.ts';
import { newWorkbook } from './report-workbook.ts';
import { XlsxWorkbookPort } from './workbook-port.ts';

/** A new workbook holding what Set up makes of `settings` (a seed's rows, a matrix), written all or nothing. */
export async function writeSetUpWorkbook(path: string, settings: SetUpSettings): Promise<void> {
  const workbook = newWorkbook();
  const port = new XlsxWorkbookPort(workbookGrids(workbook), workbook);
  await setUp(port, settings);
  await writeFileAtomic(path, await port.outputBuffer());
}
