// The built add-in's files as the development server and the e2e server hand them out.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { staticFile, staticFileListener } from '../../scripts/static-files.mjs';

const parent = mkdtempSync(join(tmpdir(), 'static-files-'));
const root = join(parent, 'dist');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'taskpane.html'), '<html>');
writeFileSync(join(root, 'functions.json'), '{"functions":[]}');
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

describe('staticFileListener', () => {
  // Excel on the web asks for functions.json from its own origin: without CORS the browser hides
  // the answer and the RISK.* functions never register.
  const server = createServer(staticFileListener(root, { 'cache-control': 'no-store' }));
  const listening = new Promise<string>((done) =>
    server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  const EXCEL_ORIGIN = 'https://excel.officeapps.live.com';

  it('answers a cross-origin request for functions.json with Access-Control-Allow-Origin', async () => {
    const response = await fetch(`${await listening}/functions.json`, { headers: { origin: EXCEL_ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ functions: [] });
  });

  it('answers a CORS preflight and a missing file with the same header', async () => {
    const preflight = await fetch(`${await listening}/functions.json`, {
      method: 'OPTIONS',
      headers: { origin: EXCEL_ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    const missing = await fetch(`${await listening}/missing.json`, { headers: { origin: EXCEL_ORIGIN } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });
});
