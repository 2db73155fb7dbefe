/**
 * The search itself, in the browser: normalise and fold the query, turn it into bigram tokens,
 * ask Pagefind, and keep only the reports that contain every phrase exactly.
 *
 * Two Pagefind searches share the same index chunks (so the second costs no extra download):
 * the token search ranks by relevance (BM25 over bigrams) and the quoted phrase search, which
 * requires the bigrams to be adjacent, decides which reports match. A phrase of one bigram or one
 * character needs no phrase search: its token search is already exact.
 */
import { normalizeQuery, splitPhrases } from '../../lib/search/normalize-query.ts';
import { foldToSimplified } from '../../lib/search/fold-script.ts';
import { phraseTokens } from '../../lib/search/han-bigrams.ts';
import { FACET_KEYS, type FacetKey } from '../../lib/search/facets.ts';
import type { SearchState } from '../../lib/search/search-url.ts';

/** The parts of Pagefind's browser API that we use. */
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}
interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindApi {
  search(term: string | null, options?: object): Promise<PagefindResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
  options(options: object): Promise<void>;
  mergeIndex(bundlePath: string, options?: object): Promise<void>;
}

export interface SearchOutcome {
  /** The phrases searched for, after normalisation and Traditional → Simplified folding. */
  phrases: string[];
  /** True when folding changed the query (the page says so). */
  folded: boolean;
  results: PagefindResult[];
  /** Result counts per facet value for the results shown. */
  counts: Record<string, Record<string, number>>;
}

let api: Promise<PagefindApi> | undefined;
/** How many index bundles the search page merges (1 unless the archive is sharded). */
let shardCount = 1;
// A synthetic filter Pagefind adds to every page of a merged bundle (mergeFilter), naming its shard,
// so one shard can be searched alone. Not a facet: it is removed from the counts the page sees.
const SHARD_FILTER = 'shard';
let allFilters: Promise<unknown> | undefined;

/**
 * The extra index bundles of a sharded archive, as the search page lists them
 * (data-search-shards, src/lib/search/shards.ts); none for a single index.
 */
function extraBundles(): string[] {
  const raw = document.querySelector('[data-search-shards]')?.getAttribute('data-search-shards');
  return raw ? (JSON.parse(raw) as string[]) : [];
}

/** Pagefind's browser bundle, loaded once from our own origin, with every shard merged in. */
export function loadPagefind(): Promise<PagefindApi> {
  // A runtime URL: the bundle is written by the build, after Vite has finished.
  const url = '/pagefind/pagefind.js';
  api ??= (import(/* @vite-ignore */ url) as Promise<PagefindApi>).then(async (pf) => {
    const bundles = extraBundles();
    if (bundles.length === 0) {
      await pf.options({ excerptLength: 0 });
      return pf;
    }
    // Merged indexes share the first one's WebAssembly; searches and filter counts then cover all.
    await pf.options({ excerptLength: 0, mergeFilter: { [SHARD_FILTER]: '0' } });
    for (const [i, bundle] of bundles.entries()) {
      await pf.mergeIndex(bundle, { excerptLength: 0, mergeFilter: { [SHARD_FILTER]: String(i + 1) } });
    }
    shardCount = bundles.length + 1;
    return pf;
  });
  return api;
}

/**
 * Loads every filter chunk once. Facet counts need them all (a search loads only the chunks of the
 * filters in use), but they grow with the archive, so the page asks for them after the first
 * results are on screen rather than before.
 */
export async function loadAllFilters(): Promise<void> {
  const pf = await loadPagefind();
  allFilters ??= pf.filters();
  await allFilters;
}

/** True once loadAllFilters has finished, so counts from a search cover every facet. */
export async function filtersLoaded(): Promise<boolean> {
  if (!allFilters) return false;
  await allFilters;
  return true;
}

function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of FACET_KEYS) {
    const values = state.filters[key as FacetKey];
    if (values?.length) filters[key] = { any: values };
  }
  return filters;
}

interface Prepared {
  pf: PagefindApi;
  phrases: string[];
  folded: boolean;
  /** Index tokens per phrase; phrases that give no token (pure punctuation) are dropped. */
  tokenLists: string[][];
  filters: Record<string, { any: string[] }>;
}

