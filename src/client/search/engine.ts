/**
 * The search itself, in the browser: normalise and fold the query, fetch the few index files its
 * tokens hash to, and answer from them (src/lib/search/browser/query.ts). Every file comes from this
 * site; .bin files are gzip, inflated here with the browser's DecompressionStream.
 */
import { normalizeQuery, splitPhrases } from '../../lib/search/normalize-query.ts';
import { containsTraditional, foldToSimplified } from '../../lib/search/fold-script.ts';
import { answer, bucketSource, matchText, readFacetTable, type FacetTable, type MetadataHit, type PostingSource, type TextMatches } from '../../lib/search/browser/query.ts';
import { bucketPath, cardFields, facetsPath, INDEX_DIR, MANIFEST_FILE, recordPath, type CardRecord, type SearchManifest } from '../../lib/search/index/format.ts';
import { containsPhrase } from '../../lib/search/index/tokens.ts';
import { FACET_KEYS, METADATA_FIELDS } from '../../lib/search/facets.ts';
import type { SearchState } from '../../lib/search/search-url.ts';

/**
 * When a phrase was matched on positions modulo 7 and at most this many reports match it, each is
 * confirmed against its text before anything is shown (most of those cards are fetched anyway);
 * beyond it the count is marked as approximate and cards are confirmed as they are shown.
 */
export const CONFIRM_ALL = 20;

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
  /** Result counts per facet value. */
  counts: Record<string, Record<string, number>>;
  /** True when some results may hold the phrase's pieces apart (unconfirmed, too many to check). */
  approximate: boolean;
  /** True when cards must be confirmed against their text before they are shown. */
  confirmCards: boolean;
  text: TextMatches | undefined;
}

let index: Promise<LoadedIndex> | undefined;
let facetTable: Promise<FacetTable> | undefined;
const records = new Map<number, Promise<CardRecord>>();

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
      source: bucketSource(manifest.documents, manifest.buckets, (bucket) => inflate(bucketPath(manifest.version, bucket))),
    }));
  index.catch(() => (index = undefined));
  return index;
}

/** Every facet value with its reports, loaded once. */
export function loadFacets(): Promise<FacetTable> {
  facetTable ??= loadIndex().then(({ manifest }) => inflate(facetsPath(manifest.version)).then(readFacetTable));
  facetTable.catch(() => (facetTable = undefined));
  return facetTable;
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

/** The matches whose flag in `keep` is set. */
function keepMatches(text: TextMatches, keep: readonly boolean[]): TextMatches {
  const at = Array.from(text.docs.keys()).filter((i) => keep[i]);
  return { docs: Uint32Array.from(at, (i) => text.docs[i]), scores: Float64Array.from(at, (i) => text.scores[i]), unconfirmed: false, metadata: text.metadata };
}

/**
 * Runs the search a state describes; an empty query lists every report matching the filters,
 * newest first. The facet file is fetched with the postings, not after the first cards: its
 * values are also searched (a region, topic, outlet, reporter or keyword named by the query), and
 * the counts then arrive with the results, so the page lays out once.
 */
export async function runSearch(state: SearchState): Promise<SearchOutcome> {
  const normalised = normalizeQuery(state.q);
  const simplified = await foldToSimplified(normalised);
  const phrases = splitPhrases(simplified);
  const [{ manifest, source }, table] = await Promise.all([loadIndex(), loadFacets()]);
  let text = phrases.length ? await matchText(phrases, source, { table, fields: METADATA_FIELDS }) : undefined;
  let approximate = false;
  if (text?.unconfirmed && text.docs.length <= CONFIRM_ALL) {
    const found = text;
    const cards = await Promise.all(Array.from(found.docs, loadCard));
    text = keepMatches(found, cards.map((card, i) => cardHolds(card, phrases, found.metadata.get(found.docs[i]))));
  } else if (text?.unconfirmed) {
    approximate = true;
  }
  const { results, counts } = answer(manifest.documents, text, table, selection(state), state.sort);
  return { phrases, folded: simplified !== normalised, results, counts, approximate, confirmCards: approximate, text };
}
