// `npm run start:excel` / `npm run stop:excel`: sideloads the add-in into desktop Excel (Windows,
// Mac) and starts the dev server, or removes it, through Microsoft's office-addin-debugging. It is
// not a dependency: it needs the native keytar module, which does not build everywhere (on Linux
// it wants libsecret-1-dev), and `npm ci` must work on every machine. Install it yourself:
//   npm install --no-save office-addin-debugging@7
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MANIFEST = 'dist/excel-addin/manifest.xml';
const require = createRequire(import.meta.url);
const command = process.argv[2];
if (command !== 'start' && command !== 'stop') {
  console.error('usage: node scripts/excel-desktop.mjs start|stop');
  process.exit(2);
}

let cli;
try {
  const packageFile = require.resolve('office-addin-debugging/package.json');
  const { bin } = JSON.parse(readFileSync(packageFile, 'utf8'));
  cli = join(dirname(packageFile), typeof bin === 'string' ? bin : bin['office-addin-debugging']);
} catch {
  console.error(
    'office-addin-debugging is not installed (it is optional: see docs/excel.md).\n' +
      'Install it with: npm install --no-save office-addin-debugging@7\n' +
      'Or sideload dist/excel-addin/manifest.xml by hand while `npm run dev:excel` runs.',
  );
  process.exit(1);
}

const args =
  command === 'start'
    ? [cli, 'start', MANIFEST, 'desktop', '--dev-server', 'npm run dev:excel', '--dev-server-port', '3000']
    : [cli, 'stop', MANIFEST];
process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
