/**
 * Builds the search index (layout in format.ts) from the reports' text and facets. Pure: bytes in
 * memory, uncompressed; the build integration compresses and writes them.
 *
 * Why not Pagefind: at 10,000 reports Pagefind needed 94 s and 5–11 GB to index (it keeps every
 * word's positions per page in memory) and a cold query downloaded 1.4 MB, because its posting
 * lists, filters and page metadata all grow with the archive; docs/scaling.md has the numbers.
 * Here a token's postings are a report set (a bitmap once the token is common) plus two bytes per
 * report (format.ts), hashed into bucket files so a query fetches a handful of small files.
 * The facet values are written twice: all of them in one file for the facet panel's counts, and
 * each searched value (region, topic, outlet) in a file of its own, found through the buckets, so
 * a query naming one fetches only that value.
 */
import { bucketOf, ByteWriter, writeDocSet } from '../index/codec.ts';
import { followerBit, textOccurrences } from '../index/tokens.ts';
import { cardFields, POSITION_MODULUS, TITLE_BIT, type CardRecord } from '../index/format.ts';
import { METADATA_FIELDS } from '../facets.ts';

export interface IndexDocument {
  card: CardRecord;
  /** Facet name → values (省份 → 浙江省 …); every document should name the same facets. */
  facets: Record<string, readonly string[]>;
  /**
   * The text searched, if it differs from the card's (e.g. folded to Simplified); positions are
   * counted in this text. Defaults to the card's title and text.
   */
  searchTitle?: string;
  searchText?: string;
  /** The card's reporters and keywords, if they differ from the card's (folded). */
  searchFields?: readonly string[];
}

export interface BuiltIndex {
  documents: number;
  buckets: Uint8Array[];
  facets: Uint8Array;
  /** Searched facet value n's file (format.ts, v/<n>.bin): facet, value and its reports. */
  values: Uint8Array[];
  records: Uint8Array[];
  /** Distinct tokens and (token, report) pairs, for the build log and the benchmark. */
  stats: { tokens: number; postings: number };
}

export interface BuildOptions {
  /** Aim for buckets of about this many bytes before compression (the bucket count is a power of two). */
  targetBucketBytes?: number;
  /** The facets whose values a query searches (default: METADATA_FIELDS' keys). */
  searchedFacets?: readonly string[];
}

// Most buckets then gzip to a kB or two: a rare token costs one small file, a common one about its
// own size. Smaller buckets also mean fewer other common tokens riding along with a query's: at
// 10,000 reports the phone's cold query 高质量发展 fetched 77.5 kB of buckets with 16 kB (half of
// it other tokens, 规划 and 任务 among them), 53 kB with 4 kB; the index has 12,000 more files
// (28,564) and 0.1 MB more bytes.
const DEFAULT_TARGET_BUCKET_BYTES = 4 * 1024;

/** A typed array twice as long, holding `array`'s values first (the growth of every growable array here). */
function doubled<T extends Uint8Array | Uint16Array | Uint32Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}

/** A growable list of report numbers and their posting bytes, without a JS array per token. */
class PostingList {
  /** The token's number, in order of first occurrence (the builder's scratch bits are indexed by it). */
  readonly id: number;
  docs = new Uint32Array(4);
  masks = new Uint8Array(4);
  follows = new Uint8Array(4);
  length = 0;

  constructor(id: number) {
    this.id = id;
  }

  push(doc: number, mask: number, follow: number): void {
    if (this.length === this.docs.length) {
      this.docs = doubled(this.docs);
      this.masks = doubled(this.masks);
      this.follows = doubled(this.follows);
    }
    this.docs[this.length] = doc;
    this.masks[this.length] = mask;
    this.follows[this.length] = follow;
    this.length++;
  }
}

