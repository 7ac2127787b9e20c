// The bundle's entry: what the top-level functions of Code.js forward to (see globals.ts). It
// runs nothing on load; the custom functions are bound from the core's RISK_FUNCTIONS, so a
// new function there reaches Sheets without a line here.
import { RISK_FUNCTIONS, type RiskFunctionName } from '../core/index.ts';
import { customFunction, type CustomFunction } from './functions.ts';

export { onAddonOpen, onOpen } from './on-open.ts';
export { onEdit } from './on-edit.ts';
export { generateQuarterlyRegister, setUpSheets, validateRegister } from './commands.ts';

/** RISKSCORE & co., by name: `function RISKSCORE(…)` in Code.js calls `customFunctions.RISKSCORE`. */
export const customFunctions = Object.fromEntries(
  RISK_FUNCTIONS.map((fn) => [fn.name, customFunction(fn)]),
) as Readonly<Record<RiskFunctionName, CustomFunction>>;
