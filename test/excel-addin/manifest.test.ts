/**
 * The XML manifest's structure, checked without Microsoft's validation service: one shared
 * runtime used by the functions, the ribbon and the task pane; requirement sets; the ribbon tab;
 * resource ids that are short and resolve; and the production host rewrite.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RISK_FUNCTION_NAMESPACE } from '../../core/index.ts';
import { RIBBON_COMMANDS } from '../../excel-addin/ribbon-commands.ts';
import { descendants, localName, named, parseManifest, type XmlElement } from './manifest-xml.ts';

const SOURCE = readFileSync('excel-addin/manifest.xml', 'utf8');
const manifest = parseManifest(SOURCE);

const build: { manifestForHost(xml: string, host: string): string } = await import(
  new URL('../../scripts/build-excel.mjs', import.meta.url).href
);

function resources(root: XmlElement): Map<string, { kind: string; value: string }> {
  const out = new Map<string, { kind: string; value: string }>();
  for (const element of descendants(root)) {
    const kind = localName(element);
    const parent = ['Url', 'Image', 'String'].includes(kind);
    if (parent && element.attributes.id)
      out.set(element.attributes.id, { kind, value: element.attributes.DefaultValue ?? '' });
  }
  return out;
}

describe('excel-addin/manifest.xml', () => {
  const ids = resources(manifest);
  const runtime = named(manifest, 'Runtime');

  it('is a task pane add-in for workbooks that reads and writes the document', () => {
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(named(manifest, 'Host').some((host) => host.attributes.Name === 'Workbook')).toBe(true);
    expect(named(manifest, 'Permissions')[0]!.text).toBe('ReadWriteDocument');
  });

  it('has one long-lived shared runtime used by the functions page, the function file and the task pane', () => {
    expect(runtime).toHaveLength(1);
    expect(runtime[0]!.attributes.lifetime).toBe('long');
    const resid = runtime[0]!.attributes.resid!;
    const page = named(manifest, 'Page')[0]!;
    expect(named(page, 'SourceLocation')[0]!.attributes.resid).toBe(resid);
    expect(named(manifest, 'FunctionFile')[0]!.attributes.resid).toBe(resid);
    const showPane = named(manifest, 'Action').filter(
      (action) => action.attributes['xsi:type'] === 'ShowTaskpane',
    );
    expect(showPane).toHaveLength(1);
    expect(named(showPane[0]!, 'SourceLocation')[0]!.attributes.resid).toBe(resid);
    expect(ids.get(resid)).toEqual({ kind: 'Url', value: 'https://localhost:3000/taskpane.html' });
  });

  it('declares the requirement sets the code uses', () => {
    const sets = Object.fromEntries(
      named(manifest, 'Set').map((set) => [set.attributes.Name, set.attributes.MinVersion]),
    );
    expect(sets).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.3', ExcelApi: '1.9' });
  });

  it('puts the functions in the RISK namespace', () => {
    const namespace = named(manifest, 'Namespace')[0]!.attributes.resid!;
    expect(ids.get(namespace)?.value).toBe(RISK_FUNCTION_NAMESPACE);
  });

  it('has a Risk register tab whose groups come before its label, with the four buttons', () => {
    const tab = named(manifest, 'CustomTab')[0]!;
    const order = tab.children.map(localName);
    expect(order.lastIndexOf('Group')).toBeLessThan(order.indexOf('Label'));
    expect(
      ids.get(tab.children.find((child) => localName(child) === 'Label')!.attributes.resid!)?.value,
    ).toBe('Risk register');
    const labels = named(tab, 'Control').map(
      (control) => ids.get(named(control, 'Label')[0]!.attributes.resid!)?.value,
    );
    expect(labels).toEqual([
      'Generate quarterly register',
      'Validate register',
      'Set up workbook',
      'Open task pane',
    ]);
    const functions = named(tab, 'FunctionName').map((element) => element.text);
    expect(functions).toEqual(Object.values(RIBBON_COMMANDS));
  });

  it('keeps every resid within 32 characters, resolves each one, and short strings within 125', () => {
    const used = descendants(manifest).flatMap((element) =>
      element.attributes.resid ? [element.attributes.resid] : [],
    );
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) {
      expect(resid.length, resid).toBeLessThanOrEqual(32);
      expect(ids.has(resid), `${resid} resolves`).toBe(true);
    }
    for (const id of ids.keys()) expect(id.length, id).toBeLessThanOrEqual(32);
    for (const short of named(manifest, 'ShortStrings').flatMap((element) => element.children)) {
      expect(short.attributes.DefaultValue!.length, short.attributes.id).toBeLessThanOrEqual(125);
    }
    for (const long of named(manifest, 'LongStrings').flatMap((element) => element.children)) {
      expect(long.attributes.DefaultValue!.length, long.attributes.id).toBeLessThanOrEqual(250);
    }
  });

  it('has 16, 32 and 80 px icons that are real PNGs of that size', () => {
    const images = [...ids.values()].filter((entry) => entry.kind === 'Image');
    expect(images.map((image) => image.value.replace(/^.*\//, ''))).toEqual([
      'icon-16.png',
      'icon-32.png',
      'icon-80.png',
    ]);
    for (const size of [16, 32, 80]) {
      const png = readFileSync(`excel-addin/assets/icon-${size}.png`);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('points SupportUrl and LearnMoreUrl at the help page the build serves, not at the task pane', () => {
    const support = named(manifest, 'SupportUrl')[0]!.attributes.DefaultValue;
    const learnMore = ids.get(named(manifest, 'LearnMoreUrl')[0]!.attributes.resid!)?.value;
    expect([support, learnMore]).toEqual([
      'https://localhost:3000/help.html',
      'https://localhost:3000/help.html',
    ]);
    const help = readFileSync('excel-addin/help.html', 'utf8');
    expect(help).toMatch(/<title>Risk register add-in: help<\/title>/);
    expect(help).not.toContain('<script');
  });

  it('the build moves every URL to a production host, the app domain to its origin', () => {
    const moved = build.manifestForHost(SOURCE, 'https://example.org/risk/');
    expect(moved).not.toContain('localhost');
    const parsed = parseManifest(moved);
    expect(resources(parsed).get('Taskpane.Url')?.value).toBe('https://example.org/risk/taskpane.html');
    expect(named(parsed, 'AppDomain')[0]!.text).toBe('https://example.org');
    expect(named(parsed, 'IconUrl')[0]!.attributes.DefaultValue).toBe(
      'https://example.org/risk/assets/icon-32.png',
    );
    expect(() => build.manifestForHost(SOURCE, 'http://example.org')).toThrow(/https/);
  });
});
