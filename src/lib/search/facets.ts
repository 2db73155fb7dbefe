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
