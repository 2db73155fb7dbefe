/**
 * Groupings of reports for the list pages (year, topic, kind, outlet). Each group keeps the
 * input order, so passing reports newest first yields newest-first groups.
 */
import type { Report } from './types.ts';

/** One key's reports, in the input order. */
export interface ReportGroup {
  key: string;
  reports: Report[];
}

/** Groups reports by one or more keys each; keys are returned sorted by `compareKeys`. */
export function groupReports(
  reports: readonly Report[],
  keysOf: (report: Report) => readonly string[],
  compareKeys: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): ReportGroup[] {
  const groups = new Map<string, Report[]>();
  for (const report of reports) {
    for (const key of new Set(keysOf(report))) {
      const list = groups.get(key) ?? [];
      list.push(report);
      groups.set(key, list);
    }
  }
  return [...groups.keys()].sort(compareKeys).map((key) => ({ key, reports: groups.get(key)! }));
}

/** Reports by year (the first four digits of the date), newest year first. */
export function groupByYear(reports: readonly Report[]) {
  return groupReports(reports, (r) => [r.data.date.slice(0, 4)], (a, b) => b.localeCompare(a));
}

/** Reports by topic id. */
export function groupByTopic(reports: readonly Report[]) {
  return groupReports(reports, (r) => r.data.topics);
}

/** Reports by kind id. */
export function groupByKind(reports: readonly Report[]) {
  return groupReports(reports, (r) => [r.data.kind]);
}

/** Reports by outlet id. */
export function groupByOutlet(reports: readonly Report[]) {
  return groupReports(reports, (r) => [r.data.outlet]);
}
