// `npm run verify`: checks dist/apps-script/Code.js is a script Apps Script can load as it is and
// an IT department can read: it parses as a classic script (no import/export); it evaluates no
// text as code (no eval, no new Function) and packs nothing in strings (no literal over 2,000
// characters); it is not minified (names kept, lines of ordinary length); it declares at top
// level, with their JSDoc, the custom functions of the core's RISK_FUNCTIONS (a Scoring argument
// for those that read the matrix) and every other global of apps-script/globals.ts, and binds
// nothing more; and it stays under a sanity ceiling of 400 KB. Each check is a function of the
// code, so test/apps-script/verify.test.ts feeds it bad files.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import ts from 'typescript';
import { APPS_SCRIPT_GLOBAL, APPS_SCRIPT_OUT, globalsModule } from './build-apps-script.mjs';
import { importTs } from './import-ts.mjs';

/** No documented Apps Script limit exists; this only catches a bundle that swallowed something. */
export const SIZE_CEILING_BYTES = 400 * 1024;
/** Longer literals are data or packed code, not the messages and labels a script holds. */
export const LONGEST_LITERAL = 2_000;
/**
 * A line's code — its length without the text of string literals, which may be long (the
 * default matrix's descriptors) — beyond this is minified or generated; prettier prints at 110,
 * and the JSDoc of the declarations keeps each tag on one line for Sheets.
 */
export const LONGEST_CODE_LINE = 300;
/** Prettier's output averages about 40 characters of code a line; minified code thousands. */
export const LONGEST_AVERAGE_LINE = 80;
/** Minifiers rename functions to one or two letters; readable code names almost none so. */
export const SHORT_NAME_SHARE = 0.1;

/** The script's syntax tree (TypeScript's parser reads JavaScript), for the checks below. */
function parse(code) {
  return ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
}

