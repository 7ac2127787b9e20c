// The Editor add-on variant (npm run build:sheets-addon): the same core and functions as the bound
// script, with its menu under Extensions (createAddonMenu) from onOpen and onInstall.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { RISK_FUNCTIONS } from '../../core/index.ts';
import { MENU_ITEMS } from '../../apps-script/menu.ts';
import { createSheetsFake } from '../support/sheets-fake/index.ts';
import { ADDON_MENU } from '../support/sheets-fake/fake-ui.ts';
import { forceRegisterSheets } from '../support/force-register-sheets.ts';

const DIR = 'dist/apps-script-addon';
let code = '';

beforeAll(async () => {
  // @ts-expect-error: a plain .mjs build script without type declarations.
  const { buildAppsScript } = await import('../../scripts/build-apps-script.mjs');
  const { file } = (await buildAppsScript({ addon: true })) as { file: string };
  code = readFileSync(file, 'utf8');
}, 120_000);

function load() {
  const context = vm.createContext({});
  const fake = createSheetsFake({ sheets: forceRegisterSheets(), Date: vm.runInContext('Date', context) });
  Object.assign(context, fake.globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { fake, script: context as Record<string, (...args: unknown[]) => unknown> };
}

describe('the Editor add-on build', () => {
  it('puts the menu under Extensions from onOpen and from onInstall, with the bound script’s items', () => {
    const expected = {
      caption: ADDON_MENU,
      items: MENU_ITEMS.map(([caption, functionName]) => ({ caption, functionName })),
    };
    for (const trigger of ['onOpen', 'onInstall']) {
      const { fake, script } = load();
      script[trigger]!({ authMode: 'NONE' });
      expect(fake.ui.menus, trigger).toEqual([expected]);
      // AuthMode.NONE: building the menu reads nothing of the spreadsheet.
      expect(fake.calls.byMethod.get('Range.getValues') ?? 0, trigger).toBe(0);
    }
  });

  it('declares the same custom functions and menu commands as the bound script, from the same bundle', async () => {
    const bound = readFileSync('dist/apps-script/Code.js', 'utf8');
    const declared = (text: string) => [...text.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
    expect(declared(code)).toEqual([...declared(bound), 'onInstall'].sort());
    for (const fn of RISK_FUNCTIONS)
      expect(code).toMatch(new RegExp(`@customfunction\\n \\*/\\nfunction ${fn.name}\\(`));
    const { script } = load();
    expect(script.RISKSCORE!(4, 3)).toBe(12);
    expect(script.RISKRATING!(5, 5)).toBe('Critical');
  });

  it('ships the manifest with the one least-privilege scope', () => {
    const manifest = JSON.parse(readFileSync(`${DIR}/appsscript.json`, 'utf8')) as {
      oauthScopes: string[];
      runtimeVersion: string;
    };
    expect(manifest.oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(manifest.runtimeVersion).toBe('V8');
  });
});
