// A file the CLI cannot use (missing, not a file, unreadable, not an .xlsx): exit code 2 with a message that says which.

export type FileErrorKind = 'missing' | 'not-a-file' | 'unreadable' | 'not-xlsx';

/** A file the CLI cannot use; the CLI maps it to exit code 2. */
export class FileError extends Error {
  override readonly name = 'FileError';
  readonly kind: FileErrorKind;
  readonly path: string;

  constructor(kind: FileErrorKind, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.path = path;
  }
}
