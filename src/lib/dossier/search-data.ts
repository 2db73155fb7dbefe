/**
 * What the search index knows about a dossier besides its text: the same facets as a report
 * (its regions and topics, its year) and a kind of its own, 专题, so readers can find or leave out
 * dossiers with the 体裁 facet. Build-time only (it uses the gazetteer).
 */
import type { Topic } from '../archive/types.ts';
import { regionPath } from '../regions/gazetteer.ts';
import { addOnce, placeAndTopicFilters, type ReportSearchData } from '../search/build/report-search-data.ts';
import type { Dossier } from './dossiers.ts';

/** The 体裁 (kind) facet value of dossiers; no report kind is called that. */
export const DOSSIER_KIND_LABEL = '专题';

/** Facet values and card facts for one dossier, named as reportSearchData names a report's. */
export function dossierSearchData(dossier: Dossier, topics: readonly Topic[]): ReportSearchData {
  const d = dossier.data;
  const filters = placeAndTopicFilters(d.regions, d.topics, topics);
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
