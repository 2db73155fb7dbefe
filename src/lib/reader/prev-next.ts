/**
 * Previous / next report within one region, so a reader can walk a place's record in time.
 */
import { sortReportsNewestFirst } from '../archive/sort.ts';
import type { Report } from '../archive/types.ts';
import { regionPath } from '../regions/gazetteer.ts';

/** The neighbours of one report in its region's timeline. */
export interface RegionNeighbours {
  /** The region walked: the report's first region, or the nearest place above it with other reports. */
  region: string;
  /** The next older report filed in or below that region, if any. */
  older?: Report;
  /** The next newer report filed in or below that region, if any. */
  newer?: Report;
}

interface PeersIndex {
  byId: Map<string, Report>;
  regions: Map<string, Peers>;
}

interface Peers {
  /** Reports filed in or below the region, newest first. */
  list: Report[];
  /** Where each report id sits in `list`. */
  at: Map<string, number>;
}

// One index per reports array: every report page of a build passes the same array, and scanning
// all reports per page made the build quadratic (10k reports: 10^8 regionPath calls).
const indexes = new WeakMap<readonly Report[], PeersIndex>();

/** Reports per region node (the region itself and every place above it), newest first. */
function peersIndex(reports: readonly Report[]): PeersIndex {
  let index = indexes.get(reports);
  if (index) return index;
  const lists = new Map<string, Report[]>();
  for (const report of sortReportsNewestFirst(reports)) {
    const nodes = new Set(report.data.regions.flatMap((code) => regionPath(code).map((r) => r.code)));
    for (const node of nodes) {
      const list = lists.get(node) ?? [];
      lists.set(node, list);
      list.push(report);
    }
  }
  index = {
    byId: new Map(reports.map((r) => [r.id, r])),
    regions: new Map([...lists].map(([node, list]) => [node, { list, at: new Map(list.map((r, i) => [r.id, i])) }])),
  };
  indexes.set(reports, index);
  return index;
}

/**
 * Neighbours of report `id` among the reports naming its first region or any place below it,
 * ordered newest first with the archive's stable tie-break (date, then id). When that region
 * has no other report, the nearest enclosing region that has one is walked instead (钱塘区 →
 * 杭州市 → 浙江省), so the links lead somewhere nearby. Undefined when `id` is not among `reports`.
 */
export function neighboursInRegion(reports: readonly Report[], id: string): RegionNeighbours | undefined {
  const index = peersIndex(reports);
  const current = index.byId.get(id);
  if (!current) return undefined;
  const first = current.data.regions[0];
  const levels = [first, ...regionPath(first).map((r) => r.code).reverse().slice(1)];
  for (const region of levels) {
    const peers = index.regions.get(region);
    if (!peers || peers.list.length < 2) continue;
    const at = peers.at.get(id)!;
    return { region, newer: peers.list[at - 1], older: peers.list[at + 1] };
  }
  return { region: first, older: undefined, newer: undefined };
}
