// The Risk register menu: each item's caption and the global it calls. Only these reach the
// script; the declarations' JSDoc describes each item (MENU_DESCRIPTIONS in globals.ts, build time).
export const MENU_TITLE = 'Risk register';

/** An item of the menu: its caption, and the name of the global it calls. */
export type MenuItem = readonly [caption: string, functionName: string];

export const MENU_ITEMS = [
  ['Generate quarterly register…', 'generateQuarterlyRegister'],
  ['Validate register', 'validateRegister'],
  ['Set up sheets', 'setUpSheets'],
] as const satisfies readonly MenuItem[];

/** The globals the menu calls. */
export type MenuFunction = (typeof MENU_ITEMS)[number][1];
