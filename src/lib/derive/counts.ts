/**
 * Counts of reports by one dimension (year, month, region level, topic, kind, outlet, body).
 * Each report counts at most once per key; reports without any key are counted as unassigned.
 */
import type { Report } from '../archive/types.ts';
import type { RegionLevel } from '../regions/gazetteer.ts';
import { regionLevel, reportRegionNodes } from './region-closure.ts';

export interface CountRow {
  key: string;
  count: number;
}

export interface CountTable {
  /** One row per key; see each function for the order. */
  rows: CountRow[];
  /** Reports with at least one key. */
  counted: number;
  /** Reports with no key in this dimension (e.g. a year-only date for months). */
  unassigned: number;
}

/** Most reports first; ties break on the key ascending (code point order) so output is stable. */
export function compareByCountThenKey(a: CountRow, b: CountRow): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Chronological (or code) order of keys; ascending code points, which is date order for YYYY-MM. */
export function compareByKey(a: CountRow, b: CountRow): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Tallies reports by the keys `keysOf` gives, each report once per distinct key. */
export function tally(
  reports: readonly Report[],
  keysOf: (report: Report) => Iterable<string>,
  order: (a: CountRow, b: CountRow) => number = compareByCountThenKey,
): CountTable {
  const counts = new Map<string, number>();
  let counted = 0;
  for (const report of reports) {
    const keys = new Set(keysOf(report));
    if (keys.size) counted++;
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([key, count]) => ({ key, count })).sort(order);
  return { rows, counted, unassigned: reports.length - counted };
}

/** Reports per year (YYYY), oldest year first. */
export function countByYear(reports: readonly Report[]): CountTable {
  return tally(reports, (r) => [r.data.date.slice(0, 4)], compareByKey);
}

/** Reports per month (YYYY-MM), oldest first; year-only dates are unassigned. */
export function countByMonth(reports: readonly Report[]): CountTable {
  return tally(reports, (r) => (r.data.date.length >= 7 ? [r.data.date.slice(0, 7)] : []), compareByKey);
}

/** Reports per region node of one level, counting a report once per node (most reports first). */
export function countByRegionLevel(reports: readonly Report[], level: RegionLevel): CountTable {
  return tally(reports, (r) => reportRegionNodes(r).filter((code) => regionLevel(code) === level));
}

/** Reports per province (省级), most first. */
export function countByProvince(reports: readonly Report[]): CountTable {
  return countByRegionLevel(reports, 'province');
}

/** Reports per prefecture-level city (地级); municipal districts have none and are unassigned. */
export function countByCity(reports: readonly Report[]): CountTable {
  return countByRegionLevel(reports, 'city');
}

/** Reports per county-level district (区/县/县级市), most first. */
export function countByDistrict(reports: readonly Report[]): CountTable {
  return countByRegionLevel(reports, 'county');
}

/** Reports per topic id, most first. */
export function countByTopic(reports: readonly Report[]): CountTable {
  return tally(reports, (r) => r.data.topics);
}

/** Reports per kind id (消息, 通讯 …), most first. */
export function countByKind(reports: readonly Report[]): CountTable {
  return tally(reports, (r) => [r.data.kind]);
}

/** Reports per outlet id, most first. */
export function countByOutlet(reports: readonly Report[]): CountTable {
  return tally(reports, (r) => [r.data.outlet]);
}

/** Reports per body id (政协, 人大 …), most first; a report about two bodies counts for each. */
export function countByBody(reports: readonly Report[]): CountTable {
  return tally(reports, (r) => r.data.bodies);
}

/** The next year (YYYY) or month (YYYY-MM) after `key`. */
function nextPeriod(key: string): string {
  const year = Number(key.slice(0, 4));
  if (key.length === 4) return String(year + 1).padStart(4, '0');
  const month = Number(key.slice(5, 7));
  return month === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${key.slice(0, 4)}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * Chronological rows (YYYY or YYYY-MM keys, as countByYear/countByMonth give them) with every
 * missing year or month in between as a zero row, so a time axis shows 2022 → 2025 as a gap, not
 * as neighbours. Rows with other keys are returned unchanged.
 */
export function fillTimeGaps(rows: readonly CountRow[]): CountRow[] {
  const period = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;
  if (rows.length < 2 || !rows.every((r) => period.test(r.key) && r.key.length === rows[0].key.length)) return [...rows];
  const sorted = [...rows].sort(compareByKey);
  const out: CountRow[] = [];
  for (const row of sorted) {
    const last = out[out.length - 1];
    if (last) for (let k = nextPeriod(last.key); k < row.key; k = nextPeriod(k)) out.push({ key: k, count: 0 });
    out.push(row);
  }
  return out;
}
