/**
 * Answering a search from the index (layout in format.ts): which reports hold every phrase, in
 * which order, and how many results each facet value would have. Pure; where the postings come
 * from (files fetched by the page, or an index built in memory by a test) is the caller's business.
 */
import { bucketOf, ByteReader, readDocSet } from '../index/codec.ts';
import { POSITION_BITS, POSITION_MODULUS, TITLE_BIT } from '../index/format.ts';
import { containsPhrase, followerBit, phraseTokens, type PhraseToken } from '../index/tokens.ts';

export interface Posting {
  /** Report numbers holding the token, ascending. */
  docs: Uint32Array;
  /** One byte per report in `docs`: title bit and positions modulo POSITION_MODULUS. */
  masks: Uint8Array;
  /** One byte per report in `docs`: the Han characters seen right after the token (followerBit). */
  follows: Uint8Array;
}

export interface PostingSource {
  documents: number;
  /** The token's postings, or undefined when no report holds it. */
  posting(key: string): Promise<Posting | undefined>;
  /** The numbers of the searched facet values whose name holds the token (format.ts), or undefined. */
  valuesWith(key: string): Promise<Uint32Array | undefined>;
}

/** One bucket file's (inflated) bytes: its tokens' postings and the searched values holding each. */
export interface Bucket {
  postings: Map<string, Posting>;
  values: Map<string, Uint32Array>;
}

/** Every posting list in one bucket file's (inflated) bytes, and its tokens' searched values. */
export function readBucket(bytes: Uint8Array): Bucket {
  const input = new ByteReader(bytes);
  const count = input.varint();
  const postings = new Map<string, Posting>();
  for (let i = 0; i < count; i++) {
    const key = input.string();
    const docs = readDocSet(input);
    postings.set(key, { docs, masks: input.bytes(docs.length), follows: input.bytes(docs.length) });
  }
  const values = new Map<string, Uint32Array>();
  const valueKeys = input.varint();
  for (let i = 0; i < valueKeys; i++) {
    const key = input.string();
    values.set(key, readDocSet(input));
  }
  return { postings, values };
}

/**
 * Postings read from bucket files: `load(i)` gives bucket i's inflated bytes (a fetch in the page,
 * an array in tests); each bucket is loaded and parsed once.
 */
export function bucketSource(documents: number, buckets: number, load: (bucket: number) => Promise<Uint8Array>): PostingSource {
  const parsed = new Map<number, Promise<Bucket>>();
  const bucket = (key: string) => {
    const i = bucketOf(key, buckets);
    let found = parsed.get(i);
    if (!found) parsed.set(i, (found = load(i).then(readBucket)));
    return found;
  };
  return {
    documents,
    posting: async (key) => (await bucket(key)).postings.get(key),
    valuesWith: async (key) => (await bucket(key)).values.get(key),
  };
}

export interface TextMatches {
  /** Matching report numbers, ascending. */
  docs: Uint32Array;
  /** Relevance of each report in `docs`. */
  scores: Float64Array;
  /**
   * True when a phrase has more than one token: then its reports were matched on the tokens'
   * positions modulo 7, not exactly, and a report may (rarely) hold its pieces apart. The page
   * confirms the phrase in each card's text (a phrase found in the report's metadata is exact).
   */
  unconfirmed: boolean;
  /** Report number → the metadata values that hold a phrase (地区：杭州市), for reports that have any. */
  metadata: Map<number, MetadataHit[]>;
}

/** A field searched besides the text, and how much a match in it counts (facets.ts, METADATA_FIELDS). */
export interface MetadataField {
  key: string;
  weight: number;
}

/** One metadata value that holds phrase number `phrase` of the query. */
export interface MetadataHit {
  phrase: number;
  facet: string;
  value: string;
}

/** One facet value with its reports: a v/<n>.bin file, or an entry of the facet file. */
export interface FacetValueRecord {
  facet: string;
  value: string;
  docs: Uint32Array;
}

/** Reads a searched value's file (v/<n>.bin, inflated). */
export function readValueRecord(bytes: Uint8Array): FacetValueRecord {
  const input = new ByteReader(bytes);
  return { facet: input.string(), value: input.string(), docs: readDocSet(input) };
}

/**
 * Where matchText finds the metadata values that hold a phrase: the whole facet table
 * (tableMetadata), or the buckets' value numbers and one small file per candidate value
 * (indexedMetadata). Both give exactly the values of `fields` that hold the phrase as the text
 * would be matched (containsPhrase: same units, punctuation and case ignored).
 */
