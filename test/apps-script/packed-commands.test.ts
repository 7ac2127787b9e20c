// Code.js carries the menu commands and onEdit gzipped: custom functions never expand them, a
// command expands them once per execution through Apps Script's Utilities (the fake's, here).
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodePacked, encodePacked } from '../../apps-script/packed-text.ts';
import { FORCE_REGISTER_EXAMPLE } from '../../examples/force-register.ts';
import { createSheetsFake } from '../support/sheets-fake/index.ts';
import { builtCode, loadScript } from './load-code.ts';

/** The one string literal of base-91 digits, and the commands bundle it holds. */
const PACKED = /"[!#-[\]-_a-~]{1000,}"/g;
function unpacked(literal: string): string {
  return gunzipSync(
    Buffer.from(decodePacked(JSON.parse(literal) as string).map((byte) => byte & 255)),
  ).toString('utf8');
}

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
    expect(fake.Utilities.calls.get('newBlob')).toBeUndefined();
  });

  it('are expanded once per execution, however many commands run in it', async () => {
    const { script, fake } = await loadScript(force());
    await script.validateRegister!();
    await script.setUpSheets!();
    const sheet = fake.spreadsheet.getSheets().find((s) => s.getName() === 'Assessments')!;
    await script.onEdit!({ range: sheet.getRange(2, 3, 1, 1) });
    expect(fake.Utilities.calls.get('ungzip')).toBe(1);
    expect(fake.Utilities.calls.get('newBlob')).toBe(1);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toContain('Validation issues');
  });

  it('hold no code outside the one base-91 literal the script decodes', async () => {
    const code = await builtCode();
    const literals = code.match(PACKED) ?? [];
    expect(literals).toHaveLength(1);
    expect(code).not.toMatch(/"[A-Za-z0-9+/]{1000,}={0,2}"/);
  });

  it('do not repeat the core code the custom functions already hold: they take it from RiskRegister.core', async () => {
    const code = await builtCode();
    const literal = code.match(PACKED)![0];
    const commands = unpacked(literal);
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
    const commands = unpacked(code.match(PACKED)![0]);
    for (const text of [
      'must be a list of levels',
      'in the list must be an object',
      'must map each category name',
    ]) {
      expect({ text, file: code.includes(text) || commands.includes(text) }).toEqual({ text, file: false });
    }
  });
});

describe('the base-91 text of the packed commands', () => {
  test.prop([fc.uint8Array({ maxLength: 300 })])(
    'decodes to the bytes encoded, signed as newBlob takes them',
    (bytes) => {
      const decoded = decodePacked(encodePacked(bytes));
      expect(decoded.every((b) => b >= -128 && b <= 127)).toBe(true);
      expect(decoded.map((b) => b & 255)).toEqual([...bytes]);
    },
  );

  it('holds only printable ASCII that needs no escape in a string literal, 1.23 characters a byte', () => {
    const bytes = randomBytes(20_000);
    const text = encodePacked(bytes);
    expect(text).toMatch(/^[!#-[\]-_a-~]*$/);
    expect(JSON.parse(JSON.stringify(text))).toBe(text);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(text.length / bytes.length).toBeCloseTo(1.23, 2);
    expect(decodePacked(text).map((b) => b & 255)).toEqual([...bytes]);
  });

  it('lets the fake newBlob and ungzip read it as Apps Script would', () => {
    const { Utilities } = createSheetsFake();
    const text = 'RISKTREND gives ↑ ↓ ↔ — £2m';
    const blob = Utilities.newBlob(decodePacked(encodePacked(gzipSync(text))), 'application/x-gzip');
    expect(Utilities.ungzip(blob).getDataAsString()).toBe(text);
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
