// Loads a --matrix JSON file; a missing or invalid file is a usage error (exit 2) that says what is wrong.
import { readFile } from 'node:fs/promises';
import type { RiskMatrix } from '../core/index.ts';
import { checkMatrix } from '../core/index.ts';
import { UsageError } from './ui.ts';

export async function readMatrixFile(path: string): Promise<RiskMatrix> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `${path}: no such matrix file`
        : `${path}: cannot read the matrix file (${code ?? error})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const checked = checkMatrix(json);
  if (!checked.ok)
    throw new UsageError(`${path}: the matrix is not usable:\n  ${checked.errors.join('\n  ')}`);
  return checked.matrix;
}
