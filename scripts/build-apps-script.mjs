// Builds dist/apps-script/Code.js: the Apps Script project's one script file. Its code is a
// small IIFE (no import/export: Apps Script has no modules) assigned to one global, holding two
// packed parts in string literals — the custom functions' bundle and the menu commands' and
// onEdit's bundle, each deflated — that apps-script/lazy.ts expands when first used, so an
// execution compiles only the part it runs. It is followed by the top-level function
// declarations Sheets and the menu call, each with the JSDoc that makes Sheets list RISKSCORE &
// co. as custom functions. The declarations come from apps-script/globals.ts, which derives the
// custom functions from the core's RISK_FUNCTIONS.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateAsync } from '@gfx/zopfli';
import { importTs } from './import-ts.mjs';
import { gzipSync, inflateRawSync } from 'node:zlib';

export const APPS_SCRIPT_GLOBAL = 'RiskRegister';
export const APPS_SCRIPT_OUT = 'dist/apps-script/Code.js';

/**
 * Size budgets of Code.js, in KB of minified code, held by `npm run verify` and `npm run bench
 * -- --check`: the whole file, which every execution loads (the issue's budget, and its aim),
 * and the code a custom-function call compiles — the file without its packed literals, and the
 * functions' part it expands — a ceiling of our own, so that part cannot grow unseen.
 */
// perCallKb was 32 until issue #16: a call reads the Scoring sheet, which gained an Appetite
// section and ratings-only matrices (about 3.5 KB more of reader and checks).
export const APPS_SCRIPT_BUDGETS = { fileKb: 50, fileAimKb: 30, perCallKb: 36 };

/** GLOBAL_FUNCTIONS from apps-script/globals.ts. */
export async function globalFunctions() {
  return (await importTs('apps-script/globals.ts')).GLOBAL_FUNCTIONS;
}

/** apps-script/packed-text.ts: the base-91 text of the packed parts, and back. */
export const packedText = () => importTs('apps-script/packed-text.ts');

/** JSDoc text cannot hold `*\/`, and each line needs its ` * `. */
function docLine(text) {
  return text.replace(/\*\//g, '*\u2215').replace(/\s*\n\s*/g, ' ');
}

export function declaration(fn) {
  const lines = ['/**', ` * ${docLine(fn.description)}`];
  if (fn.parameters.length > 0 || fn.returns || fn.customFunction) lines.push(' *');
  for (const p of fn.parameters) lines.push(` * @param {${p.type}} ${p.name} ${docLine(p.description)}`);
  if (fn.returns) lines.push(` * @return ${docLine(fn.returns)}`);
  if (fn.customFunction) lines.push(' * @customfunction');
  lines.push(' */');
  const params = fn.parameters.map((p) => p.name).join(', ');
  lines.push(
    `function ${fn.name}(${params}) {`,
    `  return ${APPS_SCRIPT_GLOBAL}.${fn.name}(${params});`,
    '}',
  );
  return lines.join('\n');
}

/**
 * The core's modules run nothing when loaded (no top-level statements but declarations;
 * test/apps-script/core-side-effects.test.ts checks), so a module
 * whose exports a bundle does not use is left out whole, with its constants.
 */
const coreWithoutSideEffects = {
  name: 'core-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /\.ts$/ }, async (args) => {
      if (args.pluginData === 'resolved' || !args.path.startsWith('.')) return undefined;
      const resolved = await b.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        importer: args.importer,
        pluginData: 'resolved',
      });
      if (resolved.errors.length > 0) return undefined;
      return relative(resolved.path).startsWith('core/') ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

/** The options both bundles share. */
const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'iife',
  // Apps Script's V8 runtime runs ES2020 (and more); es2020 keeps ?? and ?. as written.
  target: 'es2020',
  minify: true,
  // The packed parts are expanded a byte to a character (apps-script/inflate.ts), so every
  // bundle is ASCII: ↑ ↓ ↔ × — are written as \uXXXX escapes.
  charset: 'ascii',
  treeShaking: true,
  drop: ['debugger'],
  write: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [coreWithoutSideEffects],
  // Class fields as assignments in the constructor: at es2020 esbuild would otherwise define
  // each through a helper (__publicField) in both parts.
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
};

/** The global the functions' part (apps-script/functions-main.ts) binds when lazy.ts evaluates it. */
export const FUNCTIONS_GLOBAL = 'RiskRegisterFunctions';
/** The global the commands' part (apps-script/commands-main.ts) binds when lazy.ts evaluates it. */
export const COMMANDS_GLOBAL = 'RiskRegisterCommands';
/** The key of the functions' part holding the core exports the commands' part takes from it. */
export const SHARED_KEY = 'core';
/** The name under which lazy.ts hands those exports to the commands' part (a parameter of its body). */
export const SHARED_PARAMETER = 'RiskRegisterShared';

