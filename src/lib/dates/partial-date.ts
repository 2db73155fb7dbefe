/**
 * Partial calendar dates: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 *
 * Reports often give only a month or a year, so dates stay strings and are never turned into a
 * `Date` (which would invent a day and depend on the machine's time zone).
 */

export type DatePrecision = 'day' | 'month' | 'year';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC keeps it free of time zones.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns null unless it is a real calendar date. */
export function parsePartialDate(text: string): PartialDate | null {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return null;
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

/** True when `text` is a valid partial date. */
export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

/**
 * Normalises what YAML hands over for a date field: a `Date` (unquoted 2022-08-24), a number
 * (unquoted 2022) or a string. Dates from YAML are UTC midnight, so the UTC day is the written day.
 */
export function normalizeDateInput(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string') return value.trim();
  return value;
}

/**
 * Orders partial dates chronologically; a less precise date sorts before the more precise dates
 * it contains (2022 < 2022-08 < 2022-08-01), which plain string comparison already guarantees.
 */
export function comparePartialDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Formats for Chinese readers: 2022年8月24日, 2022年8月, 2022年. */
export function formatPartialDateZh(text: string): string {
  const d = parsePartialDate(text);
  if (!d) return text;
  if (d.precision === 'year') return `${d.year}年`;
  if (d.precision === 'month') return `${d.year}年${d.month}月`;
  return `${d.year}年${d.month}月${d.day}日`;
}
