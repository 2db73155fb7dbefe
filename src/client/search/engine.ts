/**
 * The search itself, in the browser: normalise and fold the query, fetch the few index files its
 * tokens hash to, and answer from them (src/lib/search/browser/query.ts). Every file comes from this
 * site; .bin files are gzip, inflated here with the browser's DecompressionStream.
 *
 * The facet file (every value's reports, for the facet panel's counts) is the largest file a
 * search can fetch, so it is fetched only when the counts are shown or a facet is selected; a
 * search without it finds the values the query names (metadata search) through the buckets and
 * fetches only those values' files (format.ts).
 */
import { normalizeQuery, splitPhrases } from '../../lib/search/normalize-query.ts';
import { containsTraditional, foldToSimplified } from '../../lib/search/fold-script.ts';
import {
  answer,
  bucketSource,
  facetCounts as countFacets,
  indexedMetadata,
  matchText,
  readFacetTable,
  refine,
  refineLoaded,
  readValueRecord,
  tableMetadata,
  type FacetTable,
  type FacetValueRecord,
  type MetadataHit,
  type MetadataSource,
  type PostingSource,
  type TextMatches,
} from '../../lib/search/browser/query.ts';
import { bucketPath, cardFields, detailPath, facetsPath, INDEX_DIR, MANIFEST_FILE, recordPath, valuePath, type CardRecord, type SearchManifest } from '../../lib/search/index/format.ts';
import { containsPhrase } from '../../lib/search/index/tokens.ts';
import { FACET_KEYS, METADATA_FIELDS } from '../../lib/search/facets.ts';
import type { SearchState } from '../../lib/search/search-url.ts';

/**
 * When a phrase was matched on positions modulo 7 and at most this many reports match it, each is
 * confirmed against its text before anything is shown (most of those cards are fetched anyway);
 * beyond it the count is marked as approximate and cards are confirmed as they are shown.
 */
export const CONFIRM_ALL = 20;

/**
 * A phrase with more candidate values than this (区, 市: in hundreds of names) loads the facet file
 * instead of one small file per value: fewer requests, and the counts come with it.
 */
export const VALUE_FILES_LIMIT = 32;

interface LoadedIndex {
  manifest: SearchManifest;
  source: PostingSource;
}

export interface SearchOutcome {
  /** The phrases searched for, after normalisation and Traditional → Simplified folding. */
  phrases: string[];
  /** True when folding changed the query (the page says so). */
  folded: boolean;
  /** Report numbers in display order. */
  results: number[];
  /** How many results: results.length, or an estimate when `approximate` (query.ts, TextMatches.estimate). */
  total: number;
  /**
   * Result counts per facet value: of every value when `countsComplete`, otherwise only of the
   * values the query names (enough for the place suggestions); facetCounts() gives the rest.
   */
  counts: Record<string, Record<string, number>>;
  /** True when `counts` covers every facet value (the facet file was loaded). */
  countsComplete: boolean;
  /** True when some results may hold the phrase's pieces apart (unconfirmed, too many to check). */
  approximate: boolean;
  /** True when cards must be confirmed against their text before they are shown. */
  confirmCards: boolean;
  text: TextMatches | undefined;
}

let index: Promise<LoadedIndex> | undefined;
let facetTable: Promise<FacetTable> | undefined;
let facetTableLoaded = false;
const records = new Map<number, Promise<CardRecord>>();
const valueRecords = new Map<number, Promise<FacetValueRecord>>();

async function fetchOk(path: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(path, init);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return response;
}

async function inflate(path: string): Promise<Uint8Array> {
  const response = await fetchOk(path);
  const stream = response.body!.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The index manifest, revalidated on every visit (it names the current index directory). */
export function loadIndex(): Promise<LoadedIndex> {
  index ??= fetchOk(`${INDEX_DIR}${MANIFEST_FILE}`, { cache: 'no-cache' })
    .then((r) => r.json() as Promise<SearchManifest>)
    .then((manifest) => ({
      manifest,
      source: bucketSource({
        documents: manifest.documents,
        buckets: manifest.buckets,
        detailChunk: manifest.detailChunk,
        bucket: (bucket) => inflate(bucketPath(manifest.version, bucket)),
        detail: (bucket, chunk) => inflate(detailPath(manifest.version, bucket, chunk)),
      }),
    }));
  index.catch(() => (index = undefined));
  return index;
}

/** Every facet value with its reports (the facet file), loaded once. */
export function loadFacets(): Promise<FacetTable> {
  facetTable ??= loadIndex()
    .then(({ manifest }) => inflate(facetsPath(manifest.version)).then(readFacetTable))
    .then((table) => {
      facetTableLoaded = true;
      return table;
    });
  facetTable.catch(() => (facetTable = undefined));
  return facetTable;
}

/** True once the facet file is in memory: from then on every search has its counts for free. */
export function facetsLoaded(): boolean {
  return facetTableLoaded;
}

/** Searched facet value n (v/<n>.bin): its facet, name and reports, loaded once. */
function loadValue(n: number): Promise<FacetValueRecord> {
  let record = valueRecords.get(n);
  if (!record) {
    record = loadIndex().then(({ manifest }) => inflate(valuePath(manifest.version, n))).then(readValueRecord);
    valueRecords.set(n, record);
    record.catch(() => valueRecords.delete(n));
  }
  return record;
}

/** Report n's result card: URL, facts and text. */
export function loadCard(doc: number): Promise<CardRecord> {
  let record = records.get(doc);
  if (!record) {
    record = loadIndex().then(({ manifest }) => inflate(recordPath(manifest.version, doc))).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as CardRecord);
    records.set(doc, record);
    record.catch(() => records.delete(doc));
  }
  return record;
}

