// The files of a built folder as a web server hands them out: the add-in's development server
// (scripts/dev-excel.mjs) and the task pane's server in the e2e tests share it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.map': 'application/json',
  '.xml': 'application/xml',
};

/**
 * Excel on the web fetches functions.json and the scripts from its own origin
 * (excel.officeapps.live.com and others), so without this header the RISK.* functions never
 * register (Microsoft's custom-functions publishing guide; OfficeDev/office-js#3970). The files
 * are public and sent without credentials, so any origin may read them.
 */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': '*',
};

/**
 * The file under `root` that a request's URL names (`/` is the task pane), with its content
 * type; undefined for a malformed escape, a path that leaves `root`, or no such file.
 */
export function staticFile(root, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/taskpane.html' : path}`);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  return { body: readFileSync(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
}

/**
 * A node:http(s) request listener serving `root` with the CORS headers on every answer, a 204 to
 * a CORS preflight, and `extraHeaders` (the dev server's no-store) on files.
 */
export function staticFileListener(root, extraHeaders = {}) {
  return (request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS).end();
      return;
    }
    const file = staticFile(root, request.url);
    if (!file) {
      response.writeHead(404, { ...CORS_HEADERS, 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { ...CORS_HEADERS, ...extraHeaders, 'content-type': file.type });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };
}
