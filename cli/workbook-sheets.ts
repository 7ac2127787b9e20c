// Opens a register workbook file as a WorkbookPort (exit code 2 for a file that is missing or not an .xlsx).
import { readWorkbookFile } from './xlsx-read.ts';
import { XlsxWorkbookPort } from './xlsx-workbook-port.ts';

export async function openWorkbookPort(path: string): Promise<XlsxWorkbookPort> {
  return new XlsxWorkbookPort(await readWorkbookFile(path));
}
