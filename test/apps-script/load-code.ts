// Loads the built dist/apps-script/Code.js into a fresh vm context wired to the SpreadsheetApp fake.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { RISK_FUNCTIONS, type SheetGrid } from '../../core/index.ts';
import { createSheetsFake, type SheetsFake, type SheetsFakeOptions } from '../support/sheets-fake/index.ts';

let built: Promise<string> | undefined;

/** Builds Code.js once per test file, so tests always run the bundle the sources make. */
export function builtCode(): Promise<string> {
  built ??= (async () => {
    // @ts-expect-error: a plain .mjs build script without type declarations.
    const { buildAppsScript } = await import('../../scripts/build-apps-script.mjs');
    const { file } = (await buildAppsScript()) as { file: string };
    return readFileSync(file, 'utf8');
  })();
  return built;
}

export interface LoadedScript {
  readonly fake: SheetsFake;
  /** The script's global scope: call `script.RISKSCORE(…)` as Sheets would. */
  readonly script: Record<string, (...args: unknown[]) => unknown>;
  /** The context's Date: values handed to the script must come from its own realm. */
  readonly Date: DateConstructor;
  /** Runs code inside the context (to build arguments such as Dates there). */
  run<T>(code: string): T;
}

/** One execution of the script: a new context, as each Sheets execution starts afresh. */
export async function loadScript(
  sheets: readonly SheetGrid[] = [],
  options: Omit<SheetsFakeOptions, 'sheets' | 'Date'> = {},
): Promise<LoadedScript> {
  const code = await builtCode();
  const context = vm.createContext({});
  const ContextDate = vm.runInContext('Date', context) as DateConstructor;
  const fake = createSheetsFake({ ...options, sheets, Date: ContextDate });
  Object.assign(context, fake.globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  // The spreadsheet calculates the script's custom functions, as Sheets would call them.
  const script = context as Record<string, (...args: unknown[]) => unknown>;
  fake.defineCustomFunctions(Object.fromEntries(RISK_FUNCTIONS.map((fn) => [fn.name, script[fn.name]!])));
  return {
    fake,
    script: context as Record<string, (...args: unknown[]) => unknown>,
    Date: ContextDate,
    run: <T>(source: string) => vm.runInContext(source, context) as T,
  };
}
