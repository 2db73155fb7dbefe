/**
 * What the search index knows about a dossier besides its text: the same facets as a report
 * (its regions and topics, its year) and a kind of its own, 专题, so readers can find or leave out
 * dossiers with the 体裁 facet. Build-time only (it uses the gazetteer).
 */
import type { Topic } from '../archive/types.ts';
import { regionPath } from '../regions/gazetteer.ts';
import type { FacetKey } from '../search/facets.ts';
import type { ReportSearchData } from '../search/report-search-data.ts';
import type { Dossier } from './dossiers.ts';

/** The 体裁 (kind) facet value of dossiers; no report kind is called that. */
export const DOSSIER_KIND_LABEL = '专题';

function addOnce(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

/** Facet values and card facts for one dossier, named as reportSearchData names a report's. */
export function dossierSearchData(dossier: Dossier, topics: readonly Topic[]): ReportSearchData {
  const d = dossier.data;
  const filters: Record<FacetKey, string[]> = { province: [], city: [], district: [], topic: [], year: [], kind: [], outlet: [] };
  for (const code of d.regions) {
    const chain = regionPath(code);
    const province = chain.find((r) => r.level === 'province');
    const city = chain.find((r) => r.level === 'city') ?? (chain.length > 1 ? province : undefined);
    const county = chain.find((r) => r.level === 'county');
    addOnce(filters.province, province?.name);
    addOnce(filters.city, city?.name);
    if (county) addOnce(filters.district, `${city?.name ?? ''}${county.name}`);
  }
  for (const id of d.topics) addOnce(filters.topic, topics.find((t) => t.id === id)?.name ?? id);
  addOnce(filters.year, (d.updated ?? d.date).slice(0, 4));
  addOnce(filters.kind, DOSSIER_KIND_LABEL);
  const firstRegion = d.regions[0] ? regionPath(d.regions[0]).map((r) => r.name).join('') : '';
  return {
    filters,
    // A dossier has authors, not reporters, and no keywords: nothing extra to search by name.
    fields: { reporter: [], keyword: [] },
    meta: { headline: d.title, date: d.updated ?? d.date, dateCertainty: 'stated', outlet: d.authors.join('、'), region: firstRegion, kind: DOSSIER_KIND_LABEL },
  };
}
