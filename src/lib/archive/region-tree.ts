/**
 * The region hierarchy as the archive uses it: every place a report is about, plus the places
 * above it (省 → 市 → 区/县), each with the reports filed there or below.
 */
import { getRegion, regionPath, type Region } from '../regions/gazetteer.ts';
import type { Report } from './types.ts';

export interface RegionNode extends Region {
  /** Child nodes that have reports, in code order. */
  children: RegionNode[];
  /** Ids of reports that name this region itself. */
  directReportIds: string[];
  /** Ids of reports that name this region or any region below it, each once. */
  reportIds: string[];
}

function nodeFor(index: Map<string, RegionNode>, region: Region): RegionNode {
  let node = index.get(region.code);
  if (!node) {
    node = { ...region, children: [], directReportIds: [], reportIds: [] };
    index.set(region.code, node);
  }
  return node;
}

/**
 * Builds the forest of provinces with reports. Report id lists keep the order of `reports`
 * (pass them newest first); a report naming two districts of one city counts once for the city.
 */
export function buildRegionTree(reports: readonly Report[]): { roots: RegionNode[]; index: Map<string, RegionNode> } {
  const index = new Map<string, RegionNode>();
  for (const report of reports) {
    const touched = new Set<string>();
    for (const code of report.data.regions) {
      const chain = regionPath(code);
      chain.forEach((region, i) => {
        const node = nodeFor(index, region);
        if (i > 0) {
          const parent = nodeFor(index, chain[i - 1]);
          if (!parent.children.includes(node)) parent.children.push(node);
        }
        if (!touched.has(region.code)) {
          node.reportIds.push(report.id);
          touched.add(region.code);
        }
      });
      const own = index.get(code);
      if (own && !own.directReportIds.includes(report.id)) own.directReportIds.push(report.id);
    }
  }
  for (const node of index.values()) node.children.sort((a, b) => a.code.localeCompare(b.code));
  const roots = [...index.values()].filter((n) => n.parent === null).sort((a, b) => a.code.localeCompare(b.code));
  return { roots, index };
}

/** The region name as readers know it, or the code when the gazetteer lacks it. */
export function regionName(code: string): string {
  return getRegion(code)?.name ?? code;
}
