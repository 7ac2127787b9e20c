// The bundle's entry: binds the globals Code.js exposes (see globals.ts); nothing runs on load.
// The custom functions and onOpen are here; the menu commands and onEdit come from lazy.ts.
import { customFunction } from './functions.ts';

export { onOpen } from './on-open.ts';
export { generateQuarterlyRegister, onEdit, setUpSheets, validateRegister } from './lazy.ts';

export const RISKSCORE = customFunction('RISKSCORE');
export const RISKRATING = customFunction('RISKRATING');
export const RISKTREND = customFunction('RISKTREND');
