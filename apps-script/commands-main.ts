// The second bundle's entry: what only the menu commands and onEdit run (jobs, readers, layouts,
// the port). It is stored gzipped in Code.js and expanded on first use (see lazy.ts), so a
// custom-function call never parses it.
export { onEdit } from './on-edit.ts';
export { generateQuarterlyRegister, setUpSheets, validateRegister } from './commands.ts';
