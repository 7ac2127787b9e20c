import tseslint from 'typescript-eslint';

// Host APIs that must never appear in core/: the core is bundled into Apps Script, an
// Office.js add-in and a Node CLI, so it may only use the ECMAScript library.
const hostGlobals = [
  'SpreadsheetApp',
  'Utilities',
  'Session',
  'Excel',
  'Office',
  'CustomFunctions',
  'document',
  'window',
  'navigator',
  'process',
  'Buffer',
  'require',
  'global',
  'globalThis',
  'setTimeout',
  'setInterval',
  'fetch',
  'console',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Hosts and scripts reach the core through its one public surface, so what a host bundles
    // is what core/index.ts exports and the core can be regrouped without touching a host.
    files: [
      'cli/**/*.ts',
      'apps-script/**/*.ts',
      'excel-addin/**/*.ts',
      'scripts/**/*.ts',
      'scripts/**/*.mjs',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)core/(?!index\\.ts$).+', message: 'Import the core through core/index.ts only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'core/ must not use Node built-ins.' },
            { group: ['exceljs', 'exceljs/*', 'jszip'], message: 'core/ must not touch exceljs: hosts do.' },
            {
              group: ['fs', 'path', 'os', 'child_process', 'url', 'util', 'stream', 'crypto'],
              message: 'core/ must not use Node built-ins.',
            },
            {
              group: ['../cli/*', '../apps-script/*', '../excel-addin/*', '../../cli/*'],
              message: 'core/ must not import a host.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...hostGlobals.map((name) => ({ name, message: `core/ must not use the host global ${name}.` })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No hidden clock in core/: pass the date in.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No hidden clock in core/: pass the date in.',
        },
      ],
    },
  },
  {
    // apps-script/ reaches SpreadsheetApp & co. only through host() in sheets-api.ts, so tests can
    // hand it the fake and the real types are checked against the small interfaces it uses.
    files: ['apps-script/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Repeated from the hosts' rule above: a later rule replaces its options whole.
            { regex: '(^|/)core/(?!index\\.ts$).+', message: 'Import the core through core/index.ts only.' },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'util'],
              message: 'Apps Script has no Node built-ins.',
            },
            {
              group: ['exceljs', 'exceljs/*', 'jszip', '../cli/*', '../excel-addin/*', '../test/*'],
              message: 'apps-script/ bundles the core only.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['SpreadsheetApp', 'Utilities', 'Session', 'Browser', 'PropertiesService', 'Logger'].map(
          (name) => ({ name, message: `Reach ${name} through host() in apps-script/sheets-api.ts.` }),
        ),
        ...['document', 'window', 'process', 'Buffer', 'require', 'setTimeout', 'setInterval', 'fetch'].map(
          (name) => ({ name, message: `Apps Script has no ${name}.` }),
        ),
      ],
    },
  },
);
