// `npm run verify`: checks dist/apps-script/Code.js is a script Apps Script can load as it is —
// it parses as a classic script (no import/export), declares every global of
// apps-script/globals.ts at top level with its JSDoc (@customfunction on the custom functions),
// binds nothing the declarations leave out, carries its two packed parts as scripts that bind
// the custom functions and the commands, and stays under the size budgets.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import {
  APPS_SCRIPT_BUDGETS,
  APPS_SCRIPT_GLOBAL,
  APPS_SCRIPT_OUT,
  COMMANDS_GLOBAL,
  FUNCTIONS_GLOBAL,
  SHARED_KEY,
  SHARED_PARAMETER,
  codeSizes,
  globalFunctions,
  packedParts,
} from './build-apps-script.mjs';

const FILE_LIMIT = APPS_SCRIPT_BUDGETS.fileKb * 1024;
const LIMIT = APPS_SCRIPT_BUDGETS.perCallKb * 1024;
const CUSTOM_FUNCTIONS = ['RISKSCORE', 'RISKRATING', 'RISKTREND'];
/** The globals whose code is in the commands' part (apps-script/commands-main.ts). */
const PACKED_COMMANDS = ['onEdit', 'generateQuarterlyRegister', 'validateRegister', 'setUpSheets'];

const code = readFileSync(APPS_SCRIPT_OUT, 'utf8');
const problems = [];

// A classic script: `import`/`export` statements are syntax errors here.
let script;
try {
  script = new vm.Script(code, { filename: APPS_SCRIPT_OUT });
} catch (error) {
  problems.push(`${APPS_SCRIPT_OUT} does not parse as a script: ${error.message}`);
}
if (/\bimport\s*\(/.test(code)) problems.push('a dynamic import() remains; Apps Script cannot load modules');

const functions = await globalFunctions();
const declared = functions.map((fn) => fn.name);
for (const name of CUSTOM_FUNCTIONS) {
  if (!functions.some((fn) => fn.name === name && fn.customFunction))
    problems.push(`${name} is not declared as a custom function`);
}

for (const fn of functions) {
  // The JSDoc block must sit right above the top-level declaration.
  const match = new RegExp(
    `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\n(function ${fn.name}\\(([^)]*)\\) \\{)`,
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
  for (const p of fn.parameters) {
    if (!new RegExp(`@param \\{[^}]+\\} ${p.name} \\S`).test(doc))
      problems.push(`${fn.name}: no @param for ${p.name}`);
  }
  if (fn.customFunction && !/@return \S/.test(doc)) problems.push(`${fn.name}: no @return`);
  const names = params
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (names.join() !== fn.parameters.map((p) => p.name).join())
    problems.push(`${fn.name}: parameters (${names}) differ from the docs`);
}

if (script) {
  // Run it with no host at all: loading must touch nothing, and the bundle's global must bind
  // exactly the declared functions.
  const context = vm.createContext({});
  script.runInContext(context);
  const bound = context[APPS_SCRIPT_GLOBAL];
  if (!bound) problems.push(`the bundle defines no ${APPS_SCRIPT_GLOBAL}`);
  else {
    const exported = Object.keys(bound).sort();
    const missing = declared.filter((name) => typeof bound[name] !== 'function');
    const extra = exported.filter((name) => !declared.includes(name));
    if (missing.length) problems.push(`declared but not bound by the bundle: ${missing.join(', ')}`);
    if (extra.length) problems.push(`bound by the bundle but not declared: ${extra.join(', ')}`);
    for (const name of declared) {
      if (typeof context[name] !== 'function')
        problems.push(`${name} is not a global function of the script`);
    }
  }
}

/** A packed part run as lazy.ts runs it: a function body with the shared exports as parameter. */
function runPart(source, global, shared) {
  const context = vm.createContext({ shared });
  new vm.Script(`this.bound = (function (${SHARED_PARAMETER}) {${source}\nreturn ${global};})(shared);`, {
    filename: `${global}.js`,
  }).runInContext(context);
  return context.bound ?? {};
}

/** Checks a part binds exactly `names`; returns what it binds. */
function checkBinds(bound, what, names) {
  const keys = Object.keys(bound).sort();
  if (keys.join() !== [...names].sort().join())
    problems.push(`the ${what} part binds ${keys.join(', ') || 'nothing'}, not ${names.join(', ')}`);
}

// The packed parts: two base-91 literals, raw deflate inside, each a classic script.
let parts = [];
try {
  parts = await packedParts(code);
} catch (error) {
  problems.push(`the packed parts are not base-91 deflate: ${error.message}`);
}
const partOf = (global) => parts.find(({ script }) => script.startsWith(`var ${global}=`))?.script;
const functionsSource = partOf(FUNCTIONS_GLOBAL);
const commandsSource = partOf(COMMANDS_GLOBAL);
if (parts.length !== 2 || !functionsSource || !commandsSource)
  problems.push(
    `Code.js must hold exactly the functions' and the commands' packed parts (found ${parts.length})`,
  );
for (const { script: source } of parts) {
  if (/\bimport\s*\(/.test(source)) problems.push('a dynamic import() remains in a packed part');
  // The build assigns class fields in constructors (useDefineForClassFields: false).
  if (/__publicField|__defNormalProp/.test(source))
    problems.push('a packed part defines class fields through a helper');
}
if (functionsSource && commandsSource) {
  try {
    const functionsPart = runPart(functionsSource, FUNCTIONS_GLOBAL);
    checkBinds(functionsPart, "functions'", [...CUSTOM_FUNCTIONS, SHARED_KEY]);
    const core = functionsPart[SHARED_KEY] ?? {};
    // The commands' shims read the exports the functions' part shares, and each must be there.
    const read = new Set();
    const shared = new Proxy(core, {
      get(target, key) {
        if (target[key] === undefined)
          problems.push(`the commands' part reads ${String(key)}, which the functions' part does not share`);
        read.add(key);
        return target[key];
      },
    });
    checkBinds(runPart(commandsSource, COMMANDS_GLOBAL, shared), "commands'", PACKED_COMMANDS);
    const unread = Object.keys(core).filter((key) => !read.has(key));
    if (unread.length)
      problems.push(`the functions' part shares ${unread.join(', ')}, which the commands' part never reads`);
  } catch (error) {
    problems.push(`a packed part does not load as a script: ${error.message}`);
  }
}

// Sizes need both parts (a custom-function call compiles the functions' part); without them
// the problem is reported above.
if (functionsSource && commandsSource) {
  const { bytes, parsedBytes, gzipped } = await codeSizes(code);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  if (parsedBytes > LIMIT)
    problems.push(
      `a custom-function call compiles ${kb(parsedBytes)} of ${APPS_SCRIPT_OUT}; the limit is ${kb(LIMIT)}`,
    );
  if (bytes > FILE_LIMIT)
    problems.push(`${APPS_SCRIPT_OUT} is ${kb(bytes)} in all; the limit is ${kb(FILE_LIMIT)}`);

  console.log(
    `${APPS_SCRIPT_OUT}: ${kb(bytes)} file (limit ${kb(FILE_LIMIT)}), ${kb(gzipped)} gzipped; ` +
      `${kb(parsedBytes)} minified code compiled per custom-function call (limit ${kb(LIMIT)}); ` +
      `${declared.length} globals: ${declared.join(', ')}`,
  );
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`verify: ${problem}`);
  process.exit(1);
}
