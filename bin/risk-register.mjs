#!/usr/bin/env node
// The `risk-register` command: runs the CLI's esbuild bundle, dist/cli/main.mjs, which `npm ci`
// builds (the `prepare` script runs `npm run build:cli`). No TypeScript is transpiled at run time.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.mjs', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'risk-register: the command is not built yet (dist/cli/main.mjs is missing, e.g. after `npm ci --ignore-scripts`).\n' +
      'Build it from the repository folder with `npm run build:cli`, then run the command again.\n',
  );
  process.exit(2);
}
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
});
