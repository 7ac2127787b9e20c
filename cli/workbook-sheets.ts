// Opens a register workbook file as a WorkbookPort (exit code 2 for a file that is missing or not an .xlsx).
import { fileGrids } from './grid-source.ts';
import { readXlsxFile } from './xlsx-reader/read-file.ts';
import { XlsxWorkbookPort } from './xlsx-workbook-port.ts';

export async function openWorkbookPort(path: string): Promise<XlsxWorkbookPort> {
  return new XlsxWorkbookPort(fileGrids(await readXlsxFile(path), path));
}
