// The onOpen simple trigger: adds the Risk register menu.
import { MENU_ITEMS, MENU_TITLE } from './menu.ts';
import { host } from './sheets-api.ts';

export function onOpen(): void {
  const menu = host().SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const [caption, functionName] of MENU_ITEMS) menu.addItem(caption, functionName);
  menu.addToUi();
}
