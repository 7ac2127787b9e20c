// Failures of the machine rather than of the program: a full disk, a read-only file system, a
// file the user may not write. They get a plain message and exit code 2, not "please report it".

const ENVIRONMENT_CODES: ReadonlySet<string> = new Set([
  'ENOSPC',
  'EDQUOT',
  'EIO',
  'EROFS',
  'EACCES',
  'EPERM',
  'EMFILE',
  'ENFILE',
  'EBUSY',
  'ETXTBSY',
]);

/**
 * The message for a file-system error the user can act on, or undefined for anything else.
 * (Output files are written to a temporary file and renamed, so a failed write leaves the old.)
 * @example systemErrorText(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
 * // 'ENOSPC: no space left on device, write'
 */
export function systemErrorText(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !ENVIRONMENT_CODES.has(code)) return undefined;
  return error.message;
}
