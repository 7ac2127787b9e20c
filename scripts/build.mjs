// `npm run build`: bundles the core (the code every host carries) and the CLI with esbuild, and
// prints their sizes. The Apps Script and Excel add-in bundles join here with their hosts.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { buildAppsScript } from './build-apps-script.mjs';
import { buildExcel } from './build-excel.mjs';

const outputs = [];

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

// The CLI as a single Node module; exceljs and jszip stay ordinary dependencies.
await build({
  entryPoints: ['cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['exceljs', 'jszip'],
  outfile: 'dist/cli/main.mjs',
  logLevel: 'warning',
});
outputs.push('dist/cli/main.mjs');

// The Apps Script project's Code.js (scripts/build-apps-script.mjs; npm run verify checks it).
outputs.push((await buildAppsScript()).file);

// The Excel add-in: dist/excel-addin/ (prints its own sizes; `--host URL` for production).
await buildExcel();

for (const file of outputs) console.log(`${file}  ${(statSync(file).size / 1024).toFixed(1)} KB`);
