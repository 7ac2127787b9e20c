/** Every TypeScript file under core/, for the tests that check each core module. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const CORE_DIR = join(import.meta.dirname, '..', '..', 'core');

/** Absolute paths of the `.ts` files under `dir` (core/ by default), its subfolders included. */
export function coreFiles(dir = CORE_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
