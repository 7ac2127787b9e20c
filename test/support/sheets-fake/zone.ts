// Calendar dates and instants in a named time zone, as Sheets stores and returns them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface ZoneParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function zoneParts(ms: number, timeZone: string): ZoneParts {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Milliseconds the zone is ahead of UTC at an instant (London: 0 in winter, 3,600,000 in summer). */
function offsetAt(ms: number, timeZone: string): number {
  const p = zoneParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The calendar date of an instant in the zone, `YYYY-MM-DD`. */
export function isoInZone(ms: number, timeZone: string): string {
  const p = zoneParts(ms, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of local midnight starting a calendar date: 2022-07-01 in London is 2022-06-30T23:00Z. */
export function localMidnight(iso: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`fake: ${JSON.stringify(iso)} is not YYYY-MM-DD`);
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  let ms = utc - offsetAt(utc, timeZone);
  ms = utc - offsetAt(ms, timeZone);
  return ms;
}

/** Local date and time of an instant in the zone, `YYYY-MM-DD HH:mm`. */
export function stampInZone(ms: number, timeZone: string): string {
  const p = zoneParts(ms, timeZone);
  return `${isoInZone(ms, timeZone)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
