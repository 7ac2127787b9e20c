// Imports a TypeScript module of this repository from a plain .mjs build script: bundled on the
// fly by esbuild (the module and what it imports) and loaded from memory, nothing written.
import { build } from 'esbuild';

/** The module at `entry` (a path from the repository root), with its exports. */
export async function importTs(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
