// The one error the reader throws: the bytes are not a workbook it can read, and why.

/**
 * Thrown only when the input really is not a readable .xlsx workbook (not a zip, a zip of
 * something else, a broken part). `reason` says what is wrong in words a user can act on
 * ("the file is empty."), so a caller can put its own subject in front, as readXlsxFile does
 * with the path; `part` names the zip entry at fault when there is one.
 */
export class XlsxFormatError extends Error {
  override readonly name = 'XlsxFormatError';
  readonly reason: string;
  readonly part: string | undefined;

  constructor(reason: string, options?: { part?: string; cause?: unknown }) {
    super(
      `not an .xlsx workbook: ${reason}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.reason = reason;
    this.part = options?.part;
  }
}
