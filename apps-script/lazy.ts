// The menu commands and onEdit, loaded on first use. Code.js holds their bundle (built from
// commands-main.ts) gzipped and base-91-encoded (packed-text.ts) in one string literal: a string is scanned, not
// compiled, so each custom-function call parses only the code custom functions run. A command
// expands it with Apps Script's own Utilities and evaluates it once per execution.
import type * as Commands from './commands-main.ts';
import { decodePacked } from './packed-text.ts';
import { host } from './sheets-api.ts';

/** Replaced at build time by the gzipped, base-91-encoded commands bundle (an IIFE binding COMMANDS_GLOBAL). */
declare const COMMANDS_PACKED: string;
/** The global name the commands bundle assigns, also replaced at build time. */
declare const COMMANDS_GLOBAL: string;

type CommandsModule = typeof Commands;

let loaded: CommandsModule | undefined;

function commands(): CommandsModule {
  if (loaded) return loaded;
  const { Utilities } = host();
  const source = Utilities.ungzip(
    Utilities.newBlob(decodePacked(COMMANDS_PACKED), 'application/x-gzip'),
  ).getDataAsString();
  // Evaluated as a function body, so its one `var` stays local and it returns the commands.
  loaded = new Function(`${source}\nreturn ${COMMANDS_GLOBAL};`)() as CommandsModule;
  return loaded;
}

export const onEdit: CommandsModule['onEdit'] = (e) => commands().onEdit(e);
export const generateQuarterlyRegister: CommandsModule['generateQuarterlyRegister'] = () =>
  commands().generateQuarterlyRegister();
export const validateRegister: CommandsModule['validateRegister'] = () => commands().validateRegister();
export const setUpSheets: CommandsModule['setUpSheets'] = () => commands().setUpSheets();
