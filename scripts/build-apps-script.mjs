// Builds dist/apps-script/Code.js: the Apps Script project's one script file. The bundle is an
// IIFE (no import/export: Apps Script has no modules) assigned to one global; it holds the menu
// commands' and onEdit's own bundle gzipped in a string (expanded on first use by
// apps-script/lazy.ts, so custom-function calls never compile it). It is followed by the
// top-level function declarations Sheets and the menu call, each with the JSDoc that makes
// Sheets list RISKSCORE & co. as custom functions. The declarations come from
// apps-script/globals.ts, which derives the custom functions from the core's RISK_FUNCTIONS.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipAsync } from '@gfx/zopfli';
import { gzipSync } from 'node:zlib';

export const APPS_SCRIPT_GLOBAL = 'RiskRegister';
export const APPS_SCRIPT_OUT = 'dist/apps-script/Code.js';

/** A module of apps-script/, bundled on the fly (it is TypeScript) and imported. */
async function importTs(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** GLOBAL_FUNCTIONS from apps-script/globals.ts. */
export async function globalFunctions() {
  return (await importTs('apps-script/globals.ts')).GLOBAL_FUNCTIONS;
}

/** apps-script/packed-text.ts: the base-91 text of the packed commands, and back. */
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
  // Apps Script reads script files as UTF-8, so ↑ ↓ ↔ × — need no \uXXXX escapes.
  charset: 'utf8',
  treeShaking: true,
  drop: ['debugger'],
  write: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [coreWithoutSideEffects],
};

/** The global the commands bundle (apps-script/commands-main.ts) assigns when lazy.ts evaluates it. */
export const COMMANDS_GLOBAL = 'RiskRegisterCommands';
/** The key of APPS_SCRIPT_GLOBAL holding the core exports the commands bundle takes from it. */
export const SHARED_KEY = 'core';

const ROOT = process.cwd();
/** A module's path as the metafile names it (relative, with /). */
const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');
/** The entries and the core's barrel hold no code of their own; every other module can be shared. */
const NOT_SHARED = new Set(['core/index.ts', 'apps-script/main.ts', 'apps-script/commands-main.ts']);
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
    ...EAGER_DEFINES,
    entryPoints: ['apps-script/main.ts'],
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

/** The module of the shims that holds `APPS_SCRIPT_GLOBAL.core`, read once. */
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

const EAGER_DEFINES = { define: { COMMANDS_PACKED: '""', COMMANDS_GLOBAL: JSON.stringify(COMMANDS_GLOBAL) } };

/**
 * The commands bundle without the core code the custom functions' bundle already holds: the
 * exports of the held modules come from `APPS_SCRIPT_GLOBAL.core`, by short keys. First built as
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
      ? `export var core = ${APPS_SCRIPT_GLOBAL}.${SHARED_KEY};`
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

/** The entry of the custom functions' bundle: apps-script/main.ts and, as `core`, the shared exports. */
function eagerEntry(shared) {
  const imports = shared.map(
    (entry, index) => `import { ${entry.name} as s${index} } from ${JSON.stringify(`./${entry.module}`)};`,
  );
  const object = shared.map((entry, index) => `${entry.key}: s${index}`).join(', ');
  return {
    contents: [
      `export * from './apps-script/main.ts';`,
      ...imports,
      `export const ${SHARED_KEY} = { ${object} };`,
    ].join('\n'),
    resolveDir: ROOT,
    sourcefile: 'apps-script/entry.js',
    loader: 'js',
  };
}

/**
 * Code.js: the custom functions' bundle (apps-script/main.ts), which carries the menu commands'
 * and onEdit's bundle (apps-script/commands-main.ts) gzipped and base-91-encoded in one string
 * literal, then the global declarations. `parsedBytes` is what a custom-function call compiles:
 * the file without that literal.
 */
export async function buildAppsScript() {
  const functions = await globalFunctions();
  const { held, inputs: heldInputs } = await heldExports();
  const { code: commandsCode, shared, metafile: commandsMeta } = await buildCommands(held);
  const { encodePacked } = await packedText();
  // Zopfli writes plain gzip (Utilities.ungzip reads it) 3% smaller than zlib's best (level 9,
  // memLevel 9 gives the same bytes as level 9), in half a second.
  const packed = encodePacked(await gzipAsync(Buffer.from(commandsCode), { numiterations: 15 }));
  // Sharing must not add code to the custom functions' bundle: each core module keeps the size
  // it has without the `core` object (compared unminified, where names do not shift).
  const check = await build({
    ...BUNDLE_OPTIONS,
    ...EAGER_DEFINES,
    stdin: eagerEntry(shared),
    format: 'esm',
    minify: false,
  });
  for (const [input, { bytesInOutput }] of Object.entries(check.metafile.inputs)) {
    if (isShareable(input) && bytesInOutput !== heldInputs[input]?.bytesInOutput)
      throw new Error(`build: sharing ${input} with the commands adds code to the custom functions' bundle`);
  }
  const result = await build({
    ...BUNDLE_OPTIONS,
    stdin: eagerEntry(shared),
    format: 'esm',
    define: { COMMANDS_PACKED: JSON.stringify(packed), COMMANDS_GLOBAL: JSON.stringify(COMMANDS_GLOBAL) },
  });
  const bundle = asScript(result.outputFiles[0].text, APPS_SCRIPT_GLOBAL);
  if (bundle.split(JSON.stringify(packed)).length !== 2)
    throw new Error('build: the packed commands must appear exactly once in Code.js');
  const header =
    '// Risk register toolkit for Google Sheets. Generated by scripts/build-apps-script.mjs: do not edit.';
  const code = `${header}\n${bundle}\n\n${functions.map(declaration).join('\n\n')}\n`;
  mkdirSync('dist/apps-script', { recursive: true });
  // Written whole then renamed: test files running in parallel may build at the same time.
  const temporary = `${APPS_SCRIPT_OUT}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, APPS_SCRIPT_OUT);
  const meta = { functions: result.metafile, commands: commandsMeta, shared };
  writeFileSync(`dist/apps-script/meta.${process.pid}.tmp`, JSON.stringify(meta));
  renameSync(`dist/apps-script/meta.${process.pid}.tmp`, 'dist/apps-script/meta.json');
  return {
    file: APPS_SCRIPT_OUT,
    ...codeSizes(code),
    commandsBytes: Buffer.byteLength(commandsCode),
    shared: shared.length,
  };
}

/** The string literal holding the gzipped commands bundle in base 91 ('!'..'~' but '"', '\\', '`'): the one this long. */
export const PACKED_LITERAL = /"[!#-[\]-_a-~]{1000,}"/;

/**
 * Sizes of a Code.js: `bytes` the whole file, `parsedBytes` the code compiled on every execution
 * (the file without the packed literal), `gzipped` the whole file gzipped.
 */
export function codeSizes(code) {
  const bytes = Buffer.byteLength(code);
  const literal = PACKED_LITERAL.exec(code)?.[0] ?? '';
  return { bytes, parsedBytes: bytes - Buffer.byteLength(literal), gzipped: gzipSync(code).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { file, bytes, parsedBytes, gzipped, commandsBytes } = await buildAppsScript();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `${file}  ${kb(parsedBytes)} minified code parsed per execution (${kb(bytes)} file, ${kb(gzipped)} gzipped; ` +
      `commands bundle ${kb(commandsBytes)} minified, packed)`,
  );
}
