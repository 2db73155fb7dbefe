import type { Report } from './types.ts';

/**
 * Newest first. Ties (same date string, including a year-only date against the same year-only
 * date) break on id ascending so every list is stable from build to build.
 */
export function compareReportsNewestFirst(a: Report, b: Report): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A new array of the reports, newest first with a stable tie-break. */
export function sortReportsNewestFirst(reports: readonly Report[]): Report[] {
  return [...reports].sort(compareReportsNewestFirst);
}
