#!/usr/bin/env node
// The `risk-register` command. The CLI is TypeScript run through tsx, so a clone works
// after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { run } = await import('../cli/main.ts');
process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
});
