/** Reader-facing Chinese labels for the keys that derivations count by. */
import type { Outlet, Topic } from '../archive/types.ts';
import { getRegion } from '../regions/gazetteer.ts';
import { bodyLabel, kindLabel } from '../taxonomy/vocabularies.ts';
import { ancestryOf } from './region-closure.ts';

/**
 * A region's name, qualified by its parent for county-level places so that the many 西湖区 or
 * 城关镇-like namesakes stay distinguishable (杭州市西湖区, 北京市朝阳区); the code if unknown.
 */
export function regionLabel(code: string): string {
  const region = getRegion(code);
  if (!region) return code;
  if (region.level !== 'county' || !region.parent) return region.name;
  const parent = getRegion(region.parent);
  // Hainan's and others' "直辖县级行政区划" placeholders are not names; fall back to the province.
  const qualifier = parent && !parent.name.includes('-') ? parent : getRegion(ancestryOf(code)[0]);
  return qualifier && qualifier.code !== code ? `${qualifier.name}${region.name}` : region.name;
}

export interface Labelers {
  region: (code: string) => string;
  topic: (id: string) => string;
  outlet: (id: string) => string;
  kind: (id: string) => string;
  body: (id: string) => string;
  year: (year: string) => string;
  month: (yyyyMm: string) => string;
}

/** Label functions for every counted dimension, from the topic and outlet registries. */
export function makeLabelers(topics: readonly Topic[], outlets: readonly Outlet[]): Labelers {
  const topicNames = new Map(topics.map((t) => [t.id, t.name]));
  const outletNames = new Map(outlets.map((o) => [o.id, o.name]));
  return {
    region: regionLabel,
    topic: (id) => topicNames.get(id) ?? id,
    outlet: (id) => outletNames.get(id) ?? id,
    kind: kindLabel,
    body: bodyLabel,
    year: (y) => `${y}年`,
    month: (m) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`,
  };
}