function visit(node, each) {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/** `eval`, `new Function`, `Function(…)`: text run as code, which no reader can review. */
export function evaluationProblems(code, source = parse(code)) {
  const problems = [];
  const where = (node) => `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  visit(source, (node) => {
    if (ts.isIdentifier(node) && node.text === 'eval') problems.push(`eval at ${where(node)}`);
    if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Function'
    )
      problems.push(`${ts.isNewExpression(node) ? 'new ' : ''}Function(…) at ${where(node)}`);
  });
  return problems;
}

/** The shape of the code: what tells readable code from minified or packed code. */
export function codeShape(code, source = parse(code)) {
  let longestLiteral = { length: 0, line: 0 };
  const literalRanges = [];
  const names = [];
  visit(source, (node) => {
    if (LITERALS.has(node.kind)) {
      const start = node.getStart(source);
      literalRanges.push([start, node.end]);
      if (node.end - start > longestLiteral.length)
        longestLiteral = {
          length: node.end - start,
          line: source.getLineAndCharacterOfPosition(start).line + 1,
        };
    }
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name)
      names.push(node.name.text);
  });
  // Each line's length without the literals' text.
  const codeLength = new Array(source.getLineStarts().length).fill(0);
  let next = 0;
  literalRanges.sort((a, b) => a[0] - b[0]);
  let range = 0;
  for (let i = 0; i < code.length; i++) {
    while (range < literalRanges.length && literalRanges[range][1] <= i) range++;
    const inLiteral = range < literalRanges.length && literalRanges[range][0] <= i;
    if (code[i] === '\n') next++;
    else if (!inLiteral) codeLength[next]++;
  }
  const lines = code.split('\n');
  const longest = codeLength.reduce(
    (best, length, index) => (length > best.length ? { length, line: index + 1 } : best),
    {
      length: 0,
      line: 0,
    },
  );
  return {
    lines: lines.length,
    averageLine: codeLength.reduce((sum, length) => sum + length, 0) / lines.length,
    longestCodeLine: longest,
    longestLiteral,
    functions: names.length,
    shortNames: names.filter((name) => name.length <= 2).length,
  };
}

/** No packed strings, no minification. */
export function readabilityProblems(code, source = parse(code)) {
  const shape = codeShape(code, source);
  const problems = [];
  if (shape.longestLiteral.length > LONGEST_LITERAL)
    problems.push(
      `a string literal of ${shape.longestLiteral.length} characters at line ${shape.longestLiteral.line} ` +
        `(at most ${LONGEST_LITERAL}: no packed code or data in strings)`,
    );
  if (shape.longestCodeLine.length > LONGEST_CODE_LINE)
    problems.push(
      `line ${shape.longestCodeLine.line} holds ${shape.longestCodeLine.length} characters of code ` +
        `(at most ${LONGEST_CODE_LINE}): minified?`,
    );
  if (shape.averageLine > LONGEST_AVERAGE_LINE)
    problems.push(
      `lines average ${shape.averageLine.toFixed(0)} characters of code (at most ${LONGEST_AVERAGE_LINE}): minified?`,
    );
  if (shape.functions > 0 && shape.shortNames / shape.functions > SHORT_NAME_SHARE)
    problems.push(
      `${shape.shortNames} of ${shape.functions} functions and classes have names of one or two ` +
        `characters: names must be kept`,
    );
  return problems;
}

/** Over the sanity ceiling. */
export function sizeProblems(code) {
  const bytes = Buffer.byteLength(code);
  return bytes > SIZE_CEILING_BYTES
    ? [
        `${APPS_SCRIPT_OUT} is ${(bytes / 1024).toFixed(1)} KB; the ceiling is ${SIZE_CEILING_BYTES / 1024} KB`,
      ]
    : [];
}

/**
 * The globals Code.js must declare: the custom functions straight from the core's table (its
 * parameters, and `scoring` after them for a function that reads the matrix), and the others
 * (triggers, menu) from apps-script/globals.ts.
 */
export function expectedGlobals(riskFunctions, globals) {
  const custom = riskFunctions.map((fn) => ({
    name: fn.name,
    customFunction: true,
    parameters: [...fn.parameters, ...(fn.readsMatrix ? ['scoring'] : [])],
  }));
  const others = globals
    .filter((fn) => !fn.customFunction)
    .map((fn) => ({ name: fn.name, customFunction: false, parameters: fn.parameters.map((p) => p.name) }));
  return [...custom, ...others];
}

/** Each expected global declared at top level with its JSDoc right above it. */
export function declarationProblems(code, expected) {
  const problems = [];
  for (const fn of expected) {
    const match = new RegExp(
      `(?:^|\\n)/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\n(function ${fn.name}\\(([^)]*)\\) \\{)`,
    ).exec(code);
    if (!match) {
      problems.push(`no top-level "function ${fn.name}(" with a JSDoc block right above it`);
      continue;
    }
    const [, doc, , params] = match;
    if (fn.customFunction !== /@customfunction\b/.test(doc)) {
      problems.push(
        `${fn.name}: @customfunction is ${fn.customFunction ? 'missing' : 'present but it is no custom function'}`,
      );
    }
    for (const name of fn.parameters) {
      if (!new RegExp(`@param \\{[^}]+\\} ${name} \\S`).test(doc))
        problems.push(`${fn.name}: no @param for ${name}`);
    }
    if (fn.customFunction && !/@return \S/.test(doc)) problems.push(`${fn.name}: no @return`);
    const names = params
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (names.join() !== fn.parameters.join())
      problems.push(`${fn.name}: parameters (${names}) are not (${fn.parameters})`);
  }
  return problems;
}

/**
 * Loaded with no host at all, the script must touch nothing and its global must bind exactly
 * the declared functions: the custom functions under `customFunctionsKey`, the others by name,
 * plus `alsoBound`: what the Editor add-on's declarations call in the same bundle (onAddonOpen).
 */
export function bindingProblems(code, expected, customFunctionsKey, alsoBound = []) {
  let script;
  try {
    script = new vm.Script(code, { filename: APPS_SCRIPT_OUT });
  } catch (error) {
    return [`${APPS_SCRIPT_OUT} does not parse as a script: ${error.message}`];
  }
  const problems = [];
  if (/\bimport\s*\(/.test(code))
    problems.push('a dynamic import() remains; Apps Script cannot load modules');
  const context = vm.createContext({});
  try {
    script.runInContext(context);
  } catch (error) {
    return [...problems, `loading the script without a host throws: ${error.message}`];
  }
  const bound = context[APPS_SCRIPT_GLOBAL];
  if (!bound) return [...problems, `the bundle defines no ${APPS_SCRIPT_GLOBAL}`];
  const compare = (what, object, names) => {
    const keys = Object.keys(object ?? {});
    const missing = names.filter((name) => typeof object?.[name] !== 'function');
    const extra = keys.filter((name) => !names.includes(name));
    if (missing.length) problems.push(`declared but not bound by ${what}: ${missing.join(', ')}`);
    if (extra.length) problems.push(`bound by ${what} but not declared: ${extra.join(', ')}`);
  };
  const custom = expected.filter((fn) => fn.customFunction).map((fn) => fn.name);
  const others = [...expected.filter((fn) => !fn.customFunction).map((fn) => fn.name), ...alsoBound];
  compare(
    APPS_SCRIPT_GLOBAL,
    Object.fromEntries(Object.entries(bound).filter(([key]) => key !== customFunctionsKey)),
    others,
  );
  compare(`${APPS_SCRIPT_GLOBAL}.${customFunctionsKey}`, bound[customFunctionsKey], custom);
  for (const { name } of expected) {
    if (typeof context[name] !== 'function') problems.push(`${name} is not a global function of the script`);
  }
  return problems;
}

/** Every check on one Code.js; `riskFunctions` and `globals` say what it must declare. */
export function verifyCode(code, { riskFunctions, globals, customFunctionsKey, alsoBound = [] }) {
  const expected = expectedGlobals(riskFunctions, globals);
  let source;
  try {
    source = parse(code);
  } catch (error) {
    return [`${APPS_SCRIPT_OUT} does not parse: ${error.message}`];
  }
  return [
    ...bindingProblems(code, expected, customFunctionsKey, alsoBound),
    ...evaluationProblems(code, source),
    ...readabilityProblems(code, source),
    ...declarationProblems(code, expected),
    ...sizeProblems(code),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = readFileSync(APPS_SCRIPT_OUT, 'utf8');
  const { RISK_FUNCTIONS } = await importTs('core/index.ts');
  const { GLOBAL_FUNCTIONS, CUSTOM_FUNCTIONS_KEY, addonTargets } = await globalsModule();
  const problems = verifyCode(code, {
    riskFunctions: RISK_FUNCTIONS,
    globals: GLOBAL_FUNCTIONS,
    customFunctionsKey: CUSTOM_FUNCTIONS_KEY,
    alsoBound: addonTargets(),
  });
  const shape = codeShape(code);
  console.log(
    `${APPS_SCRIPT_OUT}: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB (ceiling ${SIZE_CEILING_BYTES / 1024} KB), ` +
      `${shape.lines.toLocaleString('en-GB')} lines averaging ${shape.averageLine.toFixed(0)} characters of code, ` +
      `longest literal ${shape.longestLiteral.length}; ` +
      `${GLOBAL_FUNCTIONS.length} globals: ${GLOBAL_FUNCTIONS.map((fn) => fn.name).join(', ')}`,
  );
  if (problems.length > 0) {
    for (const problem of problems) console.error(`verify: ${problem}`);
    process.exit(1);
  }
}
