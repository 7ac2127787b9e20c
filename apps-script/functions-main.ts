// The first packed part's entry: the custom functions. Every custom-function call expands and
// compiles this part (see lazy.ts), so it holds only what they run; the build adds the core
// exports it shares with the commands' part.
import { customFunction } from './functions.ts';

export const RISKSCORE = customFunction('RISKSCORE');
export const RISKRATING = customFunction('RISKRATING');
export const RISKTREND = customFunction('RISKTREND');
