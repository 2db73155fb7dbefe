/**
 * A date as pages print it in digits: 2025-11-07, 2025/11/7, 2025.11.07, 2025年11月7日, with an
 * optional time (14:46 or 14:46:05, captured as group 4 so callers can tell a timestamp from a
 * bare date). Groups 1–3 are year, month and day.
 */
export const DATE_TIME = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s*\d{1,2}:\d{2}(?::\d{2})?)?/u;

/** YYYY-MM-DD from a DATE_TIME match. */
export function isoOfMatch(m: RegExpMatchArray): string {
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}
