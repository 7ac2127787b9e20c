// Parses the risk-register command line (PRODUCT §6) into one typed command.
import { parseArgs } from 'node:util';
import { DEFAULT_HISTORY_COUNT } from '../core/index.ts';
import { CommandLineError } from './ui.ts';

export const USAGE = `Usage:
  risk-register init FILE.xlsx [--example] [--actions]
      A new register workbook: Risks, Assessments and Scoring sheets with validation,
      formats and the RISKSCORE, RISKRATING and RISKTREND functions (--example fills it
      with the bundled example register; --actions adds an Actions sheet).
  risk-register validate FILE.xlsx [--matrix M.json] [--json]
      Lists every problem in the workbook by cell.
  risk-register generate FILE.xlsx [--quarter "Q2 2022/23"] [--out OUT.xlsx] [--matrix M.json]
                         [--fy-start N] [--quarters N] [--history N] [--json] [--pdf]
      Writes the quarter's register to a new workbook (the input is never changed);
      --history sets how many quarters the History sheet shows (1-20, default 8).
  risk-register merge A.xlsx B.xlsx … --out CORPORATE.xlsx [--prefix-from-file]
      Combines registers into one workbook, with a Register column saying where each risk
      came from (the inputs are never changed); --prefix-from-file prefixes every ID with
      its file's name so IDs stay unique.
  risk-register demo
      Writes the example workbook and its register into out/ (what npm start runs).

Exit codes: 0 done (warnings allowed), 1 the workbook has errors, 2 usage or file errors.
`;

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'init'; readonly file: string; readonly example: boolean; readonly actions: boolean }
  | {
      readonly name: 'merge';
      readonly files: readonly string[];
      readonly out: string;
      readonly prefixFromFile: boolean;
    }
  | {
      readonly name: 'validate';
      readonly file: string;
      readonly matrix?: string;
      readonly json: boolean;
      readonly fyStart: number;
    }
  | {
      readonly name: 'generate';
      readonly file: string;
      readonly quarter?: string;
      readonly out?: string;
      readonly matrix?: string;
      readonly fyStart: number;
      readonly quarters: number;
      /** Quarters of the History sheet (PRODUCT §8). */
      readonly history: number;
      readonly json: boolean;
      readonly pdf: boolean;
    }
  | { readonly name: 'demo'; readonly outDir: string };

const OPTIONS = {
  example: { type: 'boolean' },
  matrix: { type: 'string' },
  json: { type: 'boolean' },
  quarter: { type: 'string' },
  out: { type: 'string' },
  'fy-start': { type: 'string' },
  quarters: { type: 'string' },
  history: { type: 'string' },
  pdf: { type: 'boolean' },
  actions: { type: 'boolean' },
  'prefix-from-file': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Which options each command takes; anything else is a usage error rather than silently ignored. */
const ALLOWED: Record<string, readonly string[]> = {
  init: ['example', 'actions'],
  merge: ['out', 'prefix-from-file'],
  validate: ['matrix', 'json', 'fy-start'],
  generate: ['quarter', 'out', 'matrix', 'fy-start', 'quarters', 'history', 'json', 'pdf'],
  demo: ['out'],
};

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CommandLineError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === 'help') return { name: 'help' };
  const allowed = ALLOWED[name];
  if (!allowed) throw new CommandLineError(`unknown command "${name}"`);
  for (const option of Object.keys(values)) {
    if (!allowed.includes(option)) throw new CommandLineError(`${name} does not take --${option}`);
  }
  if (name === 'demo') {
    if (rest.length > 0) throw new CommandLineError('demo takes no file');
    return { name, outDir: values.out ?? 'out' };
  }
  if (name === 'merge') return mergeCommand(rest, values.out, values['prefix-from-file'] ?? false);
  if (rest.length !== 1) throw new CommandLineError(`${name} needs exactly one FILE.xlsx`);
  const file = rest[0]!;
  // A macro-enabled workbook (.xlsm) is read like any other: its macros are never run, and what
  // generate writes is a new .xlsx without them. init writes, so it makes .xlsx only.
  const readable = name === 'init' ? /\.xlsx$/i : /\.xls[xm]$/i;
  if (!readable.test(file))
    throw new CommandLineError(
      `${file}: the workbook must be an .xlsx file${name === 'init' ? '' : ' (or a macro-enabled .xlsm)'}`,
    );

  const fyStart = wholeNumberOption('fy-start', values['fy-start'], 4, 1, 12);
  if (name === 'init')
    return { name, file, example: values.example ?? false, actions: values.actions ?? false };
  if (name === 'validate')
    return {
      name,
      file,
      json: values.json ?? false,
      fyStart,
      ...(values.matrix ? { matrix: values.matrix } : {}),
    };
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out))
    throw new CommandLineError(`--out ${values.out}: the register must be an .xlsx file`);
  return {
    name: 'generate',
    file,
    fyStart,
    quarters: wholeNumberOption('quarters', values.quarters, 4, 1, 40),
    history: wholeNumberOption('history', values.history, DEFAULT_HISTORY_COUNT, 1, 20),
    json: values.json ?? false,
    pdf: values.pdf ?? false,
    ...(values.quarter !== undefined ? { quarter: values.quarter } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.matrix !== undefined ? { matrix: values.matrix } : {}),
  };
}

function wholeNumberOption(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  // Whole decimal numbers only: Number() would also take 0x4, 1e1 and ' 4 '.
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CommandLineError(`--${name} ${text}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}

function mergeCommand(files: readonly string[], out: string | undefined, prefixFromFile: boolean): Command {
  if (files.length < 2) throw new CommandLineError('merge needs at least two register workbooks');
  for (const file of files)
    if (!/\.xlsx$/i.test(file)) throw new CommandLineError(`${file}: the workbook must be an .xlsx file`);
  if (out === undefined)
    throw new CommandLineError('merge needs --out CORPORATE.xlsx: it never writes over its inputs');
  if (!/\.xlsx$/i.test(out))
    throw new CommandLineError(`--out ${out}: the merged register must be an .xlsx file`);
  return { name: 'merge', files, out, prefixFromFile };
}
