/**
 * The Utilities calls the script makes, modelled on Apps Script's: dates (formatDate) only.
 * Each call is counted by name in `calls`, apart from the Spreadsheet calls.
 */
import { isoInZone, stampInZone } from './zone.ts';

export interface FakeUtilities {
  readonly calls: Map<string, number>;
  formatDate(date: Date, timeZone: string, format: string): string;
}

export function createUtilities(): FakeUtilities {
  const calls = new Map<string, number>();
  const counted = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);
  return {
    calls,
    formatDate(date, timeZone, format) {
      counted('formatDate');
      if (Object.prototype.toString.call(date) !== '[object Date]')
        throw new Error('fake: formatDate needs a Date');
      if (format === 'yyyy-MM-dd') return isoInZone(date.getTime(), timeZone);
      if (format === 'yyyy-MM-dd HH:mm') return stampInZone(date.getTime(), timeZone);
      throw new Error(`fake: only the formats yyyy-MM-dd and yyyy-MM-dd HH:mm are modelled, not ${format}`);
    },
  };
}
