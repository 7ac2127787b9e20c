/**
 * Runs a snippet against one of our modules as an unprivileged user — root may read and write
 * anywhere, so permission errors can only be seen this way. The module is bundled with esbuild
 * into a world-readable temp folder first, because the repository (often a 0700 temp clone in
 * CI) and its node_modules may be out of that user's reach.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** `body` runs in an async module where the module's exports are `m`; what it prints is returned. */
export async function runUnprivileged(modulePath: string, body: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'unprivileged-'));
  try {
    await chmod(folder, 0o755);
    const entry = join(folder, 'entry.ts');
    await writeFile(entry, `import * as m from ${JSON.stringify(modulePath)};\n${body}\n`);
    const script = join(folder, 'run.mjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
    });
    await chmod(script, 0o644);
    const asRoot = process.getuid?.() === 0;
    const [command, args] = asRoot
      ? ['runuser', ['-u', 'nobody', '--', process.execPath, script]]
      : [process.execPath, [script]];
    return execFileSync(command, args, { encoding: 'utf8', cwd: folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
