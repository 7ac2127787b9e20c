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
