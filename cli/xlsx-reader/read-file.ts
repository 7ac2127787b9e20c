// Reads an .xlsx file from disk with the reader, failing with the CLI's FileError.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { FileError } from '../file-error.ts';
import { bytesOfFile, type ArchiveBytes } from './archive-bytes.ts';
import { openXlsx, type XlsxWorkbook } from './open-xlsx.ts';
import { XlsxFormatError } from './xlsx-format-error.ts';

/** The file opened for reading, its bytes read as the reader asks (never held whole). */
function openBytes(path: string): ArchiveBytes {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) throw new FileError('not-a-file', path, `${path} is not a file.`);
    return bytesOfFile(fd, info.size);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (error instanceof FileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new FileError('missing', path, `${path} does not exist.`, { cause: error });
    }
    if (code === 'EISDIR')
      throw new FileError('not-a-file', path, `${path} is not a file.`, { cause: error });
    throw new FileError('unreadable', path, `${path} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Opens the workbook at `path`, or fails with a FileError that says why: missing, not a file,
 * unreadable, not an .xlsx workbook (empty, legacy .xls or password-protected, not a zip, no
 * worksheets), or the reader's own reasons (a .docx, a damaged zip, a malformed part). Sheets are
 * read afterwards with `readSheet`, and the file is let go with `close`; a part that turns out
 * malformed then throws XlsxFormatError, which `asFileError` maps the same way.
 */
export async function readXlsxFile(path: string): Promise<XlsxWorkbook> {
  const bytes = openBytes(path);
  let workbook: XlsxWorkbook;
  try {
    workbook = openXlsx(bytes);
  } catch (error) {
    bytes.close();
    throw asFileError(path, error);
  }
  if (workbook.sheetNames.length === 0) {
    workbook.close();
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
