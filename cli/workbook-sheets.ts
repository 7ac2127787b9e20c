// Opens a register workbook file as a WorkbookPort (exit code 2 for a file that is missing or not an .xlsx).
import { fileGrids } from './read-grid.ts';
import { readXlsxFile } from './xlsx-reader/read-file.ts';
import { ReportWorkbookPort } from './report-port.ts';

/** The port validate and generate read through; generate's register is streamed to its file. */
export async function openWorkbookPort(path: string): Promise<ReportWorkbookPort> {
  return new ReportWorkbookPort(fileGrids(await readXlsxFile(path), path));
}
