/**
 * What the search index knows about a report besides its text: facet values and the facts shown on
 * a result card. Build-time only: it uses the gazetteer, which must not reach the browser bundle.
 */
import type { Outlet, Report, Topic } from '../../archive/types.ts';
import { regionPath } from '../../regions/gazetteer.ts';
import { kindLabel } from '../../taxonomy/vocabularies.ts';
import type { FacetKey, SearchOnlyKey } from '../facets.ts';

export interface ReportSearchData {
  filters: Record<FacetKey, string[]>;
  /** Searched like the facets (reporters, keywords), but not offered as filters. */
  fields: Record<SearchOnlyKey, string[]>;
  /**
   * `headline` is the title as published, indexed with a headline's weight; `dateCertainty`
   * lets the card say 推定 as every other list does.
   */
  meta: { headline: string; date: string; dateCertainty: string; outlet: string; region: string; kind: string };
}

/** Appends a value unless it is empty or already listed (facet values are sets, kept in order). */
export function addOnce(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

/**
 * Empty facet lists, with the province, city, district and topic values of the given regions and
 * topics filled in: the part reports and dossiers share. Districts are named with their city
 * (杭州市钱塘区) because county names repeat across China (鼓楼区 is in four cities); a municipality
 * is its own city (重庆市).
 */
export function placeAndTopicFilters(regions: readonly string[], topicIds: readonly string[], topics: readonly Topic[]): Record<FacetKey, string[]> {
  const filters: Record<FacetKey, string[]> = { province: [], city: [], district: [], topic: [], year: [], kind: [], outlet: [] };
  for (const code of regions) {
    const chain = regionPath(code);
    const province = chain.find((r) => r.level === 'province');
    const city = chain.find((r) => r.level === 'city') ?? (chain.length > 1 ? province : undefined);
    const county = chain.find((r) => r.level === 'county');
    addOnce(filters.province, province?.name);
    addOnce(filters.city, city?.name);
    if (county) addOnce(filters.district, `${city?.name ?? ''}${county.name}`);
  }
  for (const id of topicIds) addOnce(filters.topic, topics.find((t) => t.id === id)?.name ?? id);
  return filters;
}

/**
 * The facet selection for everything filed under one region: its province, city or district value,
 * named exactly as reportSearchData names them (so /search/?district=杭州市钱塘区 finds them).
 */
export function regionSearchFilters(code: string): Partial<Record<FacetKey, string[]>> {
  const chain = regionPath(code);
  const region = chain.at(-1);
  if (!region) return {};
  if (region.level === 'province') return { province: [region.name] };
  if (region.level === 'city') return { city: [region.name] };
  const parent = chain.find((r) => r.level === 'city') ?? chain[0];
  return { district: [`${parent.name}${region.name}`] };
}

/** Facet values for one report (places and topics as placeAndTopicFilters names them). */
export function reportSearchData(report: Report, outlets: readonly Outlet[], topics: readonly Topic[]): ReportSearchData {
  const d = report.data;
  const filters = placeAndTopicFilters(d.regions, d.topics, topics);
  addOnce(filters.year, d.date.slice(0, 4));
  addOnce(filters.kind, kindLabel(d.kind));
  const outletName = outlets.find((o) => o.id === d.outlet)?.name ?? d.outlet;
  addOnce(filters.outlet, outletName);
  const fields: Record<SearchOnlyKey, string[]> = { reporter: [], keyword: [] };
  for (const name of d.reporters ?? []) addOnce(fields.reporter, name);
  for (const word of d.keywords ?? []) addOnce(fields.keyword, word);
  const firstRegion = d.regions[0] ? regionPath(d.regions[0]).map((r) => r.name).join('') : '';
  return {
    filters,
    fields,
    meta: { headline: d.title, date: d.date, dateCertainty: d.dateCertainty ?? 'stated', outlet: outletName, region: firstRegion, kind: kindLabel(d.kind) },
  };
}
