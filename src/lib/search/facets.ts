/**
 * The search facets, as data: one registry drives the facet data on report pages (SearchMeta.astro),
 * the URL parameters of /search/ and the checkboxes shown there. Safe for the browser bundle.
 */

export const FACETS = [
  { key: 'province', label: '省份' },
  { key: 'city', label: '城市' },
  { key: 'district', label: '区县' },
  { key: 'topic', label: '主题' },
  { key: 'year', label: '年份' },
  { key: 'kind', label: '体裁' },
  { key: 'outlet', label: '来源' },
] as const;

export type FacetKey = (typeof FACETS)[number]['key'];

/** The facet keys in display order. */
export const FACET_KEYS: readonly FacetKey[] = FACETS.map((f) => f.key);

/** True when `key` names a facet (used to read URL parameters safely). */
export function isFacetKey(key: string): key is FacetKey {
  return (FACET_KEYS as readonly string[]).includes(key);
}

/** Selected values per facet; a facet with no values is not filtered. */
export type FacetSelection = Partial<Record<FacetKey, string[]>>;

/**
 * Facets a report is also found by (issue 20): a query that names a region, a topic or an outlet
 * finds the reports filed under it, even when their text does not say it (杭州 finds the reports
 * of 杭州市 and its districts). Each such value has a small file of its own, found through the
 * buckets a query fetches anyway (format.ts), so a query pays only for the values it names.
 * `weight` ranks such a match against the text: a region or topic counts as much as a headline
 * match, an outlet a little less, a passing mention in the body about 1. `label` tells the reader
 * why a card matched (地区：杭州市).
 */
export const METADATA_FIELDS = [
  { key: 'province', label: '地区', weight: 3 },
  { key: 'city', label: '地区', weight: 3 },
  { key: 'district', label: '地区', weight: 3 },
  { key: 'topic', label: '主题', weight: 3 },
  { key: 'outlet', label: '来源', weight: 2 },
] as const;

/**
 * Reporters and keywords are searched too, but as facet values one name per report would grow the
 * facet data with the archive: they are indexed as a third field of the report's text instead
 * (after headline and body) and carried on its result card, which says 记者：… or 关键词：… when
 * that is what matched.
 */
export const SEARCH_ONLY_KEYS = ['reporter', 'keyword'] as const;
export type SearchOnlyKey = (typeof SEARCH_ONLY_KEYS)[number];
