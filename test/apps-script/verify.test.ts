// `npm run verify`'s checks (scripts/verify-apps-script.mjs) on small files: each bad file is
// named for what is wrong with it, and the built Code.js passes them all.
import { describe, expect, it } from 'vitest';
import { RISK_FUNCTIONS } from '../../core/index.ts';
import { CUSTOM_FUNCTIONS_KEY, GLOBAL_FUNCTIONS, addonTargets } from '../../apps-script/globals.ts';
import {
  LONGEST_CODE_LINE,
  LONGEST_LITERAL,
  SIZE_CEILING_BYTES,
  bindingProblems,
  codeShape,
  declarationProblems,
  evaluationProblems,
  readabilityProblems,
  sizeProblems,
  verifyCode,
  // @ts-expect-error: a plain .mjs script without type declarations.
} from '../../scripts/verify-apps-script.mjs';
import { builtCode } from './load-code.ts';

interface Expected {
  readonly name: string;
  readonly customFunction: boolean;
  readonly parameters: readonly string[];
}

/** One custom function taking the Scoring range and one trigger, in the shape of Code.js. */
const EXPECTED: readonly Expected[] = [
  { name: 'RISKSCORE', customFunction: true, parameters: ['impact', 'probability', 'scoring'] },
  { name: 'onOpen', customFunction: false, parameters: ['e'] },
];

const SCORE_DOC = [
  '/**',
  ' * Risk score.',
  ' *',
  ' * @param {number} impact Impact level.',
  ' * @param {number} probability Probability level.',
  ' * @param {string[][]} scoring The Scoring sheet.',
  ' * @return The score.',
  ' * @customfunction',
  ' */',
].join('\n');
const OPEN_DOC = ['/**', ' * Adds the menu.', ' *', ' * @param {Object} e The open event.', ' */'].join('\n');

/** A small Code.js: a readable bundle and its declarations; `change` rewrites parts of it. */
function smallScript(change: { bundle?: string; score?: string; open?: string } = {}): string {
  const bundle =
    change.bundle ??
    [
      'var RiskRegister = (() => {',
      '  function scoreOf(impact, probability) {',
      '    return impact * probability;',
      '  }',
      '  function addMenu() {',
      "    return 'menu';",
      '  }',
      '  return { customFunctions: { RISKSCORE: scoreOf }, onOpen: addMenu };',
      '})();',
    ].join('\n');
  const score =
    change.score ??
    `${SCORE_DOC}\nfunction RISKSCORE(impact, probability, scoring) {\n  return RiskRegister.customFunctions.RISKSCORE(impact, probability, scoring);\n}`;
  const open = change.open ?? `${OPEN_DOC}\nfunction onOpen(e) {\n  return RiskRegister.onOpen(e);\n}`;
  return `${bundle}\n\n${score}\n\n${open}\n`;
}

const problemsOf = (code: string): string[] => [
  ...bindingProblems(code, EXPECTED, 'customFunctions'),
  ...evaluationProblems(code),
  ...readabilityProblems(code),
  ...declarationProblems(code, EXPECTED),
  ...sizeProblems(code),
];