/**
 * True when the card holds every phrase exactly: in its headline, text, reporters or keywords,
 * or (`hits`) in its facet values. A card
 * with Traditional characters was indexed from its Simplified form, which the page does not have
 * without OpenCC: it is trusted.
 */
export function cardHolds(card: CardRecord, phrases: readonly string[], hits: readonly MetadataHit[] = []): boolean {
  const fields = cardFields(card);
  if (containsTraditional(card.title) || containsTraditional(card.text) || fields.some(containsTraditional)) return true;
  return phrases.every((p, i) => hits.some((h) => h.phrase === i) || containsPhrase(card.title, card.text, p, fields));
}

function selection(state: SearchState): Record<string, string[]> {
  const chosen: Record<string, string[]> = {};
  for (const key of FACET_KEYS) if (state.filters[key]?.length) chosen[key] = state.filters[key]!;
  return chosen;
}

/** The matches whose flag in `keep` is set, every one confirmed against its card. */
function keepMatches(text: TextMatches, keep: readonly boolean[]): TextMatches {
  const dropped = new Set(Array.from(text.docs).filter((_, i) => !keep[i]));
  return { ...withoutMatches(text, dropped), unconfirmed: false, loose: [] };
}

/** The matches without the reports in `dropped` (which failed refine()). */
function withoutMatches(text: TextMatches, dropped: ReadonlySet<number>): TextMatches {
  const at = Array.from(text.docs.keys()).filter((i) => !dropped.has(text.docs[i]));
  const docs = Uint32Array.from(at, (i) => text.docs[i]);
  return { ...text, docs, scores: Float64Array.from(at, (i) => text.scores[i]), loose: text.loose.map((phrase) => ({ ...phrase, docs: phrase.docs.filter((doc) => !dropped.has(doc)) })) };
}

/**
 * Checks `found.results` from `from` on against their common tokens' positions and followers
 * (read from detail files, query.ts refine) until `count` of them pass or none are left, and
 * drops those that fail from the results and the matches. Returns how many were dropped. A
 * search whose phrases were all checked in full (no common token, or no phrase of two tokens)
 * fetches nothing.
 */
export async function refineResults(found: SearchOutcome, from: number, count: number): Promise<number> {
  const text = found.text;
  if (!text?.loose.length) return 0;
  const { source } = await loadIndex();
  const dropped = new Set<number>();
  let end = from;
  let passed = 0;
  while (passed < count && end < found.results.length) {
    const batch = found.results.slice(end, end + count - passed);
    const failing = await refine(text, batch, source);
    const kept = batch.filter((doc) => !failing.has(doc));
    for (const doc of failing) dropped.add(doc);
    found.results.splice(end, batch.length, ...kept);
    end += kept.length;
    passed += kept.length;
  }
  if (dropped.size) found.text = withoutMatches(text, dropped);
  return dropped.size;
}

/** A facet table of just these values (the ones a query names), each once. */
function tableOf(values: readonly FacetValueRecord[]): FacetTable {
  const table: FacetTable = new Map();
  for (const { facet, value, docs } of values) {
    const list = table.get(facet) ?? [];
    if (!list.some((v) => v.value === value)) list.push({ value, docs });
    table.set(facet, list);
  }
  return table;
}

export interface SearchOptions {
  /**
   * The facet panel is shown, so every value's count is wanted: the facet file is fetched with
   * the postings and the page lays out once. Without it (a phone with the panel folded) the facet
   * file is fetched only when a facet is selected, a phrase names too many values, or an earlier
   * search loaded it anyway.
   */
  counts: boolean;
  /** How many results the page shows first: those are checked on every token (refineResults). */
  firstPage: number;
}

/**
 * Runs the search a state describes; an empty query lists every report matching the filters,
 * newest first. Facet values are also searched (a region, topic or outlet named by the query):
 * in the facet file when it is loaded, otherwise through the buckets and one small file per value
 * the query names.
 */
