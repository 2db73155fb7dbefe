/**
 * Previous / next report within one region, so a reader can walk a place's record in time.
 */
import { sortReportsNewestFirst } from '../archive/sort.ts';
import type { Report } from '../archive/types.ts';
import { isWithin, regionPath } from '../regions/gazetteer.ts';

/** The neighbours of one report in its region's timeline. */
export interface RegionNeighbours {
  /** The region walked: the report's first region, or the nearest place above it with other reports. */
  region: string;
  /** The next older report filed in or below that region, if any. */
  older?: Report;
  /** The next newer report filed in or below that region, if any. */
  newer?: Report;
}

function peersWithin(reports: readonly Report[], region: string): Report[] {
  return sortReportsNewestFirst(reports.filter((r) => r.data.regions.some((code) => isWithin(code, region))));
}

/**
 * Neighbours of report `id` among the reports naming its first region or any place below it,
 * ordered newest first with the archive's stable tie-break (date, then id). When that region
 * has no other report, the nearest enclosing region that has one is walked instead (钱塘区 →
 * 杭州市 → 浙江省), so the links lead somewhere nearby. Undefined when `id` is not among `reports`.
 */
export function neighboursInRegion(reports: readonly Report[], id: string): RegionNeighbours | undefined {
  const current = reports.find((r) => r.id === id);
  if (!current) return undefined;
  const first = current.data.regions[0];
  const levels = [first, ...regionPath(first).map((r) => r.code).reverse().slice(1)];
  for (const region of levels) {
    const peers = peersWithin(reports, region);
    if (peers.length < 2) continue;
    const at = peers.findIndex((r) => r.id === id);
    return { region, newer: peers[at - 1], older: peers[at + 1] };
  }
  return { region: first, older: undefined, newer: undefined };
}
