// Code.js carries the custom functions and the commands packed: loading the script compiles
// neither, a custom-function call expands the functions' part, a command both, once per execution.
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodePacked, encodePacked } from '../../apps-script/packed-text.ts';
import { forceRegisterSheets } from '../support/force-register-sheets.ts';
import { builtCode, loadScript, type LoadedScript } from './load-code.ts';

/** The string literals of base-91 digits, and the script each holds. */
const PACKED = /"[!#-[\]-_a-~]{1000,}"/g;
function unpacked(literal: string): string {
  return inflateRawSync(Buffer.from(decodePacked(JSON.parse(literal) as string))).toString('latin1');
}

async function parts(): Promise<{ functions: string; commands: string; outside: string }> {
  const code = await builtCode();
  const literals = code.match(PACKED) ?? [];
  const scripts = literals.map(unpacked);
  const named = (global: string) => scripts.find((script) => script.startsWith(`var ${global}=`)) ?? '';
  return {
    functions: named('RiskRegisterFunctions'),
    commands: named('RiskRegisterCommands'),
    outside: literals.reduce((rest, literal) => rest.replace(literal, '""'), code),
  };
}

/** Records each body compiled by `new Function` in the script's context: the parts it expands. */
function recordExpansions(loaded: LoadedScript): () => string[] {
  loaded.run(`
    globalThis.expanded = [];
    Function = new Proxy(Function, {
      construct(target, args) {
        expanded.push(/^var (\\w+)=/.exec(args[args.length - 1])?.[1] ?? 'other');
        return Reflect.construct(target, args);
      },
    });`);
  return () => loaded.run<string[]>('[...expanded]');
}

describe('the packed parts of Code.js', () => {
  it('are not expanded by loading the script or by onOpen', async () => {
    const loaded = await loadScript();
    const expanded = recordExpansions(loaded);
    loaded.script.onOpen!({});
    expect(expanded()).toEqual([]);
    expect(loaded.fake.ui.menus.map((menu) => menu.caption)).toEqual(['Risk register']);
  });

  it('a custom-function call expands only the functions, once per execution', async () => {
    const loaded = await loadScript();
    const expanded = recordExpansions(loaded);
    expect(loaded.script.RISKSCORE!(4, 3)).toBe(12);
    expect(loaded.script.RISKRATING!([[4], [5]], [[3], [5]])).toEqual([['High'], ['Critical']]);
    expect(loaded.script.RISKTREND!(9, 12)).toBe('↑');
    expect(expanded()).toEqual(['RiskRegisterFunctions']);
  });

  it('a command expands the functions and the commands, each once per execution', async () => {
    const loaded = await loadScript(forceRegisterSheets());
    const expanded = recordExpansions(loaded);
    const { script, fake } = loaded;
    await script.validateRegister!();
    await script.setUpSheets!();
    const sheet = fake.spreadsheet.getSheets().find((s) => s.getName() === 'Assessments')!;
    await script.onEdit!({ range: sheet.getRange(2, 3, 1, 1) });
    expect(expanded()).toEqual(['RiskRegisterFunctions', 'RiskRegisterCommands']);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toContain('Validation issues');
  });

  it('hold all the code but the entry, in two base-91 literals', async () => {
    const code = await builtCode();
    expect(code.match(PACKED) ?? []).toHaveLength(2);
    expect(code).not.toMatch(/"[A-Za-z0-9+/]{1000,}={0,2}"/);
    const { outside, functions, commands } = await parts();
    for (const text of ['ranges must be the same size', 'is not a colour like #92D050', 'Date raised']) {
      expect({ text, outside: outside.includes(text) }).toEqual({ text, outside: false });
      expect({ text, packed: functions.includes(text) || commands.includes(text) }).toEqual({
        text,
        packed: true,
      });
    }
  });

  it('are ASCII, so a byte expands to one character', async () => {
    const { functions, commands } = await parts();
    expect(functions).toMatch(/^[\x00-\x7f]+$/);
    expect(commands).toMatch(/^[\x00-\x7f]+$/);
    expect(functions).toContain('\\u2191');
  });

  it('do not repeat the core code of the functions in the commands: they take it from the functions', async () => {
    const { functions, commands } = await parts();
    // One string each from the function table, the default matrix, the matrix check, the Scoring
    // sheet's layout and the level reader: the commands use all of them, the functions hold them.
    for (const text of [
      'Human Rights / Diversity',
      'is not a colour like #92D050',
      'Probability \\\\ Impact',
      'ranges must be the same size',
      'levels are numbered',
    ]) {
      expect({ text, functions: functions.split(text).length - 1 }).toEqual({ text, functions: 1 });
      expect({ text, commands: commands.split(text).length - 1 }).toEqual({ text, commands: 0 });
    }
    expect(commands).toMatch(/=RiskRegisterShared[;,]/);
  });

  it('leave out the shape checks of JSON matrices, which only the command line needs', async () => {
    const { outside, functions, commands } = await parts();
    for (const text of [
      'must be a list of levels',
      'in the list must be an object',
      'must map each category name',
    ]) {
      expect({ text, file: [outside, functions, commands].some((code) => code.includes(text)) }).toEqual({
        text,
        file: false,
      });
    }
  });
});

describe('the base-91 text of the packed parts', () => {
  test.prop([fc.uint8Array({ maxLength: 300 })])('decodes to the bytes encoded', (bytes) => {
    expect(decodePacked(encodePacked(bytes))).toEqual([...bytes]);
  });

  it('holds only printable ASCII that needs no escape in a string literal, 1.23 characters a byte', () => {
    const bytes = randomBytes(20_000);
    const text = encodePacked(bytes);
    expect(text).toMatch(/^[!#-[\]-_a-~]*$/);
    expect(JSON.parse(JSON.stringify(text))).toBe(text);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(text.length / bytes.length).toBeCloseTo(1.23, 2);
    expect(decodePacked(text)).toEqual([...bytes]);
  });
});
