// Code.js holds the code in two packed parts, each a bundle deflated and base-91-encoded
// (packed-text.ts) in one string literal. A string is scanned, not compiled, so an execution
// compiles only the part it runs: a custom-function call the functions' part, a menu command or
// onEdit the commands' part as well, which takes the core code both run from the functions'
// part instead of holding a second copy. A part is expanded in plain JavaScript (inflate.ts) —
// Apps Script's Utilities.ungzip is a slow service call — and evaluated once per execution.
import type * as Commands from './commands-main.ts';
import type * as Functions from './functions-main.ts';
import { inflateRaw } from './inflate.ts';
import { decodePacked } from './packed-text.ts';

// Replaced at build time: the packed parts, the global each part's script binds, and the name
// under which the commands' part finds the core exports the functions' part shares.
declare const FUNCTIONS_PACKED: string;
declare const COMMANDS_PACKED: string;
declare const FUNCTIONS_GLOBAL: string;
declare const COMMANDS_GLOBAL: string;
declare const SHARED_PARAMETER: string;

type FunctionsPart = typeof Functions & { readonly core: object };
type CommandsPart = typeof Commands;

/** A packed part evaluated as a function body, so its one `var` stays local; returns its exports. */
function expand<Part>(packed: string, global: string, shared?: object): Part {
  const source = inflateRaw(decodePacked(packed));
  return new Function(SHARED_PARAMETER, `${source}\nreturn ${global};`)(shared) as Part;
}

let functionsPart: FunctionsPart | undefined;
let commandsPart: CommandsPart | undefined;

export function functions(): FunctionsPart {
  return (functionsPart ??= expand<FunctionsPart>(FUNCTIONS_PACKED, FUNCTIONS_GLOBAL));
}

export function commands(): CommandsPart {
  return (commandsPart ??= expand<CommandsPart>(COMMANDS_PACKED, COMMANDS_GLOBAL, functions().core));
}
