// Code.js carries the menu commands and onEdit gzipped: custom functions never expand them, a
// command expands them once per execution through Apps Script's Utilities (the fake's, here).
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FORCE_REGISTER_EXAMPLE } from '../../examples/force-register.ts';
import { createSheetsFake } from '../support/sheets-fake/index.ts';
import { builtCode, loadScript } from './load-code.ts';

const force = () => [
  { name: 'Risks', rows: FORCE_REGISTER_EXAMPLE.risks },
  { name: 'Assessments', rows: FORCE_REGISTER_EXAMPLE.assessments },
];

describe('the packed commands in Code.js', () => {
  it('are not expanded by loading the script or by custom-function calls', async () => {
    const { script, fake } = await loadScript();
    expect(script.RISKSCORE!(4, 3)).toBe(12);
    expect(script.RISKRATING!([[4], [5]], [[3], [5]])).toEqual([['High'], ['Critical']]);
    expect(fake.Utilities.calls.get('ungzip')).toBeUndefined();
    expect(fake.Utilities.calls.get('base64Decode')).toBeUndefined();
  });

  it('are expanded once per execution, however many commands run in it', async () => {
    const { script, fake } = await loadScript(force());
    await script.validateRegister!();
    await script.setUpSheets!();
    const sheet = fake.spreadsheet.getSheets().find((s) => s.getName() === 'Assessments')!;
    await script.onEdit!({ range: sheet.getRange(2, 3, 1, 1) });
    expect(fake.Utilities.calls.get('ungzip')).toBe(1);
    expect(fake.Utilities.calls.get('base64Decode')).toBe(1);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toContain('Validation issues');
  });

  it('hold no code outside the one base64 literal the script decodes', async () => {
    const code = await builtCode();
    const literals = code.match(/"[A-Za-z0-9+/]{1000,}={0,2}"/g) ?? [];
    expect(literals).toHaveLength(1);
  });

  it('do not repeat the core code the custom functions already hold: they take it from RiskRegister.core', async () => {
    const code = await builtCode();
    const literal = /"[A-Za-z0-9+/]{1000,}={0,2}"/.exec(code)![0];
    const commands = gunzipSync(Buffer.from(JSON.parse(literal) as string, 'base64')).toString('utf8');
    const eager = code.replace(literal, '""');
    // One string each from the function table, the default matrix, the matrix check, the Scoring
    // sheet's layout and the level reader: the commands use all of them, the eager part has them.
    for (const text of [
      'Human Rights / Diversity',
      'is not a colour like #92D050',
      'Probability \\\\ Impact',
      'ranges must be the same size',
      'levels are numbered',
    ]) {
      expect({ text, eager: eager.split(text).length - 1 }).toEqual({ text, eager: 1 });
      expect({ text, commands: commands.split(text).length - 1 }).toEqual({ text, commands: 0 });
    }
    expect(commands).toMatch(/=RiskRegister\.core[;,]/);
  });

  it('leave out the shape checks of JSON matrices, which only the command line needs', async () => {
    const code = await builtCode();
    const literal = /"[A-Za-z0-9+/]{1000,}={0,2}"/.exec(code)![0];
    const commands = gunzipSync(Buffer.from(JSON.parse(literal) as string, 'base64')).toString('utf8');
    for (const text of ['must be a list of levels', 'in the list must be an object', 'must map each category name']) {
      expect({ text, file: code.includes(text) || commands.includes(text) }).toEqual({ text, file: false });
    }
  });
});

describe('the fake Utilities', () => {
  it('decode base64 to signed bytes, wrap them in a blob, ungzip and read UTF-8 as Apps Script does', () => {
    const { Utilities } = createSheetsFake();
    const text = 'RISKTREND gives ↑ ↓ ↔ — £2m';
    const bytes = Utilities.base64Decode(gzipSync(text).toString('base64'));
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(bytes.some((b) => b < 0)).toBe(true);
    const blob = Utilities.ungzip(Utilities.newBlob(bytes, 'application/x-gzip'));
    expect(blob.getDataAsString()).toBe(text);
  });

  it('refuse what Apps Script refuses: bad base64, bytes out of range, data that is not gzip', () => {
    const { Utilities } = createSheetsFake();
    expect(() => Utilities.base64Decode('not base64!')).toThrow(/Could not decode/);
    expect(() => Utilities.newBlob([200], 'application/x-gzip')).toThrow(/-128\.\.127/);
    expect(() => Utilities.ungzip(Utilities.newBlob([1, 2, 3], 'application/x-gzip'))).toThrow(/gzip/);
  });
});
