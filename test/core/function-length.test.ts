/**
 * No function in core/ runs past 100 lines: a long one is split into steps that read as
 * sentences. Every function, method and arrow function body is measured, nested ones too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreFiles } from '../support/core-files.ts';
import { functionLengths } from '../support/function-length.ts';

const MAX_LINES = 100;
const root = join(import.meta.dirname, '..', '..');

describe('function length in core/', () => {
  it('measures a function body by the lines it spans', () => {
    const text = 'function a() {\n  return 1;\n}\nconst b = () =>\n  2;\n';
    expect(functionLengths('x.ts', text).map((m) => m.lines)).toEqual([3, 1]);
  });

  it(`has no function, method or arrow function body longer than ${MAX_LINES} lines`, () => {
    const measured = coreFiles().flatMap((path) => functionLengths(path, readFileSync(path, 'utf8'), root));
    expect(measured.length).toBeGreaterThan(100);
    const tooLong = measured
      .filter((m) => m.lines > MAX_LINES)
      .sort((a, b) => b.lines - a.lines)
      .map((m) => `${m.name} (${m.lines} lines)`);
    expect(tooLong).toEqual([]);
  });
});
