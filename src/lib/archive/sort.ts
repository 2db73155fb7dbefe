import type { Report } from './types.ts';

/** What the order needs of a report: its id and its date (the search index sorts built pages by them too). */
export interface Sortable {
  id: string;
  data: { date: string };
}

/**
 * Newest first. Ties (same date string, including a year-only date against the same year-only
 * date) break on id ascending so every list is stable from build to build.
 */
export function compareReportsNewestFirst(a: Sortable, b: Sortable): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A new array of the reports, newest first with a stable tie-break. */
export function sortReportsNewestFirst(reports: readonly Report[]): Report[] {
  return [...reports].sort(compareReportsNewestFirst);
}