const ROOT = process.cwd();
/** A module's path as the metafile names it (relative, with /). */
const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');
/** The entries and the core's barrel hold no code of their own; every other module can be shared. */
const NOT_SHARED = new Set([
  'core/index.ts',
  'apps-script/functions-main.ts',
  'apps-script/commands-main.ts',
]);
const isShareable = (input) => /^(core|apps-script)\//.test(input) && !NOT_SHARED.has(input);

/**
 * What the custom functions' bundle holds, module by module: for each core module it includes,
 * the exports whose declarations it keeps (read from a build without minification, where each
 * module's code follows a `// core/…` line and keeps its names). Only those can be shared: any
 * other export of the module would add code to every custom-function call.
 */
async function heldExports() {
  const analysis = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: ['apps-script/functions-main.ts'],
    format: 'esm',
    minify: false,
  });
  const text = analysis.outputFiles[0].text;
  const modules = Object.keys(analysis.metafile.inputs).filter(isShareable);
  const declared = new Map();
  let current;
  for (const line of text.split('\n')) {
    const section = /^\/\/ (\S+\.ts)$/.exec(line);
    if (section) current = declared.get(section[1]) ?? declared.set(section[1], new Set()).get(section[1]);
    const name = /^(?:async )?(?:function\*? |var |let |const |class )([\w$]+)/.exec(line)?.[1];
    if (name && current) current.add(name);
  }
  const exported = await build({
    entryPoints: modules,
    bundle: false,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'dist/apps-script/exports',
    logLevel: 'warning',
  });
  const held = new Map();
  for (const output of Object.values(exported.metafile.outputs)) {
    const names = output.exports.filter((name) => declared.get(output.entryPoint)?.has(name));
    held.set(output.entryPoint, { exports: output.exports, held: names });
  }
  return { held, inputs: analysis.metafile.inputs };
}

/**
 * Resolves each core module the custom functions' bundle holds to a shim that takes the held
 * exports from `shared(module)` and only the others from the module itself (tree-shaken as usual).
 */
function sharedCorePlugin(held, shared) {
  return {
    name: 'shared-core',
    setup(b) {
      b.onResolve({ filter: /^real:/ }, (args) => ({
        path: args.path.slice('real:'.length),
        sideEffects: false,
      }));
      b.onResolve({ filter: /^shared:/ }, (args) => shared(args.path.slice('shared:'.length)));
      b.onResolve({ filter: /\.ts$/ }, (args) => {
        if (args.namespace !== 'file' || !args.path.startsWith('.')) return undefined;
        const module = relative(path.resolve(args.resolveDir, args.path));
        if (!isShareable(module) || !(held.get(module)?.held.length > 0)) return undefined;
        return { path: module, namespace: 'shared-core' };
      });
      b.onLoad({ filter: /.*/, namespace: 'shared-core' }, (args) => {
        const { exports, held: names } = held.get(args.path);
        const own = exports.filter((name) => !names.includes(name));
        const lines = [`export { ${names.join(', ')} } from ${JSON.stringify(`shared:${args.path}`)};`];
        if (own.length)
          lines.push(
            `export { ${own.join(', ')} } from ${JSON.stringify(`real:${path.join(ROOT, args.path)}`)};`,
          );
        return { contents: lines.join('\n'), resolveDir: ROOT, loader: 'js' };
      });
    },
  };
}

/** The module of the shims that holds the shared exports, read once. */
const SHARED_OBJECT = 'shared-object';