export interface MetadataSource {
  fields: readonly MetadataField[];
  valuesHolding(phrase: string): Promise<FacetValueRecord[]>;
}

/** Metadata matched in a facet table that is already loaded. */
export function tableMetadata(table: FacetTable, fields: readonly MetadataField[]): MetadataSource {
  return {
    fields,
    valuesHolding: async (phrase) =>
      fields.flatMap((field) => (table.get(field.key) ?? []).filter((v) => containsPhrase(v.value, '', phrase)).map((v) => ({ facet: field.key, value: v.value, docs: v.docs }))),
  };
}

/** The numbers in every one of `sets` (undefined: no number), ascending. */
function intersect(sets: readonly (Uint32Array | undefined)[]): number[] {
  let kept = Array.from(sets[0] ?? []);
  for (const set of sets.slice(1)) {
    const other = new Set(set);
    kept = kept.filter((n) => other.has(n));
  }
  return kept;
}

export interface IndexedMetadataOptions {
  /** Loads searched value n's file (v/<n>.bin), parsed. */
  loadValue(value: number): Promise<FacetValueRecord>;
  /**
   * When a phrase has more candidate values than `limit` (区 is in every district's name), the
   * whole facet table is loaded instead of that many small files.
   */
  limit: number;
  loadTable(): Promise<FacetTable>;
}

/**
 * Metadata matched without the facet table: a value can hold the phrase only if its name holds
 * every token of the phrase, so the candidates are the intersection of the tokens' value numbers
 * (from the buckets matchText fetches anyway); each candidate's file is fetched and its name
 * checked with containsPhrase. A phrase that names no value costs nothing more.
 */
export function indexedMetadata(source: PostingSource, fields: readonly MetadataField[], options: IndexedMetadataOptions): MetadataSource {
  const searched = new Set(fields.map((f) => f.key));
  return {
    fields,
    async valuesHolding(phrase) {
      const keys = [...new Set(phraseTokens(phrase).map((t) => t.key))];
      const candidates = intersect(await Promise.all(keys.map((key) => source.valuesWith(key))));
      if (candidates.length > options.limit) return tableMetadata(await options.loadTable(), fields).valuesHolding(phrase);
      const records = await Promise.all(candidates.map((n) => options.loadValue(n)));
      return records.filter((r) => searched.has(r.facet) && containsPhrase(r.value, '', phrase));
    },
  };
}

/**
 * Reports whose metadata holds the phrase (`values`, from a MetadataSource), with the values and
 * the best field weight. Exact, so these reports need no confirmation.
 */
export function metadataMatches(phraseIndex: number, values: readonly FacetValueRecord[], fields: readonly MetadataField[]): Map<number, { weight: number; hits: MetadataHit[] }> {
  const found = new Map<number, { weight: number; hits: MetadataHit[] }>();
  for (const field of fields) {
    for (const value of values) {
      if (value.facet !== field.key) continue;
      const hit: MetadataHit = { phrase: phraseIndex, facet: field.key, value: value.value };
      for (const doc of value.docs) {
        const entry = found.get(doc);
        if (!entry) found.set(doc, { weight: field.weight, hits: [hit] });
        else {
          entry.weight = Math.max(entry.weight, field.weight);
          entry.hits.push(hit);
        }
      }
    }
  }
  return found;
}

// A headline match counts this many times a body match: a report about 钱塘 names it in its title.
const TITLE_WEIGHT = 3;

/** Inverse document frequency, as BM25 defines it. */
function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

function popcount(bits: number): number {
  let n = 0;
  for (let b = bits & POSITION_BITS; b; b &= b - 1) n++;
  return n;
}

/** True when the tokens' positions fit one start position modulo POSITION_MODULUS. */
function positionsFit(tokens: readonly PhraseToken[], masks: readonly number[]): boolean {
  for (let start = 0; start < POSITION_MODULUS; start++) {
    let fits = true;
    for (let t = 0; t < tokens.length && fits; t++) fits = (masks[t] & (1 << ((start + tokens[t].offset) % POSITION_MODULUS))) !== 0;
    if (fits) return true;
  }
  return false;
}

/**
 * True when a report can hold the phrase: every token has the phrase's next character among its
 * followers, and all tokens fit one start position modulo POSITION_MODULUS.
 */
