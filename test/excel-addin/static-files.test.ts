// The built add-in's files as the development server and the e2e server hand them out.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticFile } from '../../scripts/static-files.mjs';

const parent = mkdtempSync(join(tmpdir(), 'static-files-'));
const root = join(parent, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'taskpane.html'), '<html>');
writeFileSync(join(root, 'assets', 'icon 16.png'), 'png');
writeFileSync(join(parent, 'secret.txt'), 'secret');
writeFileSync(join(parent, 'dist-other.txt'), 'sibling');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('staticFile', () => {
  it('serves the task pane for / and files by their escaped names, with their types', () => {
    expect(staticFile(root, '/')).toEqual({ body: Buffer.from('<html>'), type: 'text/html; charset=utf-8' });
    expect(staticFile(root, '/assets/icon%2016.png?v=1')).toEqual({
      body: Buffer.from('png'),
      type: 'image/png',
    });
  });

  it('serves nothing outside the folder, for a malformed escape, a folder or a missing file', () => {
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/../dist-other.txt',
      '/%E0%A4%A',
      '/assets',
      '/missing.js',
    ]) {
      expect({ url, file: staticFile(root, url) }).toEqual({ url, file: undefined });
    }
  });
});
