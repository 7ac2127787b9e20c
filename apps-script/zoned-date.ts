// Calendar dates → the Date Sheets stores for them: local midnight in the spreadsheet's zone.
import type { UtilitiesApi } from './sheets-api.ts';

const STAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

function parts(text: string): number[] {
  const match = STAMP.exec(text);
  if (!match) throw new Error(`unexpected date text ${JSON.stringify(text)}`);
  return match.slice(1).map(Number);
}

/**
 * Dates for calendar dates in one zone. Sheets keeps a date as a day number in the
 * spreadsheet's zone, so a Date must be that zone's midnight (2022-07-01 in London is
 * 2022-06-30T23:00Z); UTC midnight would read back as 01:00 on the day, or as the day before in
 * zones west of UTC. The zone's offset comes from Utilities.formatDate, the one zone-aware
 * formatter Apps Script guarantees; results are cached per date.
 */
export function zonedDates(zone: string, utilities: UtilitiesApi): (iso: string) => Date {
  const cache = new Map<string, Date>();
  return (iso) => {
    let date = cache.get(iso);
    if (date) return date;
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const target = Date.UTC(y, m - 1, d);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || new Date(target).toISOString().slice(0, 10) !== iso) {
      throw new RangeError(`${JSON.stringify(iso)} is not a calendar date (YYYY-MM-DD).`);
    }
    let ms = target;
    // The local time of the candidate, minus midnight, is how far off it is; twice settles a DST change.
    for (let i = 0; i < 3; i++) {
      const [ly, lm, ld, lh, lmin] = parts(utilities.formatDate(new Date(ms), zone, 'yyyy-MM-dd HH:mm')) as [
        number,
        number,
        number,
        number,
        number,
      ];
      const off = Date.UTC(ly, lm - 1, ld, lh, lmin) - target;
      if (off === 0) break;
      ms -= off;
    }
    date = new Date(ms);
    cache.set(iso, date);
    return date;
  };
}
