// Reads an .xlsx file from disk with the reader, failing with the CLI's FileError.
import { readFile, stat } from 'node:fs/promises';
import { FileError } from '../file-error.ts';
import { openXlsx, type XlsxWorkbook } from './open-xlsx.ts';
import { XlsxFormatError } from './xlsx-format-error.ts';

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileError('not-a-file', path, `${path} is not a file.`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new FileError('missing', path, `${path} does not exist.`, { cause: error });
    }
    throw new FileError('unreadable', path, `${path} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Opens the workbook at `path`, or fails with a FileError that says why: missing, not a file,
 * unreadable, not an .xlsx workbook (empty, legacy .xls or password-protected, not a zip, no
 * worksheets), or the reader's own reasons (a .docx, a damaged zip, a malformed part). Sheets are read afterwards with `readSheet`; a part that turns
 * out malformed then throws XlsxFormatError, which `asFileError` maps the same way.
 */
export async function readXlsxFile(path: string): Promise<XlsxWorkbook> {
  const bytes = await readBytes(path);
  let workbook: XlsxWorkbook;
  try {
    workbook = openXlsx(bytes);
  } catch (error) {
    throw asFileError(path, error);
  }
  if (workbook.sheetNames.length === 0) {
    throw new FileError('not-xlsx', path, `${path} is not an .xlsx workbook: it holds no worksheets.`);
  }
  return workbook;
}

/** An XlsxFormatError as the CLI's FileError for `path`; any other error is returned unchanged. */
export function asFileError(path: string, error: unknown): unknown {
  if (!(error instanceof XlsxFormatError)) return error;
  return new FileError('not-xlsx', path, `${path} is not an .xlsx workbook: ${error.reason}`, {
    cause: error,
  });
}
