// Turns the two stored date forms (day serials, `t="d"` ISO text) into calendar dates, no time zone.

const DAY_MS = 86_400_000;
/** The day before serial 1 in the 1900 system once Excel's phantom 1900-02-29 is accounted for. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last date Excel can show. */
const LAST_DAY_1900 = 2_958_465;

function isoOf(ms: number): string | undefined {
  const date = new Date(ms);
  const y = date.getUTCFullYear();
  if (y < 1 || y > 9999) return undefined;
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/**
 * The calendar date (`YYYY-MM-DD`) a day serial shows, or undefined when Excel shows no date.
 * The time of day is dropped after rounding to the millisecond, as Excel does before it
 * formats (so 45000.99999999999 is still day 45000, not the next day).
 *
 * 1900 system: serial 1 is 1900-01-01. Excel (after Lotus 1-2-3) counts a 1900-02-29 that never
 * was, serial 60; from 61 (1900-03-01) on, serials are one more than the true day count. We read
 * 1-59 as their real dates, 60 as 1900-02-28 (the same choice as openpyxl: the phantom day
 * cannot be a DateCell, and the day before it is what a user typing it most likely meant), and
 * 61+ correctly. Serials below 1 (a bare time, Excel's 1900-01-00) are not dates.
 * 1904 system: serial 0 is 1904-01-01; negative serials are not dates.
 * @example serialToIso(44742, false) // '2022-06-30'
 * @example serialToIso(0, true) // '1904-01-01'
 */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  if (date1904) return day < 0 || day > LAST_DAY_1900 - 1462 ? undefined : isoOf(EPOCH_1904 + day * DAY_MS);
  if (day < 1 || day > LAST_DAY_1900) return undefined;
  if (day < 60) return isoOf(EPOCH_1900 + (day + 1) * DAY_MS);
  if (day === 60) return '1900-02-28';
  return isoOf(EPOCH_1900 + day * DAY_MS);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/**
 * The calendar part of a `t="d"` value (`2022-08-15`, `2022-08-15T10:30:00`, maybe with a zone
 * suffix): the date as written, never shifted by a time zone. Undefined when it is no real date.
 * @example isoDateText('2022-08-15T10:30:00Z') // '2022-08-15'
 */
export function isoDateText(text: string): string | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const iso = isoOf(ms);
  // Date.UTC rolls 2022-02-30 over to March; a real date survives the round trip unchanged.
  return iso === `${y}-${m}-${d}` ? iso : undefined;
}
