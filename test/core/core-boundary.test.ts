/** The core may use nothing but the ECMAScript library: these prove the lint rule bites and that no file slips past it. */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { coreFiles } from '../support/core-files.ts';

const root = join(import.meta.dirname, '..', '..');

describe('core boundary', () => {
  it('the lint rule rejects host imports, host globals and a hidden clock in core/', async () => {
    const eslint = new ESLint({ cwd: root });
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import ExcelJS from 'exceljs';",
      'export const a = SpreadsheetApp.getActive();',
      'export const b = Excel.run;',
      'export const c = document.title;',
      'export const d = new Date();',
      'export const e = [readFileSync, ExcelJS];',
    ].join('\n');
    const [result] = await eslint.lintText(source, { filePath: join(root, 'core', 'violation.ts') });
    const rules = result!.messages.map((m) => m.ruleId);
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
    expect(rules.filter((r) => r === 'no-restricted-globals')).toHaveLength(3);
    expect(rules).toContain('no-restricted-syntax');
  });

  it('the same code outside core/ is allowed to use its host', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      {
        filePath: join(root, 'cli', 'allowed.ts'),
      },
    );
    expect(result!.messages).toEqual([]);
  });

  it.each(['cli', 'apps-script', 'excel-addin', 'scripts'])(
    '%s/ may import the core only through core/index.ts',
    async (host) => {
      const eslint = new ESLint({ cwd: root });
      const deep =
        "import { readScoringSheet } from '../core/matrix/scoring-sheet.ts';\nexport const x = readScoringSheet;\n";
      const [bad] = await eslint.lintText(deep, { filePath: join(root, host, 'deep.ts') });
      expect(bad!.messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
      expect(bad!.messages[0]!.message).toContain('Import the core through core/index.ts only.');
      const surface =
        "import { readScoringSheet } from '../core/index.ts';\nexport const x = readScoringSheet;\n";
      const [good] = await eslint.lintText(surface, { filePath: join(root, host, 'surface.ts') });
      expect(good!.messages).toEqual([]);
    },
  );

  it('every core file imports only other core files', () => {
    const files = coreFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const specifiers = [
        ...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*from\s+['"]([^'"]+)['"]/gm),
      ].map((m) => m[1]!);
      for (const specifier of specifiers) {
        const target = join(file, '..', specifier);
        expect(
          relative(join(root, 'core'), target).startsWith('..'),
          `${relative(root, file)} imports ${specifier}`,
        ).toBe(false);
      }
    }
  });
});
