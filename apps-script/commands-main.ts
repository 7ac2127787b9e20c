// The second packed part's entry: what only the menu commands and onEdit run (jobs, readers,
// layouts, the port). Expanded only when a command runs (see lazy.ts); the core code the custom
// functions' part holds already comes from that part.
export { onEdit } from './on-edit.ts';
export { generateQuarterlyRegister, setUpSheets, validateRegister } from './commands.ts';
