// Strict parsing and clock-free formatting of frontmatter dates.

export type ParsedDate = { ok: true; iso: string; time: number } | { ok: false; reason: string };

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Accepts `2023-03-01`, `2023-03-01T09:30`, `2023-03-01 09:30:00Z`, `2023-03-01T09:30:00+02:00`.
 * A time without a zone is read as UTC so that a build gives the same order on every machine.
 * Impossible dates are refused rather than rolled over (JavaScript turns 2023-02-30 into March 2).
 */
export function parseDate(input: string): ParsedDate {
  const value = input.trim();
  const match = DATE_TIME.exec(value);
  if (!match) {
    return { ok: false, reason: `"${value}" is not a date in the form YYYY-MM-DD (for example 2023-03-01)` };
  }
  const [, y, m, d, hh, mm, ss, fraction, zone] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12) {
    return { ok: false, reason: `"${value}" has month ${m}; months run from 01 to 12` };
  }
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return { ok: false, reason: `"${value}" is not a real date: ${MONTHS[month - 1]} ${year} has ${lastDay} days` };
  }
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) {
    return { ok: false, reason: `"${value}" has an impossible time of day` };
  }
  // Real offsets run from -12:00 to +14:00; `+24:00` would make Date.parse give NaN and every feed fail later.
  const offset = zone && zone !== 'Z' ? /^[+-](\d{2}):?(\d{2})$/.exec(zone) : null;
  if (offset && (Number(offset[1]) > 14 || Number(offset[2]) > 59)) {
    return { ok: false, reason: `"${value}" has an impossible time zone ${zone}: offsets run from -12:00 to +14:00` };
  }
  const normalizedZone = zone === undefined ? 'Z' : zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const iso =
    hh === undefined
      ? `${y}-${m}-${d}`
      : `${y}-${m}-${d}T${hh}:${mm}:${ss ?? '00'}${fraction ?? ''}${normalizedZone}`;
  const time = Date.parse(hh === undefined ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(time)) return { ok: false, reason: `"${value}" is not a date and time this site can read` };
  return { ok: true, iso, time };
}

/**
 * "March 1, 2023" for an ISO date. Uses the calendar date as the editor wrote it, so an article
 * dated late in the evening at UTC-5 is not shown under the next day.
 */
export function formatDate(iso: string, locale = 'en-US'): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return dateFormat(locale).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

// Building an Intl.DateTimeFormat costs about a millisecond once locale data is loaded (the first one in a
// browser loads it: 45–100 ms), and a listing formats dozens of dates. Browser code gets dates preformatted.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format;
}

/** Today's date as YYYY-MM-DD; the clock is a parameter so callers and tests decide what "now" is. */
export function toIsoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
