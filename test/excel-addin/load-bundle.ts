/**
 * Loads the BUILT add-in as Excel does: the manifest's runtime page, that page's scripts in order,
 * evaluated in a fresh `node:vm` context whose Office globals are our strict fake. office.js
 * itself (the CDN script) is what the fake stands in for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { SheetGrid } from '../../core/index.ts';
import { createOfficeFake, type OfficeFake, type OfficeFakeOptions } from '../support/office-fake/index.ts';
import { named, parseManifest } from './manifest-xml.ts';
import { FakePaneDocument, optionConstructor } from './pane-document.ts';

export const DIST = 'dist/excel-addin';
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Builds dist/excel-addin once per test file. */
export async function buildAddin(): Promise<void> {
  const build: { buildExcel(options: { quiet: boolean }): Promise<unknown> } = await import(
    new URL('../../scripts/build-excel.mjs', import.meta.url).href
  );
  await build.buildExcel({ quiet: true });
}

/** The runtime page's path inside dist, from the manifest's Runtime resid. */
export function runtimePage(): string {
  const manifest = parseManifest(readFileSync(join(DIST, 'manifest.xml'), 'utf8'));
  const resid = named(manifest, 'Runtime')[0]!.attributes.resid!;
  const url = named(manifest, 'Url').find((element) => element.attributes.id === resid)!.attributes
    .DefaultValue!;
  return new URL(url).pathname.replace(/^\//, '');
}

/** `<script src>` of a page, in order. */
export function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)].map((match) => match[1]!);
}

export interface LoadedAddin {
  readonly fake: OfficeFake;
  readonly context: vm.Context;
  /** The task pane's elements, when loaded with `{ pane: true }`. */
  readonly pane: FakePaneDocument | undefined;
}

export interface LoadOptions {
  /** Give the page a `document` (see pane-document.ts), so the bundle mounts its task pane there. */
  readonly pane?: boolean;
  /** Options of the Office.js fake (an older build without startup behaviour, an Office theme). */
  readonly office?: OfficeFakeOptions;
}

export async function loadBuiltAddin(
  sheets: readonly SheetGrid[],
  options: LoadOptions = {},
): Promise<LoadedAddin> {
  const fake = createOfficeFake(options.office);
  fake.loadSheets(sheets);
  const context = vm.createContext({ console, setTimeout, clearTimeout, TextEncoder, queueMicrotask });
  fake.install(context);
  const html = readFileSync(join(DIST, runtimePage()), 'utf8');
  const pane = options.pane ? new FakePaneDocument(html) : undefined;
  if (pane) Object.assign(context, { document: pane, Option: optionConstructor(pane) });
  const sources = scriptSources(html);
  if (sources[0] !== OFFICE_JS_CDN)
    throw new Error(`the page must load office.js from the CDN first, not ${sources[0]}`);
  for (const source of sources.slice(1)) {
    if (/^https?:/.test(source)) throw new Error(`the page loads ${source} from the network`);
    vm.runInContext(readFileSync(join(DIST, source), 'utf8'), context, { filename: source });
  }
  // Office.onReady handlers (event registration) run after the scripts.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await fake.settle();
  return { fake, context, pane };
}
