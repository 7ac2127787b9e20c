// Where the CLI may write: a file in an existing, writable folder, never a folder itself and
// never the input workbook — compared by file identity, so a symlink, a hard link or a
// case-insensitive file system cannot make the output replace its input.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './ui.ts';

/** Throws a UsageError (exit code 2) saying why `outPath` cannot be written; `shown` is the path as the user typed it. */
export async function checkOutputPath(
  outPath: string,
  inputPath: string,
  shown: string = outPath,
): Promise<void> {
  const folder = dirname(outPath);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo)
    throw new UsageError(
      `${shown}: the folder ${folder} does not exist; create it first or choose another --out`,
    );
  if (!folderInfo.isDirectory()) throw new UsageError(`${shown}: ${folder} is not a folder`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new UsageError(`${shown}: the folder ${folder} is read-only for you; choose another --out`);
  }
  const target = await stat(outPath).catch(() => undefined);
  if (!target) return;
  if (target.isDirectory())
    throw new UsageError(
      `${shown} is a folder; give a file name such as ${shown.replace(/\/?$/, '/register.xlsx')}`,
    );
  const input = await stat(inputPath).catch(() => undefined);
  if (input && input.dev === target.dev && input.ino === target.ino) {
    throw new UsageError(
      `${shown} is the input workbook (the same file under another name); generate never overwrites its input`,
    );
  }
}
