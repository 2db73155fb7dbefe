/**
 * Answering a search from the index (layout in format.ts): which reports hold every phrase, in
 * which order, and how many results each facet value would have. Pure; where the postings come
 * from (files fetched by the page, or an index built in memory by a test) is the caller's business.
 */
import { bucketOf, ByteReader, firstAtLeast, readDocSet } from '../index/codec.ts';
import { DETAIL_FILES, INLINE_DETAIL, POSITION_BITS, POSITION_MODULUS, TITLE_BIT } from '../index/format.ts';
import { containsPhrase, followerBit, phraseTokens, type PhraseToken } from '../index/tokens.ts';

export interface Posting {
  /** Report numbers holding the token, ascending. */
  docs: Uint32Array;
  /**
   * One byte per report in `docs`: title bit and positions modulo POSITION_MODULUS. For a common
   * token (not `detailed`) only the title bit is known and every position is set.
   */
  masks: Uint8Array;
  /**
   * One byte per report in `docs`: the Han characters seen right after the token (followerBit);
   * every bit for a common token (not `detailed`).
   */
  follows: Uint8Array;
  /** False for a common token, whose real masks and followers are in detail files (format.ts). */
  detailed: boolean;
}

/** A common token's masks and followers for its reports in one run of report numbers. */
export interface PostingDetail {
  masks: Uint8Array;
  follows: Uint8Array;
}

export interface PostingSource {
  documents: number;
  /** How many report numbers a detail file covers (the manifest's detailChunk). */
  detailChunk: number;
  /** The token's postings, or undefined when no report holds it. */
  posting(key: string): Promise<Posting | undefined>;
  /** The numbers of the searched facet values whose name holds the token (format.ts), or undefined. */
  valuesWith(key: string): Promise<Uint32Array | undefined>;
  /**
   * A common token's masks and followers for its reports numbered chunk·detailChunk to
   * (chunk+1)·detailChunk − 1, in order; undefined when it has none there.
   */
  detail(key: string, chunk: number): Promise<PostingDetail | undefined>;
  /** The same, if its file is already loaded; otherwise undefined (nothing is fetched). */
  loadedDetail(key: string, chunk: number): PostingDetail | undefined;
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
    const stored = input.varint();
    const docs = readDocSet(input);
    if (stored === INLINE_DETAIL) postings.set(key, { docs, masks: input.bytes(docs.length), follows: input.bytes(docs.length), detailed: true });
    else if (stored === DETAIL_FILES) postings.set(key, commonPosting(docs, readDocSet(input)));
    else throw new RangeError(`bucket token ${key}: unknown storage ${stored}`);
  }
  const values = new Map<string, Uint32Array>();
  const valueKeys = input.varint();
  for (let i = 0; i < valueKeys; i++) {
    const key = input.string();
    values.set(key, readDocSet(input));
  }
  return { postings, values };
}

/** A common token's posting as its bucket has it: the title bit from the headline set, every position and follower. */
function commonPosting(docs: Uint32Array, titled: Uint32Array): Posting {
  const masks = new Uint8Array(docs.length).fill(POSITION_BITS);
  for (let i = 0, j = 0; i < docs.length && j < titled.length; i++) {
    if (docs[i] !== titled[j]) continue;
    masks[i] |= TITLE_BIT;
    j++;
  }
  return { docs, masks, follows: new Uint8Array(docs.length).fill(0xff), detailed: false };
}

/** Every common token's masks and followers in one detail file's (inflated) bytes. */
export function readDetail(bytes: Uint8Array): Map<string, PostingDetail> {
  const input = new ByteReader(bytes);
  const details = new Map<string, PostingDetail>();
  while (!input.done) {
    const key = input.string();
    const count = input.varint();
    details.set(key, { masks: input.bytes(count), follows: input.bytes(count) });
  }
  return details;
}

