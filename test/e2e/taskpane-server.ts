/**
 * Serves the built task pane (dist/excel-addin) on 127.0.0.1, and routes Microsoft's office.js
 * URL to the npm copy with our Office.js fake appended, so the page runs offline in Chromium.
 */
import { build } from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { staticFileListener } from '../../scripts/static-files.mjs';
import type { AddressInfo } from 'node:net';

export const OFFICE_JS_DIR = 'node_modules/@microsoft/office-js/dist';

export async function startTaskpaneServer(
  root = 'dist/excel-addin',
): Promise<{ url: string; server: Server }> {
  const server = createServer(staticFileListener(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** The fake as one browser script. */
export async function fakeScript(): Promise<string> {
  const result = await build({
    entryPoints: ['test/e2e/taskpane-fake-entry.ts'],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** What the CDN would serve for `path` under /lib/1/hosted/, from the npm copy. */
export function officeJsFile(path: string): Buffer | undefined {
  const file = join(OFFICE_JS_DIR, path.replace(/^\/lib\/1\/hosted\//, ''));
  return file.startsWith(OFFICE_JS_DIR) && existsSync(file) ? readFileSync(file) : undefined;
}
