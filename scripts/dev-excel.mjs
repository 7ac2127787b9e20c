// `npm run dev:excel`: builds the add-in, rebuilds it on every change, and serves dist/excel-addin on https://localhost:3000 with
// office-addin-dev-certs' trusted localhost certificate (created and trusted on first run), so
// Excel on the web or desktop can sideload excel-addin/manifest.xml. Ctrl+C stops it.
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:https';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { OUT_DIR, watchExcel } from './build-excel.mjs';
import { staticFileListener } from './static-files.mjs';

const require = createRequire(import.meta.url);
const { getHttpsServerOptions } = require('office-addin-dev-certs');

const PORT = 3000;
const CERT_DIR = join(homedir(), '.office-addin-dev-certs');

/**
 * The localhost certificate. office-addin-dev-certs creates it and installs its CA the first time
 * (that may ask for your password); where it cannot install the CA (no sudo, say) the certificate
 * it made is still served, and you are told which CA to trust so Excel accepts the add-in.
 */
async function certificates() {
  try {
    return await getHttpsServerOptions();
  } catch (error) {
    const file = (name) => join(CERT_DIR, name);
    if (!existsSync(file('localhost.crt')) || !existsSync(file('localhost.key'))) throw error;
    console.warn(
      `Could not add the development CA to this machine's trusted certificates (${error.message.split('\n')[0]}).\n` +
        `Serving anyway; trust ${file('ca.crt')} yourself, or Excel will refuse to load the add-in.`,
    );
    return {
      cert: readFileSync(file('localhost.crt')),
      key: readFileSync(file('localhost.key')),
      ca: readFileSync(file('ca.crt')),
    };
  }
}
await watchExcel();
const { cert, key, ca } = await certificates();

// Office caches add-in files hard; during development every reload should fetch them again.
// Every answer carries the CORS headers Excel on the web needs for functions.json.
createServer({ cert, key, ca }, staticFileListener(OUT_DIR, { 'cache-control': 'no-store' })).listen(
  PORT,
  () => {
    console.log(
      `Serving ${OUT_DIR} on https://localhost:${PORT}/ — sideload ${OUT_DIR}/manifest.xml (docs/excel.md).`,
    );
  },
);
