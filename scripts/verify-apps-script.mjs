// `npm run verify`: checks dist/apps-script/Code.js is a script Apps Script can load as it is —
// it parses as a classic script (no import/export), declares every global of
// apps-script/globals.ts at top level with its JSDoc (@customfunction on the custom functions),
// binds nothing the declarations leave out, carries the packed commands bundle as a script that
// binds the commands, and stays under the size budget.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { gunzipSync } from 'node:zlib';
import {
  APPS_SCRIPT_GLOBAL,
  APPS_SCRIPT_OUT,
  COMMANDS_GLOBAL,
  PACKED_LITERAL,
  SHARED_KEY,
  codeSizes,
  globalFunctions,
  packedText,
} from './build-apps-script.mjs';

/**
 * The budget for the code every execution compiles — all of Code.js but the packed commands
 * literal, which is scanned as a string and compiled only when a command runs. Above it, fail.
 */
const LIMIT = 50 * 1024;
/**
 * The whole file, packed literal included: a ceiling so the packed part cannot grow unseen.
 * A ratchet on the way to the 50 KB for the file (53.2 KB now).
 */
const FILE_LIMIT = 54 * 1024;
const CUSTOM_FUNCTIONS = ['RISKSCORE', 'RISKRATING', 'RISKTREND'];
/** The globals whose code is packed (apps-script/commands-main.ts), expanded by apps-script/lazy.ts. */
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
    const extra = exported.filter((name) => !declared.includes(name) && name !== SHARED_KEY);
    if (typeof bound[SHARED_KEY] !== 'object')
      problems.push(`the bundle shares no ${APPS_SCRIPT_GLOBAL}.${SHARED_KEY} with the commands`);
    if (missing.length) problems.push(`declared but not bound by the bundle: ${missing.join(', ')}`);
    if (extra.length) problems.push(`bound by the bundle but not declared: ${extra.join(', ')}`);
    for (const name of declared) {
      if (typeof context[name] !== 'function')
        problems.push(`${name} is not a global function of the script`);
    }
  }
}

// The packed commands: one base-91 literal, gzip inside, a classic script binding every command.
const literal = PACKED_LITERAL.exec(code)?.[0];
if (!literal) problems.push('no packed commands literal in the bundle');
else {
  let commands;
  try {
    const { decodePacked } = await packedText();
    commands = gunzipSync(Buffer.from(decodePacked(JSON.parse(literal)).map((byte) => byte & 255))).toString(
      'utf8',
    );
  } catch (error) {
    problems.push(`the packed commands are not base-91 gzip: ${error.message}`);
  }
  if (commands !== undefined) {
    try {
      // Loaded as lazy.ts loads it, after Code.js: the shims read the exports the custom
      // functions' bundle shares, and each must be there.
      const context = vm.createContext({});
      script?.runInContext(context);
      const core = context[APPS_SCRIPT_GLOBAL]?.[SHARED_KEY] ?? {};
      const read = new Set();
      context[APPS_SCRIPT_GLOBAL] = {
        [SHARED_KEY]: new Proxy(core, {
          get(target, key) {
            if (target[key] === undefined)
              problems.push(`the packed commands read ${String(key)}, which the bundle does not share`);
            read.add(key);
            return target[key];
          },
        }),
      };
      new vm.Script(`${commands}\nthis.bound = ${COMMANDS_GLOBAL};`, {
        filename: 'commands.js',
      }).runInContext(context);
      const bound = Object.keys(context.bound ?? {}).sort();
      if (bound.join() !== [...PACKED_COMMANDS].sort().join())
        problems.push(
          `the packed commands bind ${bound.join(', ') || 'nothing'}, not ${PACKED_COMMANDS.join(', ')}`,
        );
      const unread = Object.keys(core).filter((key) => !read.has(key));
      if (unread.length)
        problems.push(`the bundle shares ${unread.join(', ')}, which the packed commands never read`);
    } catch (error) {
      problems.push(`the packed commands do not load as a script: ${error.message}`);
    }
    if (/\bimport\s*\(/.test(commands)) problems.push('a dynamic import() remains in the packed commands');
  }
}

const { bytes, parsedBytes, gzipped } = codeSizes(code);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
if (parsedBytes > LIMIT)
  problems.push(
    `${APPS_SCRIPT_OUT} has ${kb(parsedBytes)} of code outside the packed commands; the limit is ${kb(LIMIT)}`,
  );
if (bytes > FILE_LIMIT)
  problems.push(`${APPS_SCRIPT_OUT} is ${kb(bytes)} in all; the limit is ${kb(FILE_LIMIT)}`);

console.log(
  `${APPS_SCRIPT_OUT}: ${kb(parsedBytes)} minified code per execution (limit ${kb(LIMIT)}); ` +
    `${kb(bytes)} file with the packed commands (limit ${kb(FILE_LIMIT)}), ${kb(gzipped)} gzipped; ` +
    `${declared.length} globals: ${declared.join(', ')}`,
);
if (problems.length > 0) {
  for (const problem of problems) console.error(`verify: ${problem}`);
  process.exit(1);
}