function fits(tokens: readonly PhraseToken[], masks: readonly number[], follows: readonly number[]): boolean {
  for (let t = 0; t < tokens.length; t++) {
    const follower = tokens[t].follower;
    if (follower && !(follows[t] & followerBit(follower))) return false;
  }
  return tokens.length === 1 || positionsFit(tokens, masks);
}

/** Reports holding one phrase (all its tokens, fitting together), with their scores. */
function matchPhrase(tokens: readonly PhraseToken[], lists: readonly Posting[], documents: number): { docs: number[]; scores: number[] } {
  // Intersect from the rarest token; at[t][k] is where candidate k sits in token t's list.
  const order = tokens.map((_, i) => i).sort((a, b) => lists[a].docs.length - lists[b].docs.length);
  let candidates = Array.from(lists[order[0]].docs);
  let at: number[][] = tokens.map(() => []);
  at[order[0]] = candidates.map((_, k) => k);
  for (const t of order.slice(1)) {
    const { docs } = lists[t];
    const kept: number[] = [];
    const keptAt: number[][] = tokens.map(() => []);
    let j = 0;
    for (let k = 0; k < candidates.length && j < docs.length; k++) {
      const doc = candidates[k];
      while (j < docs.length && docs[j] < doc) j++;
      if (docs[j] !== doc) continue;
      kept.push(doc);
      for (let r = 0; r < tokens.length; r++) if (at[r].length) keptAt[r].push(at[r][k]);
      keptAt[t].push(j);
    }
    candidates = kept;
    at = keptAt;
  }
  const weights = lists.map((list) => idf(documents, list.docs.length));
  const phraseWeight = weights.reduce((a, b) => a + b, 0);
  const docs: number[] = [];
  const scores: number[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const masks = tokens.map((_, t) => lists[t].masks[at[t][k]]);
    const follows = tokens.map((_, t) => lists[t].follows[at[t][k]]);
    if (!fits(tokens, masks, follows)) continue;
    let score = 0;
    for (let t = 0; t < tokens.length; t++) score += weights[t] * (1 + Math.log(Math.max(1, popcount(masks[t]))));
    if (masks.every((m) => (m & TITLE_BIT) !== 0)) score += TITLE_WEIGHT * phraseWeight;
    docs.push(candidates[k]);
    scores.push(score);
  }
  return { docs, scores };
}

/**
 * Reports holding every phrase (folded to Simplified and split by the caller) in their text or,
 * when `metadata` is given, in their metadata (region, topic, outlet … names), or undefined when
 * no phrase has anything to look up (the query is only punctuation): then the text sets no
 * condition. A metadata match adds its field's weight times the phrase's weight to the score,
 * as a headline match does, so a report filed under 杭州市 ranks above a passing mention.
 */
export async function matchText(phrases: readonly string[], source: PostingSource, metadata?: MetadataSource): Promise<TextMatches | undefined> {
  const plans = phrases.map((phrase, index) => ({ phrase, index, tokens: phraseTokens(phrase) })).filter((p) => p.tokens.length > 0);
  if (plans.length === 0) return undefined;
  const keys = [...new Set(plans.flatMap((p) => p.tokens.map((t) => t.key)))];
  // The postings and (all phrases at once, so their value files are fetched together) the metadata.
  const [found, metaValues] = await Promise.all([
    Promise.all(keys.map(async (key) => [key, await source.posting(key)] as const)).then((entries) => new Map(entries)),
    Promise.all(plans.map((p) => metadata?.valuesHolding(p.phrase) ?? [])),
  ]);
  let docs: number[] | undefined;
  let scores = new Map<number, number>();
  const hitsByDoc = new Map<number, MetadataHit[]>();
  for (const [k, { index, tokens }] of plans.entries()) {
    const lists = tokens.map((t) => found.get(t.key));
    const phrase = lists.every((l): l is Posting => l !== undefined) ? matchPhrase(tokens, lists, source.documents) : { docs: [], scores: [] };
    const own = new Map<number, number>();
    phrase.docs.forEach((doc, i) => own.set(doc, phrase.scores[i]));
    if (metadata) {
      const meta = metadataMatches(index, metaValues[k], metadata.fields);
      // The phrase's weight: its tokens' idf, a token no text holds counted as rare as the metadata matches.
      const weight = tokens.reduce((sum, t) => sum + idf(source.documents, found.get(t.key)?.docs.length ?? meta.size), 0);
      for (const [doc, { weight: field, hits }] of meta) {
        own.set(doc, (own.get(doc) ?? 0) + field * weight);
        const list = hitsByDoc.get(doc);
        if (list) list.push(...hits);
        else hitsByDoc.set(doc, [...hits]);
      }
    }
    const next = new Map<number, number>();
    for (const [doc, score] of own) if (docs === undefined || scores.has(doc)) next.set(doc, (scores.get(doc) ?? 0) + score);
    docs = [...next.keys()].sort((a, b) => a - b);
    scores = next;
  }
  const result = Uint32Array.from(docs ?? []);
  const kept = new Map<number, MetadataHit[]>();
  for (const doc of result) {
    const hits = hitsByDoc.get(doc);
    if (hits) kept.set(doc, hits);
  }
  return { docs: result, scores: Float64Array.from(result, (doc) => scores.get(doc)!), unconfirmed: plans.some((p) => p.tokens.length > 1), metadata: kept };
}

