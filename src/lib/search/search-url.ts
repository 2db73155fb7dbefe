/**
 * The state of a search lives in the URL (/search/?q=钱塘&topic=数字经济&sort=date), so a search can
 * be shared, bookmarked and walked back through with the browser's history.
 */
import { FACET_KEYS, isFacetKey, type FacetSelection } from './facets.ts';
import { normalizeQuery } from './normalize-query.ts';

export type SearchSort = 'relevance' | 'date';

export interface SearchState {
  /** The query as the reader typed it (normalised for whitespace only when read back). */
  q: string;
  filters: FacetSelection;
  /** Relevance needs a query; without one results are always newest first. */
  sort: SearchSort;
}

/** The state encoded in a query string; unknown parameters are ignored, repeated values kept once, in URL order. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const filters: FacetSelection = {};
  for (const [key, value] of params) {
    if (!isFacetKey(key) || !value.trim()) continue;
    const list = (filters[key] ??= []);
    if (!list.includes(value.trim())) list.push(value.trim());
  }
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim();
  return { q, filters, sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

/** The query string for a state: q first, facets in registry order, values sorted, sort only when not the default. */
export function searchStateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FACET_KEYS) {
    // Sorted with a fixed locale so the same selection always gives the same URL.
    const values = [...(state.filters[key] ?? [])].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
    for (const value of values) params.append(key, value);
  }
  if (state.sort === 'date' && normalizeQuery(state.q)) params.set('sort', 'date');
  return params;
}

/** /search/ with the state as its query string, e.g. searchHref({ filters: { topic: ['数字经济'] } }). */
export function searchHref(state: Partial<SearchState>): string {
  const params = searchStateToParams({ q: state.q ?? '', filters: state.filters ?? {}, sort: state.sort ?? 'relevance' });
  const query = params.toString();
  return query ? `/search/?${query}` : '/search/';
}
