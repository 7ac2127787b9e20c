/**
 * The built task pane in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
 * office.js from the npm package in place of the CDN, the Office.js fake behind it, 320 px wide,
 * driven by keyboard alone. Saves dist/test-artifacts/taskpane.png for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../excel-addin/load-bundle.ts';
import { fakeScript, officeJsFile, startTaskpaneServer } from './taskpane-server.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT = 'dist/test-artifacts/taskpane.png';

let browser: Browser;
let server: Server;
let url: string;
const problems: string[] = [];
const external: string[] = [];

beforeAll(async () => {
  await buildAddin();
  ({ server, url } = await startTaskpaneServer());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openPane(width = 320, forcedColors: 'active' | 'none' = 'none'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1100 } });
  await page.emulateMedia({ forcedColors });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const fake = await fakeScript();
  await page.route('**/*', async (route) => {
    const requested = new URL(route.request().url());
    if (requested.origin === new URL(url).origin) return route.continue();
    if (requested.hostname === 'appsforoffice.microsoft.com') {
      const body = officeJsFile(requested.pathname);
      if (!body) return route.fulfill({ status: 404, body: '' });
      // office.js, then the fake: the page's next script (our bundle) sees both.
      const isOfficeJs = requested.pathname.endsWith('/office.js');
      return route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: isOfficeJs ? `${body.toString('utf8')}\n;${fake}` : body,
      });
    }
    external.push(requested.href);
    return route.abort();
  });
  await page.goto(`${url}/taskpane.html`);
  await page.waitForSelector('#matrix .heat-cell', { timeout: 30_000 });
  return page;
}

async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate('document.activeElement && document.activeElement.id')) === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

describe('the task pane in Chromium', () => {
  it('renders at 320 px, validates by keyboard, lists the issues and selects a cell from one', async () => {
    const page = await openPane();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    const cells = await page.locator('#matrix .heat-cell').count();
    expect(cells).toBe(25);

    await tabTo(page, 'validate');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#issues .issue', { timeout: 30_000 });
    const issues = await page.locator('#issues .issue').allInnerTexts();
    expect(issues.length).toBeGreaterThanOrEqual(3);
    expect(issues.join('\n')).toMatch(/Assessments!C3/);
    // The result is said once, in the Result card; the status line does not repeat it.
    expect(await page.locator('#headline').innerText()).toMatch(/error/i);
    expect(await page.locator('#status').innerText()).toBe('');

    // Keyboard on: Tab into the list, Enter on an issue selects its cell in the workbook.
    const first = page.locator('#issues .issue').first();
    const label = (await first.getAttribute('aria-label')) ?? '';
    const where = /at (\S+)!(\S+):/.exec(label)!;
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await first.evaluate((element) => element === element.ownerDocument.activeElement)) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (expected) => {
        const state = (
          globalThis as unknown as { __officeFake: { state: { selection?: { address: string } } } }
        ).__officeFake.state;
        return state.selection?.address === expected;
      },
      where[2],
      { timeout: 10_000 },
    );
    const selection = await page.evaluate('window.__officeFake.state.selection');
    expect(selection).toEqual({ sheet: where[1], address: where[2] });

    mkdirSync('dist/test-artifacts', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('generates the register from the pane and shows the outcome', async () => {
    const page = await openPane();
    await tabTo(page, 'generate');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#outcome:not([hidden])', { timeout: 30_000 });
    // The sample has errors, so nothing is generated and the pane says why.
    expect(await page.locator('#headline').innerText()).toMatch(/nothing|error/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('generates the register from the pane once the mistakes are mended, and says what it wrote', async () => {
    const page = await openPane();
    // The sample's three mistakes, mended as a user types them (each edit is re-checked).
    await page.evaluate(async () => {
      const fake = (
        globalThis as unknown as {
          __officeFake: { edit(sheet: string, address: string, values: unknown[][]): Promise<void> };
        }
      ).__officeFake;
      await fake.edit('Risks', 'G3', [['Open']]);
      await fake.edit('Assessments', 'C3', [[3]]);
      await fake.edit('Assessments', 'D4', [[2]]);
    });
    await tabTo(page, 'generate');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#outcome:not([hidden])', { timeout: 30_000 });
    expect(await page.locator('#headline').innerText()).toMatch(/^Q2 2022\/23: 3 open risks/);
    const sheets = await page.evaluate(
      'window.__officeFake.state.sheets.filter((s) => !s.deleted).map((s) => s.name)',
    );
    expect(sheets).toEqual(expect.arrayContaining(['Register Q2 2022-23', 'Heat map Q2 2022-23']));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the task pane at the widths and in the modes Excel shows it', () => {
  it.each([
    [320, 'none'],
    [500, 'none'],
    [320, 'active'],
  ] as const)(
    'at %i px, forced colours %s: nothing overflows, no visible h1, the matrix keeps its colours',
    async (width, forced) => {
      const page = await openPane(width, forced);
      await page.locator('#validate').click();
      await page.waitForSelector('#issues .issue', { timeout: 30_000 });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      // Office's pane title says "Risk register": the page's h1 is for screen readers only.
      const h1 = await page.locator('h1').boundingBox();
      expect(h1 === null || h1.width <= 1).toBe(true);
      const cell = page.locator('#matrix .heat-cell').first();
      const background = await cell.evaluate(
        (element) => element.ownerDocument.defaultView!.getComputedStyle(element).backgroundColor,
      );
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
      if (forced === 'active') {
        // Contrast themes: buttons take system colours, so the primary button is not brand blue.
        const primary = await page
          .locator('#generate')
          .evaluate(
            (element) => element.ownerDocument.defaultView!.getComputedStyle(element).backgroundColor,
          );
        expect(primary).not.toBe('rgb(15, 108, 189)');
      }
      mkdirSync('dist/test-artifacts', { recursive: true });
      await page.screenshot({
        path: `dist/test-artifacts/taskpane-${width}${forced === 'active' ? '-forced-colors' : ''}.png`,
        fullPage: true,
      });
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

describe('the built manifest', () => {
  it('is well-formed XML by xmllint (libxml2-utils)', () => {
    // Fails, not skips, without xmllint: CI installs it (see README, test:e2e).
    for (const file of ['excel-addin/manifest.xml', 'dist/excel-addin/manifest.xml']) {
      expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' }), file).not.toThrow();
    }
  });
});
