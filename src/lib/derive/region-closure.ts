/**
 * The set of region nodes a report touches: every code it lists plus every place above it
 * (区/县 → 市 → 省). A report counts once per node, so two districts of one city give the city one.
 */
import { getRegion, regionPath, type RegionLevel } from '../regions/gazetteer.ts';
import type { Report } from '../archive/types.ts';

// regionPath walks the gazetteer; memoise per code so a 10k-report build walks each code once.
const pathCache = new Map<string, readonly string[]>();

/** Codes from the province down to `code` (just `[code]` when the gazetteer does not know it). */
export function ancestryOf(code: string): readonly string[] {
  let chain = pathCache.get(code);
  if (!chain) {
    const path = regionPath(code).map((r) => r.code);
    chain = path.length ? path : [code];
    pathCache.set(code, chain);
  }
  return chain;
}

/** Every region node the codes touch, each once, in first-seen order (province before its parts). */
export function regionClosure(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const code of codes) for (const node of ancestryOf(code)) seen.add(node);
  return [...seen];
}

/** The report's region closure. */
export function reportRegionNodes(report: Report): string[] {
  return regionClosure(report.data.regions);
}

/** Level of a known code as the gazetteer says (municipal districts sit directly under the province). */
export function regionLevel(code: string): RegionLevel | undefined {
  return getRegion(code)?.level;
}

/** The deepest codes of a set: drops every code that is an ancestor of another code in the set. */
export function deepestCodes(codes: readonly string[]): string[] {
  const ancestors = new Set<string>();
  for (const code of codes) for (const node of ancestryOf(code).slice(0, -1)) ancestors.add(node);
  return codes.filter((c) => !ancestors.has(c));
}
