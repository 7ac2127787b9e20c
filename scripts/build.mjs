// `npm run build`: bundles the core (the code every host carries) and the CLI with esbuild, and
// prints their sizes. The Apps Script and Excel add-in bundles join here with their hosts.
// `npm run build:cli` (`--cli`, what `npm ci` runs through `prepare`) builds the CLI alone.
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI as Node ES modules in dist/cli/: main.mjs, which bin/risk-register.mjs imports, plus a
 * chunk per command it loads on demand (so `--help` loads little). The runtime dependencies
 * (exceljs, jszip, saxes) stay external: ordinary imports of node_modules, loaded when used.
 */
export async function buildCli() {
  const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  // Old chunks have hashed names: clear them so dist/cli holds one build.
  rmSync('dist/cli', { recursive: true, force: true });
  await build({
    entryPoints: { main: 'cli/main.ts' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(dependencies),
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  return 'dist/cli/main.mjs';
}

const cliOnly = process.argv.includes('--cli');
const outputs = [];

if (!cliOnly) {
  // The core as one IIFE with no imports: the shape Apps Script and the Office runtime load.
  await build({
    entryPoints: ['core/index.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'RiskCore',
    target: 'es2020',
    minify: true,
    outfile: 'dist/core/risk-core.js',
    logLevel: 'warning',
  });
  outputs.push('dist/core/risk-core.js');
}

outputs.push(await buildCli());

if (!cliOnly) {
  // Loaded only here: the CLI build needs neither host's tooling.
  const { buildAppsScript } = await import('./build-apps-script.mjs');
  const { buildExcel } = await import('./build-excel.mjs');
  // The Apps Script project's Code.js (scripts/build-apps-script.mjs; npm run verify checks it).
  outputs.push((await buildAppsScript()).file);
  // The Excel add-in: dist/excel-addin/ (prints its own sizes; `--host URL` for production).
  await buildExcel();
}

const cliChunks = readdirSync('dist/cli/chunks').reduce(
  (sum, name) => sum + statSync(join('dist/cli/chunks', name)).size,
  0,
);
for (const file of outputs) console.log(`${file}  ${(statSync(file).size / 1024).toFixed(1)} KB`);
console.log(`dist/cli/chunks/  ${(cliChunks / 1024).toFixed(1)} KB`);
