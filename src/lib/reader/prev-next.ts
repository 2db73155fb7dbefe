/**
 * Previous / next report within one region, so a reader can walk a district's record in time.
 */
import { sortReportsNewestFirst } from '../archive/sort.ts';
import type { Report } from '../archive/types.ts';
import { isWithin } from '../regions/gazetteer.ts';

/** The neighbours of one report in its region's timeline. */
export interface RegionNeighbours {
  /** The region walked: the report's first (most specific) region code. */
  region: string;
  /** The next older report filed in or below that region, if any. */
  older?: Report;
  /** The next newer report filed in or below that region, if any. */
  newer?: Report;
}

/**
 * Neighbours of report `id` among the reports naming its first region or any place below it,
 * ordered newest first with the archive's stable tie-break (date, then id). Undefined when `id`
 * is not among `reports`.
 */
export function neighboursInRegion(reports: readonly Report[], id: string): RegionNeighbours | undefined {
  const current = reports.find((r) => r.id === id);
  if (!current) return undefined;
  const region = current.data.regions[0];
  const peers = sortReportsNewestFirst(reports.filter((r) => r.data.regions.some((code) => isWithin(code, region))));
  const at = peers.findIndex((r) => r.id === id);
  return { region, newer: peers[at - 1], older: peers[at + 1] };
}