export interface FacetValue {
  value: string;
  docs: Uint32Array;
}
/** Facet name → its values with their reports. */
export type FacetTable = Map<string, FacetValue[]>;

/** The facet file's (inflated) bytes. */
export function readFacetTable(bytes: Uint8Array): FacetTable {
  const input = new ByteReader(bytes);
  const table: FacetTable = new Map();
  const facets = input.varint();
  for (let f = 0; f < facets; f++) {
    const name = input.string();
    const count = input.varint();
    const values: FacetValue[] = [];
    for (let v = 0; v < count; v++) values.push({ value: input.string(), docs: readDocSet(input) });
    table.set(name, values);
  }
  return table;
}

/** Selected values per facet; values within a facet are alternatives (or), facets combine (and). */
export type Selection = Partial<Record<string, readonly string[]>>;

/**
 * One flag per report: 1 when it is in `base` (all reports when undefined) and matches the
 * selection in every facet except `except`.
 */
function allowed(documents: number, base: Uint32Array | undefined, table: FacetTable, selection: Selection, except?: string): Uint8Array {
  let flags = new Uint8Array(documents);
  if (base) for (const doc of base) flags[doc] = 1;
  else flags.fill(1);
  for (const [facet, chosen] of Object.entries(selection)) {
    if (facet === except || !chosen?.length) continue;
    const inFacet = new Uint8Array(documents);
    for (const value of table.get(facet) ?? []) if (chosen.includes(value.value)) for (const doc of value.docs) inFacet[doc] = 1;
    for (let d = 0; d < documents; d++) flags[d] &= inFacet[d];
  }
  return flags;
}

export interface SearchAnswer {
  /** Report numbers in display order. */
  results: number[];
  /**
   * For each facet, how many results each value would give with the other facets' selections kept
   * (the usual "or within a facet" counts: ticking a second year shows what it adds).
   */
  counts: Record<string, Record<string, number>>;
}

/**
 * For each facet, how many results each value of `table` would give with the other facets'
 * selections kept (for a table of only some values, the counts of those values).
 */
export function facetCounts(documents: number, text: TextMatches | undefined, table: FacetTable, selection: Selection, flags = allowed(documents, text?.docs, table, selection)): SearchAnswer['counts'] {
  const counts: Record<string, Record<string, number>> = {};
  for (const [facet, values] of table) {
    const base = selection[facet]?.length ? allowed(documents, text?.docs, table, selection, facet) : flags;
    const perValue: Record<string, number> = {};
    for (const value of values) {
      let n = 0;
      for (const doc of value.docs) n += base[doc];
      if (n > 0) perValue[value.value] = n;
    }
    counts[facet] = perValue;
  }
  return counts;
}

/**
 * The final answer for text matches (undefined: no text condition, every report), a facet
 * selection and a sort order. Relevance without text is date order. `table` must hold every
 * selected value; the counts are those of the values it holds.
 */
export function answer(documents: number, text: TextMatches | undefined, table: FacetTable, selection: Selection, sort: 'relevance' | 'date'): SearchAnswer {
  const flags = allowed(documents, text?.docs, table, selection);
  let results: number[] = [];
  if (text) {
    // Reports are numbered oldest first (format.ts): newest first is descending number.
    const order = Array.from(text.docs.keys()).filter((i) => flags[text.docs[i]]).reverse();
    if (sort === 'relevance') order.sort((a, b) => text.scores[b] - text.scores[a] || text.docs[b] - text.docs[a]);
    results = order.map((i) => text.docs[i]);
  } else {
    for (let d = documents - 1; d >= 0; d--) if (flags[d]) results.push(d);
  }
  return { results, counts: facetCounts(documents, text, table, selection, flags) };
}