async function prepare(state: SearchState): Promise<Prepared> {
  const normalised = normalizeQuery(state.q);
  const simplified = await foldToSimplified(normalised);
  const phrases = splitPhrases(simplified);
  const tokenLists = phrases.map(phraseTokens).filter((t) => t.length > 0);
  return { pf: await loadPagefind(), phrases, folded: simplified !== normalised, tokenLists, filters: pagefindFilters(state) };
}

/**
 * A Pagefind search sorted newest first. Over merged shards Pagefind re-sorts all results by score,
 * and a sorted search scores by rank within its own index, which would interleave the shards; the
 * shards hold disjoint date ranges, newest first, so the right order is shard 0's results, then
 * shard 1's, and so on (one extra search per shard, same index chunks). Counts come from the merged search.
 */
async function searchByDate(pf: PagefindApi, term: string | null, filters: Prepared['filters']): Promise<PagefindResponse> {
  const byDate = { date: 'desc' };
  const merged = pf.search(term, { filters, sort: byDate });
  if (shardCount === 1) return merged;
  const shards = Array.from({ length: shardCount }, (_, i) =>
    pf.search(term, { filters: { ...filters, [SHARD_FILTER]: { any: [String(i)] } }, sort: byDate }),
  );
  const [all, ...each] = await Promise.all([merged, ...shards]);
  return { ...all, results: each.flatMap((response) => response.results) };
}

/** Facet counts without the shard filter (which is not a facet). */
function facetCounts(counts: PagefindResponse['filters']): PagefindResponse['filters'] {
  if (!(SHARD_FILTER in counts)) return counts;
  const { [SHARD_FILTER]: _shard, ...rest } = counts;
  return rest;
}

/** The Pagefind query that matches a phrase exactly: quoted adjacent bigrams, or its one token (prefix match). */
function exactQuery(tokens: string[]): string {
  return tokens.length > 1 ? `"${tokens.join(' ')}"` : tokens[0];
}

/** Runs the search a state describes; an empty query lists every report matching the filters, newest first. */
export async function runSearch(state: SearchState): Promise<SearchOutcome> {
  const { pf, phrases, folded, tokenLists, filters } = await prepare(state);
  if (tokenLists.length === 0) {
    const all = await searchByDate(pf, null, filters);
    return { phrases, folded, results: all.results, counts: facetCounts(all.filters) };
  }
  if (tokenLists.length === 1 && state.sort === 'date') {
    // Newest first needs no relevance scores: the exact search alone decides and orders.
    const exact = await searchByDate(pf, exactQuery(tokenLists[0]), filters);
    return { phrases, folded, results: exact.results, counts: facetCounts(exact.filters) };
  }
  const terms = tokenLists.flat().join(' ');
  const ranked = state.sort === 'date' ? searchByDate(pf, terms, filters) : pf.search(terms, { filters, sort: {} });
  const checks = tokenLists
    .filter((tokens) => tokens.length > 1 || tokenLists.length > 1)
    .map((tokens) => pf.search(exactQuery(tokens), { filters }));
  const [main, ...exact] = await Promise.all([ranked, ...checks]);
  const allowed = exact.map((response) => new Set(response.results.map((r) => r.id)));
  const results = main.results.filter((r) => allowed.every((ids) => ids.has(r.id)));
  // With one phrase, its exact search has Pagefind's own counts for exactly these results.
  const counts = tokenLists.length === 1 && exact.length === 1 ? exact[0].filters : main.filters;
  return { phrases, folded, results, counts: facetCounts(counts) };
}

/**
 * Facet counts for a state, with one Pagefind search (the one runSearch takes its counts from),
 * for recounting once every filter chunk is loaded.
 */
export async function countFacets(state: SearchState): Promise<SearchOutcome['counts']> {
  const { pf, tokenLists, filters } = await prepare(state);
  if (tokenLists.length === 0) return facetCounts((await pf.search(null, { filters })).filters);
  if (tokenLists.length === 1) return facetCounts((await pf.search(exactQuery(tokenLists[0]), { filters })).filters);
  return facetCounts((await pf.search(tokenLists.flat().join(' '), { filters })).filters);
}
