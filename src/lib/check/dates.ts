/**
 * Date checks that need "today". Today is always passed in (never read from the clock here), as a
 * calendar day in China, where the reports are published.
 */
import { isPartialDate, normalizeDateInput } from '../dates/partial-date.ts';

/** The calendar day (YYYY-MM-DD) of `instant` in `timeZone` (default Asia/Shanghai), independent of the machine's zone. */
export function calendarDayIn(instant: Date, timeZone = 'Asia/Shanghai'): string {
  // en-CA formats as YYYY-MM-DD; the time zone is explicit, so TZ of the machine does not matter.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** True when the partial date cannot have happened yet: its earliest day is after `today`. */
export function isFutureDate(date: string, today: string): boolean {
  return date > today.slice(0, date.length);
}

/** A front-matter date value as the schema would read it, or undefined when it is not a valid date. */
export function readDate(value: unknown): string | undefined {
  const v = normalizeDateInput(value);
  return typeof v === 'string' && isPartialDate(v) ? v : undefined;
}