/** Where bucketSource gets its files' inflated bytes: a fetch in the page, arrays in tests. */
export interface IndexFiles {
  documents: number;
  buckets: number;
  detailChunk: number;
  bucket(bucket: number): Promise<Uint8Array>;
  detail(bucket: number, chunk: number): Promise<Uint8Array>;
}

/** Postings read from bucket and detail files; each file is loaded and parsed once. */
export function bucketSource(files: IndexFiles): PostingSource {
  const parsed = new Map<number, Promise<Bucket>>();
  const details = new Map<string, Promise<Map<string, PostingDetail>>>();
  const loaded = new Map<string, Map<string, PostingDetail>>();
  const bucket = (key: string) => {
    const i = bucketOf(key, files.buckets);
    let found = parsed.get(i);
    if (!found) parsed.set(i, (found = files.bucket(i).then(readBucket)));
    found.catch(() => parsed.delete(i));
    return found;
  };
  return {
    documents: files.documents,
    detailChunk: files.detailChunk,
    posting: async (key) => (await bucket(key)).postings.get(key),
    valuesWith: async (key) => (await bucket(key)).values.get(key),
    detail: async (key, chunk) => {
      const name = `${bucketOf(key, files.buckets)}-${chunk}`;
      let found = details.get(name);
      if (!found) {
        found = files.detail(bucketOf(key, files.buckets), chunk).then(readDetail);
        details.set(name, found);
        found.then((file) => loaded.set(name, file)).catch(() => details.delete(name));
      }
      return (await found).get(key);
    },
    loadedDetail: (key, chunk) => loaded.get(`${bucketOf(key, files.buckets)}-${chunk}`)?.get(key),
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
  /**
   * The phrases whose text matches were found without a common token's positions and followers
   * (they are in detail files): some of their reports may fail the check once those are read
   * (refine). Empty when every report was checked on every token.
   */
  loose: LoosePhrase[];
  /**
   * When the count is an estimate, which the page marks 约. Either or both of:
   * - some candidates of loose phrases are not checked yet: `rate`, the share of the checked ones
   *   that passed, and `unchecked`, a flag per report (1: not yet checked);
   * - the first page's cards were confirmed against their text and some did not hold the query:
   *   `cardRate`, the share that did, and `cards`, per report 1 (holds) or 2 (does not).
   * A report then counts 1 or 0 when its card was confirmed, else its share: `rate` while it is
   * unchecked, times `cardRate` (the positions modulo 7 and followers pass some reports whose
   * text holds the phrase's pieces apart; the cards tell how many).
   */
  estimate?: { rate: number; unchecked?: Uint8Array; cardRate?: number; cards?: Uint8Array };
}

/** What report `doc` adds to a count: 1, or its share of the estimate (TextMatches.estimate). */
function countOf(text: TextMatches | undefined, doc: number): number {
  const estimate = text?.estimate;
  if (!estimate) return 1;
  const card = estimate.cards?.[doc];
  if (card === 1) return 1;
  if (card === 2) return 0;
  return (estimate.unchecked?.[doc] ? estimate.rate : 1) * (estimate.cardRate ?? 1);
}

/** A phrase matched without some common token's bytes: what refine() needs to finish the check. */
export interface LoosePhrase {
  /** The phrase's number in the query. */
  index: number;
  tokens: PhraseToken[];
  lists: Posting[];
  /** The reports matched through the text (not only through metadata), ascending. */
  docs: Uint32Array;
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

/**
 * Reports holding one phrase (all its tokens, fitting together), with their scores. Typed arrays
 * and one pair of scratch arrays, not arrays per candidate: at 100,000 reports 高质量发展 has
 * 99,517 candidates, and the per-candidate arrays were most of the query's time on the page.
 */
function matchPhrase(tokens: readonly PhraseToken[], lists: readonly Posting[], documents: number): { docs: Uint32Array; scores: Float64Array } {
  const n = tokens.length;
  // Intersect from the rarest token; at[t][k] is where candidate k sits in token t's list.
  const order = tokens.map((_, i) => i).sort((a, b) => lists[a].docs.length - lists[b].docs.length);
  let candidates = lists[order[0]].docs;
  let at: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(n).fill(undefined);
  at[order[0]] = Int32Array.from(candidates.keys());
  for (const t of order.slice(1)) {
    const { docs } = lists[t];
    const kept = new Uint32Array(candidates.length);
    const keptAt = at.map((positions) => positions && new Int32Array(candidates.length));
    const mine = new Int32Array(candidates.length);
    let m = 0;
    let j = 0;
    for (let k = 0; k < candidates.length && j < docs.length; k++) {
      const doc = candidates[k];
      while (j < docs.length && docs[j] < doc) j++;
      if (docs[j] !== doc) continue;
      kept[m] = doc;
      for (let r = 0; r < n; r++) if (at[r]) keptAt[r]![m] = at[r]![k];
      mine[m] = j;
      m++;
    }
    candidates = kept.subarray(0, m);
    at = keptAt.map((positions) => positions?.subarray(0, m));
    at[t] = mine.subarray(0, m);
  }
  const weights = lists.map((list) => idf(documents, list.docs.length));
  const phraseWeight = weights.reduce((a, b) => a + b, 0);
  const docs = new Uint32Array(candidates.length);
  const scores = new Float64Array(candidates.length);
  const masks = new Array<number>(n);
  const follows = new Array<number>(n);
  let kept = 0;
  for (let k = 0; k < candidates.length; k++) {
    let titled = true;
    for (let t = 0; t < n; t++) {
      masks[t] = lists[t].masks[at[t]![k]];
      follows[t] = lists[t].follows[at[t]![k]];
      if ((masks[t] & TITLE_BIT) === 0) titled = false;
    }
    if (!fits(tokens, masks, follows)) continue;
    let score = 0;
    // How often a common token occurs is not read (its bytes are in detail files): it counts once.
    for (let t = 0; t < n; t++) score += weights[t] * (1 + (lists[t].detailed ? Math.log(Math.max(1, popcount(masks[t]))) : 0));
    if (titled) score += TITLE_WEIGHT * phraseWeight;
    docs[kept] = candidates[k];
    scores[kept] = score;
    kept++;
  }
  return { docs: docs.subarray(0, kept), scores: scores.subarray(0, kept) };
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
  // Scores per report in typed arrays, not Maps: a common phrase matches most of the archive.
  const documents = source.documents;
  const total = new Float64Array(documents);
  const alive = new Uint8Array(documents);
  const own = new Float64Array(documents);
  const mine = new Uint8Array(documents);
  const hitsByDoc = new Map<number, MetadataHit[]>();
  const loose: LoosePhrase[] = [];
  for (const [k, { index, tokens }] of plans.entries()) {
    const lists = tokens.map((t) => found.get(t.key));
    const complete = lists.every((l): l is Posting => l !== undefined);
    const phrase = complete ? matchPhrase(tokens, lists, documents) : { docs: new Uint32Array(0), scores: new Float64Array(0) };
    if (complete && tokens.length > 1 && lists.some((l) => !l.detailed) && phrase.docs.length > 0) loose.push({ index, tokens, lists, docs: phrase.docs });
    own.fill(0);
    mine.fill(0);
    phrase.docs.forEach((doc, i) => {
      own[doc] = phrase.scores[i];
      mine[doc] = 1;
    });
    if (metadata) {
      const meta = metadataMatches(index, metaValues[k], metadata.fields);
      // The phrase's weight: its tokens' idf, a token no text holds counted as rare as the metadata matches.
      const weight = tokens.reduce((sum, t) => sum + idf(documents, found.get(t.key)?.docs.length ?? meta.size), 0);
      for (const [doc, { weight: field, hits }] of meta) {
        own[doc] = own[doc] + field * weight;
        mine[doc] = 1;
        const list = hitsByDoc.get(doc);
        if (list) list.push(...hits);
        else hitsByDoc.set(doc, [...hits]);
      }
    }
    // A report stays when it matched every phrase so far; its score is the sum of theirs.
    for (let doc = 0; doc < documents; doc++) {
      if (mine[doc] && (k === 0 || alive[doc])) {
        total[doc] = (k === 0 ? 0 : total[doc]) + own[doc];
        alive[doc] = 1;
      } else alive[doc] = 0;
    }
  }
  let matched = 0;
  for (let doc = 0; doc < documents; doc++) matched += alive[doc];
  const result = new Uint32Array(matched);
  for (let doc = 0, i = 0; doc < documents; doc++) if (alive[doc]) result[i++] = doc;
  const kept = new Map<number, MetadataHit[]>();
  for (const doc of result) {
    const hits = hitsByDoc.get(doc);
    if (hits) kept.set(doc, hits);
  }
  return { docs: result, scores: Float64Array.from(result, (doc) => total[doc]), unconfirmed: plans.some((p) => p.tokens.length > 1), metadata: kept, loose };
}

/** The position of `doc` in `docs` (ascending), or −1. */
function indexOf(docs: Uint32Array, doc: number): number {
  const at = firstAtLeast(docs, doc);
  return docs[at] === doc ? at : -1;
}

/** The common tokens' detail at hand: a run's masks and followers, or undefined when not loaded. */
type DetailAt = (key: string, chunk: number) => PostingDetail | undefined;

/**
 * Whether report `doc` (one of `phrase.docs`) holds the phrase once its common tokens' bytes are
 * read: the same check matchText makes with every byte inline. Undefined when a detail file it
 * needs is not at hand.
 */
function holdsLoose(phrase: LoosePhrase, doc: number, chunkSize: number, detailAt: DetailAt): boolean | undefined {
  const { tokens, lists } = phrase;
  const chunk = Math.floor(doc / chunkSize);
  const masks: number[] = [];
  const follows: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const list = lists[t];
    const at = indexOf(list.docs, doc);
    if (list.detailed) {
      masks.push(list.masks[at]);
      follows.push(list.follows[at]);
      continue;
    }
    const detail = detailAt(tokens[t].key, chunk);
    if (!detail) return undefined;
    // The detail file lists the token's reports in this run in order: doc is the kth.
    const k = at - firstAtLeast(list.docs, chunk * chunkSize, at);
    if (k >= detail.masks.length) throw new RangeError(`detail file ${chunk} lacks ${tokens[t].key} for report ${doc}`);
    masks.push(detail.masks[k]);
    follows.push(detail.follows[k]);
  }
  return fits(tokens, masks, follows);
}

/** The loose phrases report `doc` must pass: those it matched through the text alone. */
function looseFor(text: TextMatches, doc: number): LoosePhrase[] {
  return text.loose.filter(({ index, docs }) => indexOf(docs, doc) >= 0 && !text.metadata.get(doc)?.some((hit) => hit.phrase === index));
}

/**
 * Of `reports` (some of `text.docs`), those that fail a loose phrase once its common tokens'
 * positions and followers are read from their detail files. Only the detail files of these
 * reports' runs are fetched, so a page checks the reports it is about to show, not every
 * candidate. A report that holds the phrase in its metadata never fails.
 */
export async function refine(text: TextMatches, reports: readonly number[], source: PostingSource): Promise<Set<number>> {
  const checks = reports.map((doc) => ({ doc, chunk: Math.floor(doc / source.detailChunk), phrases: looseFor(text, doc) }));
  const wanted = new Map<string, Promise<PostingDetail | undefined>>();
  for (const { chunk, phrases } of checks) {
    for (const { tokens, lists } of phrases) {
      tokens.forEach(({ key }, t) => {
        if (!lists[t].detailed && !wanted.has(`${key}\n${chunk}`)) wanted.set(`${key}\n${chunk}`, source.detail(key, chunk));
      });
    }
  }
  const loaded = new Map<string, PostingDetail | undefined>();
  await Promise.all([...wanted].map(async ([name, detail]) => loaded.set(name, await detail)));
  const failing = new Set<number>();
  for (const { doc, phrases } of checks) {
    for (const phrase of phrases) {
      const holds = holdsLoose(phrase, doc, source.detailChunk, (key, chunk) => loaded.get(`${key}\n${chunk}`));
      if (holds === undefined) throw new RangeError(`no detail for report ${doc}`);
      if (!holds) failing.add(doc);
    }
  }
  return failing;
}

/** What refineLoaded found: the candidates that failed, how many were checked, which were not. */
export interface LoadedCheck {
  failing: Set<number>;
  /** Candidates checked on every loose phrase they needed (passed or failed). */
  checked: number;
  /** One flag per report: 1 when a candidate could not be checked yet (its runs' files not loaded). */
  unchecked: Uint8Array;
  uncheckedCount: number;
}

/**
 * Every candidate of `text` that the detail files already loaded can check (loadedDetail), run
 * by run: the runs a page's first reports are in hold thousands of other candidates, checked this
 * way at no cost in bytes; how many of them pass estimates how many of the unchecked will
 * (TextMatches.estimate). Work is spent only on the runs whose files are loaded.
 */
export function refineLoaded(text: TextMatches, source: PostingSource): LoadedCheck {
  const documents = source.documents;
  const inText = new Uint8Array(documents);
  for (const doc of text.docs) inText[doc] = 1;
  // Per report: 0 nothing to check, 1 passed every check made, 2 some check not possible yet, 3 failed.
  const state = new Uint8Array(documents);
  const chunk = source.detailChunk;
  for (const phrase of text.loose) {
    const common = phrase.tokens.filter((_, t) => !phrase.lists[t].detailed).map((t) => t.key);
    const needs = (doc: number) => inText[doc] === 1 && state[doc] !== 3 && !text.metadata.get(doc)?.some((hit) => hit.phrase === phrase.index);
    for (let run = 0; run * chunk < documents; run++) {
      const from = firstAtLeast(phrase.docs, run * chunk);
      const to = firstAtLeast(phrase.docs, (run + 1) * chunk);
      if (from === to) continue;
      const loaded = common.every((key) => source.loadedDetail(key, run) !== undefined);
      for (let i = from; i < to; i++) {
        const doc = phrase.docs[i];
        if (!needs(doc)) continue;
        if (!loaded) state[doc] = 2;
        else if (!holdsLoose(phrase, doc, chunk, source.loadedDetail)) state[doc] = 3;
        else if (state[doc] === 0) state[doc] = 1;
      }
    }
  }
  const failing = new Set<number>();
  const unchecked = new Uint8Array(documents);
  let checked = 0;
  let uncheckedCount = 0;
  for (const doc of text.docs) {
    if (state[doc] === 3) failing.add(doc);
    if (state[doc] === 2) {
      unchecked[doc] = 1;
      uncheckedCount++;
    } else if (state[doc] !== 0) checked++;
  }
  return { failing, checked, unchecked, uncheckedCount };
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
  /** How many results: results.length, or its estimate when the text matches carry one. */
  total: number;
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
      for (const doc of value.docs) n += base[doc] * countOf(text, doc);
      // An estimate rounds, but a value with a report left is never counted as none.
      if (n > 0) perValue[value.value] = Math.max(1, Math.round(n));
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
  let total = results.length;
  if (text?.estimate) total = Math.max(Math.min(1, total), Math.round(results.reduce((sum, doc) => sum + countOf(text, doc), 0)));
  return { results, total, counts: facetCounts(documents, text, table, selection, flags) };
}