/** The lists of the keys starting with one code unit: the key of that unit alone, and of it and one more. */
class ShortKeys {
  list: PostingList | undefined = undefined;
  next: Map<number, PostingList> | undefined = undefined;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The smallest power of two ≥ n (and ≥ 1). */
function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Bytes of one posting list in a bucket: key, set and masks (the set's size as if it were gaps, a fair estimate). */
function estimateBytes(key: string, list: PostingList, documents: number): number {
  return key.length * 3 + 4 + Math.min(Math.ceil(documents / 8), list.length * 2) + 2 * list.length;
}

/**
 * Builds the index one report at a time, so a caller can stream: `add` returns the report's card
 * record at once (to be written and forgotten), and `buckets()` yields one bucket at a time. Only
 * the posting lists are held, about 6 bytes per (token, report) pair.
 */
export class SearchIndexBuilder {
  private readonly postings = new Map<string, PostingList>();
  private readonly facetDocs = new Map<string, Map<string, number[]>>();
  private readonly encoder = new TextEncoder();
  private pairs = 0;
  /** Reports added so far; the next one gets this number. */
  documents = 0;

  private readonly options: BuildOptions;
  /**
   * The current report's bits per token (position mask in the low byte, followers' bits in the
   * next), indexed by the token's list id, and the lists it touched. With listOf, an occurrence
   * costs one lookup instead of three string-keyed Map operations (a per-report Map's get and
   * set, then the token's list): at 2,000 reports `add` went from 4.7–5.3 to 1.7–2.2 s, most of the
   * index's build time.
   */
  private bits = new Uint16Array(1 << 12);
  private readonly touched: PostingList[] = [];
  /**
   * Keys of one or two code units (every Han character and bigram of the Basic Multilingual
   * Plane, and one astral character) by their code units: no hashing of a freshly sliced string.
   */
  private readonly short: (ShortKeys | undefined)[] = new Array(0x10000).fill(undefined);

  constructor(options: BuildOptions = {}) {
    this.options = options;
  }

  /** The token's posting list, made on its first occurrence. */
  private listOf(key: string): PostingList {
    let found: PostingList | undefined;
    if (key.length > 2) found = this.postings.get(key);
    else if (key.length === 1) found = this.short[key.charCodeAt(0)]?.list;
    else found = this.short[key.charCodeAt(0)]?.next?.get(key.charCodeAt(1));
    return found ?? this.newList(key);
  }

  private newList(key: string): PostingList {
    const list = new PostingList(this.postings.size);
    this.postings.set(key, list);
    if (key.length <= 2) {
      const short = (this.short[key.charCodeAt(0)] ??= new ShortKeys());
      if (key.length === 1) short.list = list;
      else (short.next ??= new Map()).set(key.charCodeAt(1), list);
    }
    if (list.id === this.bits.length) this.bits = doubled(this.bits);
    return list;
  }

  /** Adds the next report (newest first) and returns its card record's bytes. */
  add(doc: IndexDocument): Uint8Array {
    const number = this.documents++;
    const touched = this.touched;
    let title = true;
    const emit = (key: string, position: number, follower: string | undefined) => {
      const list = this.listOf(key);
      const before = this.bits[list.id];
      if (before === 0) touched.push(list);
      this.bits[list.id] = before | (1 << (position % POSITION_MODULUS)) | (title ? TITLE_BIT : 0) | (follower ? followerBit(follower) << 8 : 0);
    };
    const afterTitle = textOccurrences(doc.searchTitle ?? doc.card.title, 0, emit);
    title = false;
    // One empty position between headline and text, so no phrase runs from one into the other;
    // each reporter and keyword after them the same way.
    let after = textOccurrences(doc.searchText ?? doc.card.text, afterTitle + 1, emit);
    for (const field of doc.searchFields ?? cardFields(doc.card)) after = textOccurrences(field, after + 1, emit);
    const bits = this.bits;
    for (const list of touched) {
      const both = bits[list.id];
      bits[list.id] = 0;
      list.push(number, both & 0xff, both >>> 8);
    }
    this.pairs += touched.length;
    touched.length = 0;
    for (const [facet, values] of Object.entries(doc.facets)) {
      let byValue = this.facetDocs.get(facet);
      if (!byValue) this.facetDocs.set(facet, (byValue = new Map()));
      for (const value of new Set(values)) {
        const list = byValue.get(value);
        if (list) list.push(number);
        else byValue.set(value, [number]);
      }
    }
    return this.encoder.encode(JSON.stringify(doc.card));
  }

  get stats(): BuiltIndex['stats'] {
    return { tokens: this.postings.size, postings: this.pairs };
  }

  /** How many bucket files the tokens are spread over: about targetBucketBytes each, a power of two. */
  bucketCount(): number {
    let estimate = 0;
    for (const [key, list] of this.postings) estimate += estimateBytes(key, list, this.documents);
    return powerOfTwoAtLeast(Math.ceil(estimate / (this.options.targetBucketBytes ?? DEFAULT_TARGET_BUCKET_BYTES)));
  }

  /**
   * Every bucket's bytes, bucket 0 first: the postings of its tokens, then, for those of its tokens
   * that occur in searched facet values, the values' numbers; tokens in code-unit order.
   */
  *buckets(count = this.bucketCount()): Generator<Uint8Array> {
    const byBucket: string[][] = Array.from({ length: count }, () => []);
    for (const key of [...this.postings.keys()].sort(compareKeys)) byBucket[bucketOf(key, count)].push(key);
    const { byKey, values } = this.searchedValues();
    const valueKeys: string[][] = Array.from({ length: count }, () => []);
    for (const key of [...byKey.keys()].sort(compareKeys)) valueKeys[bucketOf(key, count)].push(key);
    for (let b = 0; b < count; b++) {
      const out = new ByteWriter();
      out.varint(byBucket[b].length);
      for (const key of byBucket[b]) {
        const list = this.postings.get(key)!;
        out.string(key);
        writeDocSet(out, list.docs.subarray(0, list.length), this.documents);
        out.bytes(list.masks.subarray(0, list.length));
        out.bytes(list.follows.subarray(0, list.length));
      }
      out.varint(valueKeys[b].length);
      for (const key of valueKeys[b]) {
        out.string(key);
        writeDocSet(out, byKey.get(key)!, values.length);
      }
      yield out.finish();
    }
  }

  /**
   * The searched facet values, numbered as format.ts says (facet names, then values, in code-unit
   * order), and for each token of their names the numbers of the values holding it.
   */
  private searchedValues(): { values: { facet: string; value: string }[]; byKey: Map<string, number[]> } {
    const searched = new Set(this.options.searchedFacets ?? METADATA_FIELDS.map((f) => f.key));
    const values: { facet: string; value: string }[] = [];
    for (const facet of [...this.facetDocs.keys()].sort(compareKeys)) {
      if (!searched.has(facet)) continue;
      for (const value of [...this.facetDocs.get(facet)!.keys()].sort(compareKeys)) values.push({ facet, value });
    }
    const byKey = new Map<string, number[]>();
    values.forEach(({ value }, n) => {
      textOccurrences(value, 0, (key) => {
        const list = byKey.get(key);
        if (!list) byKey.set(key, [n]);
        else if (list[list.length - 1] !== n) list.push(n);
      });
    });
    return { values, byKey };
  }

  /** Each searched facet value's file (v/<n>.bin), value 0 first: facet name, value, reports. */
  *values(): Generator<Uint8Array> {
    for (const { facet, value } of this.searchedValues().values) {
      const out = new ByteWriter();
      out.string(facet);
      out.string(value);
      writeDocSet(out, this.facetDocs.get(facet)!.get(value)!, this.documents);
      yield out.finish();
    }
  }

  /** How many searched facet values there are (the manifest's `values`). */
  valueCount(): number {
    return this.searchedValues().values.length;
  }

  /** The facet file: every facet (by name) with every value and its reports. */
  facets(): Uint8Array {
    const out = new ByteWriter();
    const names = [...this.facetDocs.keys()].sort(compareKeys);
    out.varint(names.length);
    for (const facet of names) {
      const byValue = this.facetDocs.get(facet)!;
      const values = [...byValue.keys()].sort(compareKeys);
      out.string(facet);
      out.varint(values.length);
      for (const value of values) {
        out.string(value);
        writeDocSet(out, byValue.get(value)!, this.documents);
      }
    }
    return out.finish();
  }
}

/**
 * The whole index in memory for `documents`, which must already be in the archive's order (newest
 * first): report n of the index is documents[n].
 */
export function buildSearchIndex(documents: readonly IndexDocument[], options: BuildOptions = {}): BuiltIndex {
  const builder = new SearchIndexBuilder(options);
  const records = documents.map((doc) => builder.add(doc));
  return { documents: builder.documents, buckets: [...builder.buckets()], facets: builder.facets(), values: [...builder.values()], records, stats: builder.stats };
}
