// Spreadsheet: its sheets in order, their names, the zone and the toasts it showed.
import { count, type FakeEnv } from './fake-env.ts';
import { FakeSheet } from './fake-sheet.ts';

export interface Toast {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number | null | undefined;
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: Toast[] = [];

  constructor(readonly env: FakeEnv) {}

  private count(method: string): void {
    count(this.env, `Spreadsheet.${method}`);
  }

  /** Not counted: Sheets keeps sheet names unique ignoring case, and at most 100 characters. */
  checkName(name: string, self?: FakeSheet): void {
    if (typeof name !== 'string' || name.trim() === '') throw new Error('fake: a sheet needs a name');
    if (name.length > 100)
      throw new Error(`fake: sheet name of ${name.length} characters (Sheets allows 100)`);
    if (this.sheets.some((sheet) => sheet !== self && sheet.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  /** Not counted: adds a sheet (for seeding and for insertSheet). */
  addSheet(name: string, index = this.sheets.length, rows?: number, columns?: number): FakeSheet {
    this.checkName(name);
    if (!Number.isInteger(index) || index < 0 || index > this.sheets.length) {
      throw new Error(`fake: sheet index ${index} is outside 0..${this.sheets.length}`);
    }
    const sheet = new FakeSheet(this, name, rows, columns);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** Not counted: the sheet with exactly this name. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  getSheets(): FakeSheet[] {
    this.count('getSheets');
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.count('getSheetByName');
    return this.sheet(name) ?? null;
  }
  insertSheet(name: string, index?: number): FakeSheet {
    this.count('insertSheet');
    return this.addSheet(name, index);
  }
  deleteSheet(sheet: FakeSheet): void {
    this.count('deleteSheet');
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw new Error('fake: that sheet is not in this spreadsheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(index, 1);
  }
  getSpreadsheetTimeZone(): string {
    this.count('getSpreadsheetTimeZone');
    return this.env.timeZone;
  }
  toast(message: string, title?: string, timeoutSeconds?: number | null): void {
    this.count('toast');
    if (typeof message !== 'string') throw new Error('fake: toast takes a string');
    this.toasts.push({ message, title: title ?? '', timeoutSeconds });
  }
}
