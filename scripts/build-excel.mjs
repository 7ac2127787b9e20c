// Builds the Excel add-in into dist/excel-addin/: functions.json (generated from the core's function
// table, failing on any metadata error), ONE bundle for the shared runtime, the task pane page and
// its CSS, the icons, and the manifest with its URLs pointed at the chosen host.
//
//   node scripts/build.mjs                                  URLs at https://localhost:3000 (dev)
//   node scripts/build.mjs --host https://example.org/risk  URLs at a production host
import { build, context } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { importTs } from './import-ts.mjs';

const require = createRequire(import.meta.url);
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');

export const DEV_HOST = 'https://localhost:3000';
export const OUT_DIR = 'dist/excel-addin';
export const BUNDLE_FILE = 'risk-addin.js';
/** The bundle's budget in KB, minified (gzipped it is about a third), office.js excluded. */
export const BUNDLE_BUDGET_KB = 150;
const BUNDLE_BUDGET_BYTES = BUNDLE_BUDGET_KB * 1024;
// Under dist/ so it is ignored like every build output.
const TMP_DIR = 'dist/.excel-addin-build';

/** `--host URL` from the command line, else the dev server. */
export function hostFromArgs(argv = process.argv.slice(2)) {
  const at = argv.indexOf('--host');
  if (at < 0) return DEV_HOST;
  const host = argv[at + 1];
  if (!host) throw new Error('--host needs a URL, e.g. --host https://example.org/risk');
  return host;
}

function checkedHost(host) {
  let url;
  try {
    url = new URL(host);
  } catch {
    throw new Error(`--host ${host} is not a URL`);
  }
  // Office loads add-ins only over HTTPS.
  if (url.protocol !== 'https:') throw new Error(`--host ${host} must be an https:// URL`);
  if (url.search || url.hash) throw new Error(`--host ${host} must not have a query or fragment`);
  return { base: host.replace(/\/+$/, ''), origin: url.origin };
}

/** The manifest with every dev URL moved to `host`; AppDomain takes the origin alone. */
export function manifestForHost(xml, host) {
  const { base, origin } = checkedHost(host);
  return xml
    .replace(`<AppDomain>${DEV_HOST}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .split(`${DEV_HOST}/`)
    .join(`${base}/`);
}

/** functions.json from RISK_FUNCTIONS, through a generated JSDoc file: the tool reads only source. */
async function functionsMetadata() {
  mkdirSync(TMP_DIR, { recursive: true });
  const { functionsMetadataSource } = await importTs('excel-addin/functions-metadata-source.ts');
  const source = join(TMP_DIR, 'functions.ts');
  writeFileSync(source, functionsMetadataSource());
  const result = await generateCustomFunctionsMetadata(source, false);
  // The tool's CLI exits 0 and writes nothing on errors: fail loudly here instead.
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata found errors in ${source}:\n  ${result.errors.join('\n  ')}`);
  }
  const metadata = JSON.parse(result.metadataJson);
  if (!Array.isArray(metadata.functions) || metadata.functions.length === 0) {
    throw new Error('custom-functions-metadata produced no functions');
  }
  // The generator has no tag for it (Microsoft: the property works only in JSON written by hand):
  // without it an error cell anywhere in an input range fails the whole call before our code runs,
  // so one #DIV/0! in Impact would blank a column of scores instead of its own row.
  return `${JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 2)}\n`;
}

/** The shared runtime's one bundle: custom functions, ribbon commands and the task pane. */
const BUNDLE_OPTIONS = {
  entryPoints: ['excel-addin/main.ts'],
  bundle: true,
  format: 'iife',
  target: 'es2019',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  tsconfig: 'excel-addin/tsconfig.json',
  outfile: join(OUT_DIR, BUNDLE_FILE),
  logLevel: 'warning',
};

/** Everything but the bundle: functions.json, the pane's page and CSS, the icons, the manifest. */
async function writeOtherFiles(host) {
  mkdirSync(join(OUT_DIR, 'assets'), { recursive: true });
  writeFileSync(join(OUT_DIR, 'functions.json'), await functionsMetadata());
  copyFileSync('excel-addin/taskpane/taskpane.html', join(OUT_DIR, 'taskpane.html'));
  copyFileSync('excel-addin/taskpane/taskpane.css', join(OUT_DIR, 'taskpane.css'));
  // The manifest's SupportUrl and LearnMoreUrl: a help page, not the pane.
  copyFileSync('excel-addin/help.html', join(OUT_DIR, 'help.html'));
  for (const file of readdirSync('excel-addin/assets').filter((name) => name.endsWith('.png'))) {
    copyFileSync(join('excel-addin/assets', file), join(OUT_DIR, 'assets', file));
  }
  writeFileSync(
    join(OUT_DIR, 'manifest.xml'),
    manifestForHost(readFileSync('excel-addin/manifest.xml', 'utf8'), host),
  );
}

/**
 * `npm run dev:excel`: builds once, then rebuilds on every change — the bundle through esbuild's
 * watch (it follows every file the bundle imports, core included), and the other files after
 * each rebuild and whenever the pane's page, CSS or the manifest change. Resolves once the first
 * build is written; Excel picks changes up on a reload of the pane.
 */
export async function watchExcel({ host = hostFromArgs() } = {}) {
  rmSync(OUT_DIR, { recursive: true, force: true });
  await writeOtherFiles(host);
  let first = true;
  const ctx = await context({
    ...BUNDLE_OPTIONS,
    plugins: [
      {
        name: 'rebuild-other-files',
        setup(build) {
          build.onEnd(async (result) => {
            if (result.errors.length > 0) return;
            if (!first) {
              await writeOtherFiles(host).catch((error) => console.error(error.message));
              console.log(`${new Date().toLocaleTimeString()} rebuilt ${OUT_DIR}`);
            }
            first = false;
          });
        },
      },
    ],
  });
  // The first build, written before the server starts; then watch (esbuild builds once more as it starts watching).
  await ctx.rebuild();
  await ctx.watch();
  for (const file of [
    'excel-addin/taskpane/taskpane.html',
    'excel-addin/taskpane/taskpane.css',
    'excel-addin/help.html',
    'excel-addin/manifest.xml',
  ]) {
    watch(file, () =>
      writeOtherFiles(host).then(
        () => console.log(`${new Date().toLocaleTimeString()} copied ${file}`),
        (error) => console.error(error.message),
      ),
    );
  }
  return ctx;
}

/** Builds everything into dist/excel-addin and returns what it wrote. */
export async function buildExcel({ host = hostFromArgs(), quiet = false } = {}) {
  rmSync(OUT_DIR, { recursive: true, force: true });
  await writeOtherFiles(host);
  await build(BUNDLE_OPTIONS);

  const bundle = readFileSync(join(OUT_DIR, BUNDLE_FILE));
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  if (!quiet) {
    console.log(
      `${join(OUT_DIR, BUNDLE_FILE)}  ${(bundle.length / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUNDLE_BUDGET_BYTES / 1024} KB minified, office.js not included)`,
    );
    console.log(`${join(OUT_DIR, 'manifest.xml')}  URLs at ${host}`);
  }
  if (bundle.length > BUNDLE_BUDGET_BYTES) {
    throw new Error(
      `the add-in bundle is ${(bundle.length / 1024).toFixed(1)} KB minified, over its ${BUNDLE_BUDGET_BYTES / 1024} KB budget`,
    );
  }
  return { outDir: OUT_DIR, bundleBytes: bundle.length, gzippedBytes: gzipped, host };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildExcel();
}
