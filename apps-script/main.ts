// The bundle's entry: binds the globals Code.js exposes (see globals.ts); nothing runs on load.
import { customFunction } from './functions.ts';

export { onOpen } from './on-open.ts';
export { onEdit } from './on-edit.ts';
export { generateQuarterlyRegister, setUpSheets, validateRegister } from './commands.ts';

export const RISKSCORE = customFunction('RISKSCORE');
export const RISKRATING = customFunction('RISKRATING');
export const RISKTREND = customFunction('RISKTREND');