/** Short keys for the shared exports: a, b, …, z, A, …, then aa, ab… */
function shortKey(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let key = '';
  let n = index;
  do {
    key = letters[n % letters.length] + key;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return key;
}

/**
 * The commands bundle without the core code the custom functions' bundle already holds: the
 * exports of the held modules come from its `core` object (SHARED_PARAMETER), by short keys. First built as
 * a module with those imports left external, which names exactly the imports the commands use;
 * then wrapped as a script whose shims read them from the global.
 */
async function buildCommands(held) {
  const staged = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: ['apps-script/commands-main.ts'],
    format: 'esm',
    plugins: [
      sharedCorePlugin(held, (module) => ({ path: `shared:${module}`, external: true })),
      coreWithoutSideEffects,
    ],
  });
  const esm = staged.outputFiles[0].text;
  const used = new Map();
  for (const [, list, module] of esm.matchAll(/import\s*\{([^}]*)\}\s*from\s*"shared:([^"]+)"/g)) {
    const names = used.get(module) ?? used.set(module, new Set()).get(module);
    for (const specifier of list.split(',')) names.add(specifier.trim().split(/\s+as\s+/)[0]);
  }
  const shared = [...used]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([module, names]) => [...names].sort().map((name) => ({ module, name })));
  shared.forEach((entry, index) => (entry.key = shortKey(index)));
  for (const { module, name } of shared) {
    if (!held.get(module)?.held.includes(name))
      throw new Error(
        `build: the commands take ${name} of ${module} from the functions' bundle, which does not hold it`,
      );
  }
  // The shims read the one object the custom functions' bundle exposes.
  const shim = (module) =>
    module === SHARED_OBJECT
      ? `export var core = ${SHARED_PARAMETER};`
      : `import { core } from '${SHARED_OBJECT}';\n` +
        shared
          .filter((entry) => entry.module === module)
          .map((entry) => `export var ${entry.name} = core.${entry.key};`)
          .join('\n');
  const commands = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: ['apps-script/commands-main.ts'],
    format: 'esm',
    plugins: [
      // Only the exports the commands use come from the shims; the rest are not used at all.
      sharedCorePlugin(
        new Map(
          [...held].map(([module, { exports }]) => [
            module,
            { exports, held: [...(used.get(module) ?? [])] },
          ]),
        ),
        (module) => ({ path: module, namespace: 'shared-shim' }),
      ),
      coreWithoutSideEffects,
      {
        name: 'shared-core-shims',
        setup(b) {
          b.onResolve({ filter: new RegExp(`^${SHARED_OBJECT}$`) }, () => ({
            path: SHARED_OBJECT,
            namespace: 'shared-shim',
          }));
          b.onLoad({ filter: /.*/, namespace: 'shared-shim' }, (args) => ({
            contents: shim(args.path),
            loader: 'js',
            resolveDir: ROOT,
          }));
        },
      },
    ],
  });
  return {
    code: asScript(commands.outputFiles[0].text, COMMANDS_GLOBAL),
    shared,
    metafile: commands.metafile,
  };
}

/**
 * A minified module bundle as a script binding one global to its exports:
 * `var name=(()=>{…;return{…}})();`. esbuild's own IIFE with `globalName` builds the same object
 * through its module-namespace helpers (getters, `__esModule`), about 450 bytes the runtime
 * never needs: the module's one trailing (any other `export` fails `npm run verify`'s parse) `export{a as b,…}` becomes the returned object.
 */
export function asScript(esm, name) {
  const match = /export\s*\{([^}]*)\};?\s*$/.exec(esm);
  if (!match) throw new Error(`build: the ${name} bundle must end in its one export clause`);
  const entries = match[1]
    .split(',')
    .map((specifier) => specifier.trim().split(/\s+as\s+/))
    .map(([local, exported = local]) => (local === exported ? local : `${exported}:${local}`));
  return `var ${name}=(()=>{${esm.slice(0, match.index).trimEnd()}return{${entries.join(',')}}})();`;
}

/** The entry of the custom functions' bundle: apps-script/functions-main.ts and, as `core`, the shared exports. */
function functionsEntry(shared) {
  const imports = shared.map(
    (entry, index) => `import { ${entry.name} as s${index} } from ${JSON.stringify(`./${entry.module}`)};`,
  );
  const object = shared.map((entry, index) => `${entry.key}: s${index}`).join(', ');
  return {
    contents: [
      `export * from './apps-script/functions-main.ts';`,
      ...imports,
      `export const ${SHARED_KEY} = { ${object} };`,
    ].join('\n'),
    resolveDir: ROOT,
    sourcefile: 'apps-script/entry.js',
    loader: 'js',
  };
}

/** A part's script deflated (Zopfli: 3% smaller than zlib's best, in half a second) and in base 91. */
async function pack(script, encodePacked) {
  if (!/^[\x00-\x7f]*$/.test(script)) throw new Error('build: a packed part must be ASCII');
  return encodePacked(await deflateAsync(Buffer.from(script), { numiterations: 15 }));
}

/**
 * Code.js: the entry (apps-script/main.ts) with the custom functions' part
 * (apps-script/functions-main.ts) and the commands' part (apps-script/commands-main.ts) packed
 * in it, then the global declarations.
 */