describe('npm run verify', () => {
  it('passes a small readable script that declares and binds what it must', () => {
    expect(problemsOf(smallScript())).toEqual([]);
  });

  it('passes the built Code.js, declared from the core function table', async () => {
    const code = await builtCode();
    expect(
      verifyCode(code, {
        riskFunctions: RISK_FUNCTIONS,
        globals: GLOBAL_FUNCTIONS,
        customFunctionsKey: CUSTOM_FUNCTIONS_KEY,
        alsoBound: addonTargets(),
      }),
    ).toEqual([]);
    expect(addonTargets()).toEqual(['onAddonOpen']);
    const shape = codeShape(code);
    expect(shape.averageLine).toBeLessThan(60);
    expect(shape.shortNames).toBeLessThan(shape.functions / 20);
  });

  it('fails on eval, new Function and Function(…), naming the line', () => {
    for (const [line, found] of [
      ["  var run = eval('1 + 1');", 'eval at line 2'],
      ["  var run = new Function('a', 'return a');", 'new Function(…) at line 2'],
      ["  var run = Function('return this')();", 'Function(…) at line 2'],
      ["  var run = globalThis.eval('1');", 'eval at line 2'],
    ] as const) {
      const bundle = ['var RiskRegister = (() => {', line, '  return {};', '})();'].join('\n');
      expect(evaluationProblems(bundle)).toEqual([found]);
    }
    // Words in strings and comments, and other names, are no code.
    expect(evaluationProblems("// eval\nvar text = 'new Function(';\nvar evaluate = 1;")).toEqual([]);
  });

  it('fails on a string literal over 2,000 characters: packed code or data', () => {
    const packed = `'${'a'.repeat(LONGEST_LITERAL)}'`;
    const code = smallScript({
      bundle: `var RiskRegister = (() => {\n  var part = ${packed};\n  return {};\n})();`,
    });
    expect(readabilityProblems(code)).toEqual([
      `a string literal of ${LONGEST_LITERAL + 2} characters at line 2 (at most ${LONGEST_LITERAL}: no packed code or data in strings)`,
    ]);
    const template = `var part = \`\${1}${'b'.repeat(LONGEST_LITERAL)}\`;`;
    expect(readabilityProblems(template)[0]).toMatch(/^a string literal of 2002 characters at line 1/);
    // 1,998 characters between the quotes is still a string a script may hold.
    expect(readabilityProblems(`var text = '${'a'.repeat(LONGEST_LITERAL - 2)}';`)).toEqual([]);
  });

  it('fails on minified code: long lines of code, or short names throughout', () => {
    const minified = `var RiskRegister=(()=>{${Array.from({ length: 40 }, (_, i) => `function a${i + 10}(b,c){return b*c+${i}}`).join('')}return{}})();`;
    expect(readabilityProblems(minified)).toEqual([
      `line 1 holds ${minified.length} characters of code (at most ${LONGEST_CODE_LINE}): minified?`,
      `lines average ${minified.length} characters of code (at most 80): minified?`,
    ]);
    // Minified then pretty-printed: the lines look ordinary, the names do not.
    const renamed = Array.from({ length: 10 }, (_, i) => `function ${'abcdefghij'[i]}(b) {\n  return b;\n}`);
    expect(readabilityProblems(renamed.join('\n'))).toEqual([
      '10 of 10 functions and classes have names of one or two characters: names must be kept',
    ]);
  });

  it('allows a long line when a string literal makes it long, not the code', () => {
    const message = `'${'x'.repeat(LONGEST_CODE_LINE + 100)}'`;
    expect(readabilityProblems(`function describeLevel() {\n  return ${message};\n}\n`)).toEqual([]);
  });

  it('fails when a declaration or its JSDoc is missing or wrong', () => {
    expect(declarationProblems(smallScript({ score: '' }), EXPECTED)).toEqual([
      'no top-level "function RISKSCORE(" with a JSDoc block right above it',
    ]);
    const noCustom = smallScript({
      score: `${SCORE_DOC.replace(' * @customfunction\n', '')}\nfunction RISKSCORE(impact, probability, scoring) {}`,
    });
    expect(declarationProblems(noCustom, EXPECTED)).toEqual(['RISKSCORE: @customfunction is missing']);
    const noScoring = smallScript({
      score: `${SCORE_DOC}\nfunction RISKSCORE(impact, probability) {}`,
    });
    expect(declarationProblems(noScoring, EXPECTED)).toEqual([
      'RISKSCORE: parameters (impact,probability) are not (impact,probability,scoring)',
    ]);
    const undocumented = smallScript({
      score: `${SCORE_DOC.replace(/.*@param.*scoring.*\n/, '')}\nfunction RISKSCORE(impact, probability, scoring) {}`,
    });
    expect(declarationProblems(undocumented, EXPECTED)).toEqual(['RISKSCORE: no @param for scoring']);
    const customOpen = smallScript({
      open: `${OPEN_DOC.replace(' */', ' * @customfunction\n */')}\nfunction onOpen(e) {}`,
    });
    expect(declarationProblems(customOpen, EXPECTED)).toEqual([
      'onOpen: @customfunction is present but it is no custom function',
    ]);
  });

  it('fails when the bundle binds more or less than is declared, or is a module', () => {
    const extra = smallScript({
      bundle:
        'var RiskRegister = { customFunctions: { RISKSCORE() {}, RISKTWICE() {} }, onOpen() {}, onEdit() {} };',
    });
    expect(bindingProblems(extra, EXPECTED, 'customFunctions')).toEqual([
      'bound by RiskRegister but not declared: onEdit',
      'bound by RiskRegister.customFunctions but not declared: RISKTWICE',
    ]);
    const missing = smallScript({ bundle: 'var RiskRegister = { customFunctions: {} };' });
    expect(bindingProblems(missing, EXPECTED, 'customFunctions')).toEqual([
      'declared but not bound by RiskRegister: onOpen',
      'declared but not bound by RiskRegister.customFunctions: RISKSCORE',
    ]);
    expect(bindingProblems(`export const x = 1;\n${smallScript()}`, EXPECTED, 'customFunctions')[0]).toMatch(
      /does not parse as a script/,
    );
    expect(bindingProblems(`SpreadsheetApp.getUi();\n${smallScript()}`, EXPECTED, 'customFunctions')).toEqual(
      ['loading the script without a host throws: SpreadsheetApp is not defined'],
    );
  });

  it('fails over the 400 KB sanity ceiling only', () => {
    const filler = '// a comment line of readable length\n';
    const at = filler.repeat(Math.floor(SIZE_CEILING_BYTES / filler.length));
    expect(sizeProblems(at)).toEqual([]);
    expect(sizeProblems(at + filler.repeat(200))).toEqual([
      expect.stringMatching(/^dist\/apps-script\/Code\.js is 40\d\.\d KB; the ceiling is 400 KB$/),
    ]);
  });
});