export async function runSearch(state: SearchState, options: SearchOptions = { counts: true, firstPage: 10 }): Promise<SearchOutcome> {
  const normalised = normalizeQuery(state.q);
  const simplified = await foldToSimplified(normalised);
  const phrases = splitPhrases(simplified);
  const chosen = selection(state);
  // A selection needs its values' reports, and the facet file is one request for all of them.
  const whole = options.counts || Object.keys(chosen).length > 0 || facetTableLoaded;
  const [{ manifest, source }, loaded] = await Promise.all([loadIndex(), whole ? loadFacets() : undefined]);
  const named: FacetValueRecord[] = [];
  let metadata: MetadataSource;
  if (loaded) metadata = tableMetadata(loaded, METADATA_FIELDS);
  else {
    const indexed = indexedMetadata(source, METADATA_FIELDS, { loadValue, limit: VALUE_FILES_LIMIT, loadTable: loadFacets });
    metadata = {
      fields: METADATA_FIELDS,
      valuesHolding: async (phrase) => {
        const values = await indexed.valuesHolding(phrase);
        named.push(...values);
        return values;
      },
    };
  }
  let text = phrases.length ? await matchText(phrases, source, metadata) : undefined;
  // A handful of reports: each is checked on every token and against its card, so the count is exact.
  if (text?.loose.length && text.docs.length <= CONFIRM_ALL) text = withoutMatches(text, await refine(text, Array.from(text.docs), source));
  let approximate = false;
  if (text?.unconfirmed && text.docs.length <= CONFIRM_ALL) {
    const found = text;
    const cards = await Promise.all(Array.from(found.docs, loadCard));
    text = keepMatches(found, cards.map((card, i) => cardHolds(card, phrases, found.metadata.get(found.docs[i]))));
  } else if (text?.unconfirmed) {
    approximate = true;
  }
  // The facet file may have come in the meantime (a phrase naming many values loads it).
  const table = loaded ?? (facetTableLoaded ? await loadFacets() : undefined);
  const found: SearchOutcome = { phrases, folded: simplified !== normalised, ...answer(manifest.documents, text, table ?? tableOf(named), chosen, state.sort), countsComplete: table !== undefined, approximate, confirmCards: approximate, text };
  // The first page's reports are checked on their common tokens too (a few small files). Every
  // other candidate in the runs those files cover is checked with them at no cost in bytes; the
  // share that passed estimates how many of the rest will, for the count and the facet counts.
  // The rest are checked as the reader asks for more.
  const dropped = await refineResults(found, 0, options.firstPage);
  if (found.text?.loose.length) {
    const { failing, checked, unchecked, uncheckedCount } = refineLoaded(found.text, source);
    // No candidate checked yet (the first page matched through metadata): no share to go by.
    const rate = checked + dropped > 0 ? (checked - failing.size) / (checked + dropped) : 1;
    const estimate = uncheckedCount > 0 && rate < 1 ? { rate, unchecked } : undefined;
    // Recount when the first page or the loaded runs dropped a report, or an estimate applies.
    if (dropped > 0 || failing.size > 0 || estimate) {
      found.text = { ...withoutMatches(found.text, failing), estimate };
      Object.assign(found, answer(manifest.documents, found.text, table ?? tableOf(named), chosen, state.sort));
    }
  }
  // The first page's cards are fetched to be shown anyway: confirming them now tells what share
  // of the candidates really holds the query, and the count (and facet counts) go by it.
  if (found.confirmCards && found.text && (await confirmFirstPage(found.text, found.results.slice(0, options.firstPage), phrases, manifest.documents))) {
    Object.assign(found, answer(manifest.documents, found.text, table ?? tableOf(named), chosen, state.sort));
  }
  return found;
}

/**
 * Confirms the reports of `first` (the first page) against their cards, into `text.estimate`
 * (TextMatches.estimate: `cardRate`, `cards`); true when some did not hold the query, so the
 * count changes. The page still drops such a card when it draws it.
 */
async function confirmFirstPage(text: TextMatches, first: readonly number[], phrases: readonly string[], documents: number): Promise<boolean> {
  if (!first.length) return false;
  const cards = await Promise.all(first.map(loadCard));
  const flags = new Uint8Array(documents);
  let holding = 0;
  cards.forEach((card, i) => {
    const holds = cardHolds(card, phrases, text.metadata.get(first[i]));
    flags[first[i]] = holds ? 1 : 2;
    if (holds) holding++;
  });
  if (holding === first.length) return false;
  // A page of cards is a small sample: the share is taken by the rule of succession, (held + 1) /
  // (seen + 2), so that one card in ten holding does not make the count a tenth of the candidates.
  text.estimate = { rate: 1, ...text.estimate, cardRate: (holding + 1) / (first.length + 2), cards: flags };
  return true;
}

/** Every facet value's count for a search that ran without them (fetches the facet file once). */
export async function facetCounts(found: SearchOutcome, state: SearchState): Promise<SearchOutcome['counts']> {
  if (found.countsComplete) return found.counts;
  const [{ manifest }, table] = await Promise.all([loadIndex(), loadFacets()]);
  return countFacets(manifest.documents, found.text, table, selection(state));
}