export async function buildAppsScript() {
  const functions = await globalFunctions();
  const { held, inputs: heldInputs } = await heldExports();
  const { code: commandsCode, shared, metafile: commandsMeta } = await buildCommands(held);
  // Sharing must not add code to the custom functions' bundle: each core module keeps the size
  // it has without the `core` object (compared unminified, where names do not shift).
  const check = await build({
    ...BUNDLE_OPTIONS,
    stdin: functionsEntry(shared),
    format: 'esm',
    minify: false,
  });
  for (const [input, { bytesInOutput }] of Object.entries(check.metafile.inputs)) {
    if (isShareable(input) && bytesInOutput !== heldInputs[input]?.bytesInOutput)
      throw new Error(`build: sharing ${input} with the commands adds code to the custom functions' bundle`);
  }
  const functionsPart = await build({ ...BUNDLE_OPTIONS, stdin: functionsEntry(shared), format: 'esm' });
  const functionsCode = asScript(functionsPart.outputFiles[0].text, FUNCTIONS_GLOBAL);
  const { encodePacked } = await packedText();
  const packed = {
    FUNCTIONS_PACKED: await pack(functionsCode, encodePacked),
    COMMANDS_PACKED: await pack(commandsCode, encodePacked),
  };
  const entry = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: ['apps-script/main.ts'],
    format: 'esm',
    define: Object.fromEntries(
      Object.entries({ ...packed, FUNCTIONS_GLOBAL, COMMANDS_GLOBAL, SHARED_PARAMETER }).map(
        ([name, value]) => [name, JSON.stringify(value)],
      ),
    ),
  });
  const bundle = asScript(entry.outputFiles[0].text, APPS_SCRIPT_GLOBAL);
  for (const part of Object.values(packed)) {
    if (bundle.split(JSON.stringify(part)).length !== 2)
      throw new Error('build: each packed part must appear exactly once in Code.js');
  }
  const header =
    '// Risk register toolkit for Google Sheets. Generated by scripts/build-apps-script.mjs: do not edit.';
  const code = `${header}\n${bundle}\n\n${functions.map(declaration).join('\n\n')}\n`;
  mkdirSync('dist/apps-script', { recursive: true });
  // Written whole then renamed: test files running in parallel may build at the same time.
  const temporary = `${APPS_SCRIPT_OUT}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, APPS_SCRIPT_OUT);
  const meta = { entry: entry.metafile, functions: functionsPart.metafile, commands: commandsMeta, shared };
  writeFileSync(`dist/apps-script/meta.${process.pid}.tmp`, JSON.stringify(meta));
  renameSync(`dist/apps-script/meta.${process.pid}.tmp`, 'dist/apps-script/meta.json');
  return { file: APPS_SCRIPT_OUT, ...(await codeSizes(code)), shared: shared.length };
}

/** The string literals holding the packed parts in base 91 ('!'..'~' but '"', '\\', '`'): the ones this long. */
export const PACKED_LITERAL = /"[!#-[\]-_a-~]{1000,}"/g;

/** The packed parts of a Code.js: each literal and the script it holds, in the order they appear. */
export async function packedParts(code) {
  const { decodePacked } = await packedText();
  return [...code.matchAll(PACKED_LITERAL)].map(([literal]) => ({
    literal,
    script: inflateRawSync(Buffer.from(decodePacked(JSON.parse(literal)))).toString('latin1'),
  }));
}

/**
 * Sizes of a Code.js: `bytes` the whole file and `gzipped` it gzipped; `parsedBytes` the code a
 * custom-function call compiles (the file without its packed literals, and the functions' part
 * it expands); `commandsBytes` the commands' part a command compiles as well.
 */
export async function codeSizes(code) {
  const parts = await packedParts(code);
  const part = (global) => parts.find(({ script }) => script.startsWith(`var ${global}=`));
  const functions = part(FUNCTIONS_GLOBAL);
  const commands = part(COMMANDS_GLOBAL);
  if (!functions || !commands) throw new Error(`${APPS_SCRIPT_OUT} lacks a packed part`);
  const bytes = Buffer.byteLength(code);
  const literals = parts.reduce((sum, { literal }) => sum + literal.length, 0);
  return {
    bytes,
    gzipped: gzipSync(code).length,
    parsedBytes: bytes - literals + functions.script.length,
    commandsBytes: commands.script.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { file, bytes, parsedBytes, gzipped, commandsBytes } = await buildAppsScript();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `${file}  ${kb(bytes)} (${kb(gzipped)} gzipped); a custom-function call compiles ${kb(parsedBytes)}, ` +
      `a command ${kb(commandsBytes)} more`,
  );
}
