// The onOpen simple trigger: adds the Risk register menu (in the Editor add-on, its Extensions submenu).
import { MENU_ITEMS, MENU_TITLE } from './menu.ts';
import type { MenuApi } from './sheets-api.ts';
import { host } from './sheets-api.ts';

function addItems(menu: MenuApi): void {
  for (const [caption, functionName] of MENU_ITEMS) menu.addItem(caption, functionName);
  menu.addToUi();
}

/** The bound script's onOpen: a Risk register menu beside Help. */
export function onOpen(): void {
  addItems(host().SpreadsheetApp.getUi().createMenu(MENU_TITLE));
}

/**
 * The Editor add-on's onOpen and onInstall: the same items under Extensions › Risk register (the
 * add-on's name). createAddonMenu works in AuthMode.NONE, before the add-on is used in a file;
 * it reads nothing of the spreadsheet.
 */
export function onAddonOpen(): void {
  addItems(host().SpreadsheetApp.getUi().createAddonMenu());
}
