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
import { bucketOf, ByteReader, ByteWriter, firstAtLeast, writeDocSet } from '../index/codec.ts';
import { followerBitOf, textOccurrences, textOccurrencesTo, type OccurrenceSink } from '../index/tokens.ts';
import { cardFields, DETAIL_FILES, INLINE_DETAIL, POSITION_MODULUS, TITLE_BIT, type CardRecord } from '../index/format.ts';
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
  /** The common tokens' detail files (format.ts, d/<bucket>-<chunk>.bin), and the run each covers. */
  details: DetailFile[];
  detailChunk: number;
  facets: Uint8Array;
  /** Searched facet value n's file (format.ts, v/<n>.bin): facet, value and its reports. */
  values: Uint8Array[];
  records: Uint8Array[];
  /** Distinct tokens and (token, report) pairs, for the build log and the benchmark. */
  stats: { tokens: number; postings: number };
}

/** One detail file: the common tokens of one bucket, for one run of report numbers. */
export interface DetailFile {
  bucket: number;
  chunk: number;
  bytes: Uint8Array;
}

export interface BuildOptions {
  /** Aim for buckets of about this many bytes before compression (the bucket count is a power of two). */
  targetBucketBytes?: number;
  /** The facets whose values a query searches (default: METADATA_FIELDS' keys). */
  searchedFacets?: readonly string[];
  /**
   * A token is common, its two bytes per report moved to detail files, when it is in more than
   * this many reports and in more than `commonShare` of them (defaults 2,048 and a quarter).
   */
  commonMin?: number;
  commonShare?: number;
  /** How many report numbers one detail file covers (default 8,192). */
  detailChunk?: number;
}

// A token in more than a quarter of the reports says little about what a report is about (its
// idf is below ln 4 ≈ 1.4), so the ranking does not read how often it occurs, and a query need
// not fetch its two bytes per report for every candidate: only for the reports it shows. Below
// 2,048 reports those bytes cost at most 4 kB per token, and every token keeps them inline.
const DEFAULT_COMMON_MIN = 2048;
const DEFAULT_COMMON_SHARE = 0.25;
// At 100,000 reports a detail file of a token in every report is 16 kB before compression, about
// 8 kB after; a query's first page usually needs one per common token (the newest reports).
const DEFAULT_DETAIL_CHUNK = 8192;

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
  docs: Uint32Array;
  masks: Uint8Array;
  follows: Uint8Array;
  length = 0;
  /** True once a report was pushed below the last one (a report added between carried ones). */
  unsorted = false;

  constructor(id: number, capacity = 4) {
    this.id = id;
    this.docs = new Uint32Array(capacity);
    this.masks = new Uint8Array(capacity);
    this.follows = new Uint8Array(capacity);
  }

  push(doc: number, mask: number, follow: number): void {
    if (this.length === this.docs.length) {
      this.docs = doubled(this.docs);
      this.masks = doubled(this.masks);
      this.follows = doubled(this.follows);
    }
    if (this.length > 0 && doc < this.docs[this.length - 1]) this.unsorted = true;
    this.docs[this.length] = doc;
    this.masks[this.length] = mask;
    this.follows[this.length] = follow;
    this.length++;
  }

  /**
   * Puts the reports back in ascending order, each with its two bytes. Each report is one number
   * (report × 2¹⁶ + its two bytes, below 2⁴⁸, exact in a double) sorted by the typed array's own
   * numeric sort: in an editor's wait the lists of common tokens hold every report, and sorting
   * them through a comparator over indices cost about 0.2 s of the pass at 10,000 reports (a
   * second under the profiler). A report occurs at most once in a list, so the order is by report
   * alone.
   */
  sort(): void {
    if (!this.unsorted) return;
    const n = this.length;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = this.docs[i] * 65536 + this.masks[i] * 256 + this.follows[i];
    keys.sort();
    for (let i = 0; i < n; i++) {
      const bytes = keys[i] % 65536;
      this.docs[i] = (keys[i] - bytes) / 65536;
      this.masks[i] = bytes >>> 8;
      this.follows[i] = bytes & 0xff;
    }
    this.unsorted = false;
  }
}

/** The lists of the keys starting with one code unit: the key of that unit alone, and of it and one more. */
class ShortKeys {
  list: PostingList | undefined = undefined;
  next: Map<number, PostingList> | undefined = undefined;
}

const encoder = new TextEncoder();

/** A report's card record as the index stores it (r/<n>.bin before compression): its JSON. */
export function cardBytes(card: CardRecord): Uint8Array {
  return encoder.encode(JSON.stringify(card));
}

/** What the first string of a snapshot() says: another string is not a snapshot of this shape. */
const SNAPSHOT_FORMAT = 'xieshang search-index postings 1';

/** The size a snapshot() piece is cut at. */
const SNAPSHOT_PIECE = 1 << 20;

/** The pieces as one array (no copy when there is one piece, as when read back from a file). */
function joined(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const all = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    all.set(piece, at);
    at += piece.length;
  }
  return all;
}

/** Sorted distinct numbers as varint gaps (the snapshot's form: no bitmaps, no size limit). */
function writeGaps(out: ByteWriter, numbers: ArrayLike<number>, length = numbers.length): void {
  let previous = -1;
  for (let i = 0; i < length; i++) {
    out.varint(numbers[i] - previous - 1);
    previous = numbers[i];
  }
}

/** Reads `count` numbers written by writeGaps, each through `remap` (old number → new, −1: dropped). */
function readRemapped(input: ByteReader, count: number, remap: Int32Array, into: Int32Array): void {
  let previous = -1;
  for (let i = 0; i < count; i++) {
    previous += input.varint() + 1;
    if (previous >= remap.length) throw new RangeError(`search index snapshot names report ${previous} of ${remap.length}`);
    into[i] = remap[previous];
  }
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

/**
 * Bytes of one posting list in a bucket: key, set and masks (the set's size as if it were gaps, a
 * fair estimate); a common token's headline set counted as large as its report set.
 */
function estimateBytes(key: string, list: PostingList, documents: number, common: boolean): number {
  const set = Math.min(Math.ceil(documents / 8), list.length * 2);
  return key.length * 3 + 4 + set + (common ? set : 2 * list.length);
}

/**
 * Builds the index one report at a time, so a caller can stream: `add` returns the report's card
 * record at once (to be written and forgotten), and `buckets()` yields one bucket at a time. Only
 * the posting lists are held, about 6 bytes per (token, report) pair.
 */
export class SearchIndexBuilder {
  private readonly postings = new Map<string, PostingList>();
  private readonly facetDocs = new Map<string, Map<string, number[]>>();
  /** True once a facet value got a report below its last one (see add). */
  private facetsUnsorted = false;
  private pairs = 0;
  /** One more than the highest report number so far: the next report's number by default. */
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

  private newList(key: string, capacity?: number): PostingList {
    const list = new PostingList(this.postings.size, capacity);
    this.postings.set(key, list);
    if (key.length <= 2) {
      const short = (this.short[key.charCodeAt(0)] ??= new ShortKeys());
      if (key.length === 1) short.list = list;
      else (short.next ??= new Map()).set(key.charCodeAt(1), list);
    }
    if (list.id === this.bits.length) this.bits = doubled(this.bits);
    return list;
  }

  /** While add() reads the headline: its tokens get TITLE_BIT. */
  private inTitle = false;

  /** Records one occurrence of the token `list` for the report being added (see add). */
  private occur(list: PostingList, position: number, follower: number): void {
    const before = this.bits[list.id];
    if (before === 0) this.touched.push(list);
    this.bits[list.id] = before | (1 << (position % POSITION_MODULUS)) | (this.inTitle ? TITLE_BIT : 0) | (follower >= 0 ? followerBitOf(follower) << 8 : 0);
  }

  /** add()'s tokens, straight from textOccurrencesTo: a Han token's list is found by its code units, with no string made. */
  private readonly sink: OccurrenceSink = {
    han: (first, second, position, follower) => {
      const short = this.short[first];
      const list = (second < 0 ? short?.list : short?.next?.get(second)) ?? this.newList(second < 0 ? String.fromCharCode(first) : String.fromCharCode(first, second));
      this.occur(list, position, follower);
    },
    other: (key, position, follower) => this.occur(this.listOf(key), position, follower),
  };

  /**
   * Adds a report as number `number` (by default the next: reports are numbered oldest first) and
   * returns its card record's bytes. A number below one already used is allowed once (a report
   * that falls between reports carried over from the last build, see carry): the lists are put
   * back in order before anything is written.
   */
  add(doc: IndexDocument, number = this.documents): Uint8Array {
    this.documents = Math.max(this.documents, number + 1);
    this.inTitle = true;
    const afterTitle = textOccurrencesTo(doc.searchTitle ?? doc.card.title, 0, this.sink);
    this.inTitle = false;
    // One empty position between headline and text, so no phrase runs from one into the other;
    // each reporter and keyword after them the same way.
    let after = textOccurrencesTo(doc.searchText ?? doc.card.text, afterTitle + 1, this.sink);
    for (const field of doc.searchFields ?? cardFields(doc.card)) after = textOccurrencesTo(field, after + 1, this.sink);
    const touched = this.touched;
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
        if (!list) byValue.set(value, [number]);
        else {
          if (list[list.length - 1] > number) this.facetsUnsorted = true;
          list.push(number);
        }
      }
    }
    return cardBytes(doc.card);
  }

  /**
   * Starts from an earlier build's postings and facet values (its snapshot()), keeping the reports
   * that `remap` gives a new number (old number → new, −1: dropped, e.g. changed or removed),
   * which must keep their old order. The reports that are new or changed are then added with
   * their numbers; the result is the index a build from nothing would make, without reading and
   * tokenising every report again (an editor's wait, docs/scaling.md).
   */
  carry(snapshot: readonly Uint8Array[], remap: Int32Array): void {
    if (this.postings.size > 0 || this.documents > 0) throw new Error('carry() must come before any report is added');
    const input = new ByteReader(joined(snapshot));
    if (input.string() !== SNAPSHOT_FORMAT) throw new Error('not a search index snapshot of this version');
    const documents = input.varint();
    if (documents !== remap.length) throw new RangeError(`the search index snapshot has ${documents} reports, the remap ${remap.length}`);
    let previous = -1;
    for (const number of remap) {
      if (number < 0) continue;
      if (number <= previous) throw new RangeError('carried reports must keep their order');
      previous = number;
    }
    this.documents = previous + 1;
    let numbers = new Int32Array(1024);
    const tokens = input.varint();
    for (let t = 0; t < tokens; t++) {
      const key = input.string();
      const count = input.varint();
      if (count > numbers.length) numbers = new Int32Array(Math.max(count, numbers.length * 2));
      readRemapped(input, count, remap, numbers);
      const masks = input.bytes(count);
      const follows = input.bytes(count);
      let kept = 0;
      for (let i = 0; i < count; i++) if (numbers[i] >= 0) kept++;
      if (kept === 0) continue;
      const list = this.newList(key, kept);
      for (let i = 0; i < count; i++) if (numbers[i] >= 0) list.push(numbers[i], masks[i], follows[i]);
      this.pairs += kept;
    }
    const facets = input.varint();
    for (let f = 0; f < facets; f++) {
      const facet = input.string();
      const byValue = new Map<string, number[]>();
      const values = input.varint();
      for (let v = 0; v < values; v++) {
        const value = input.string();
        const count = input.varint();
        if (count > numbers.length) numbers = new Int32Array(Math.max(count, numbers.length * 2));
        readRemapped(input, count, remap, numbers);
        const kept = Array.from(numbers.subarray(0, count)).filter((n) => n >= 0);
        if (kept.length) byValue.set(value, kept);
      }
      if (byValue.size) this.facetDocs.set(facet, byValue);
    }
    if (!input.done) throw new RangeError('the search index snapshot has bytes after its end');
  }

  /**
   * The postings and facet values as they stand, for carry() in the next build: every token's
   * reports with their two bytes, every facet value's reports (numbers as varint gaps), in pieces
   * of about `pieceBytes` (the build uses the default; tests cut small ones).
   */
  snapshot(pieceBytes = SNAPSHOT_PIECE): Uint8Array[] {
    this.settle();
    // In pieces, not one buffer grown by doubling and then copied:
    // that buffer is ≈ 50 MB at 10,000 reports and ≈ 150 MB at 30,000, and it was copied once
    // more to write the memory file (index-memory.ts writes the pieces one after another).
    const pieces: Uint8Array[] = [];
    let out = new ByteWriter();
    const cut = () => {
      if (out.length < pieceBytes) return;
      pieces.push(out.finish());
      out = new ByteWriter();
    };
    out.string(SNAPSHOT_FORMAT);
    out.varint(this.documents);
    out.varint(this.postings.size);
    for (const [key, list] of this.postings) {
      out.string(key);
      out.varint(list.length);
      writeGaps(out, list.docs, list.length);
      out.bytes(list.masks.subarray(0, list.length));
      out.bytes(list.follows.subarray(0, list.length));
      cut();
    }
    out.varint(this.facetDocs.size);
    for (const [facet, byValue] of this.facetDocs) {
      out.string(facet);
      out.varint(byValue.size);
      for (const [value, docs] of byValue) {
        out.string(value);
        out.varint(docs.length);
        writeGaps(out, docs);
        cut();
      }
    }
    if (out.length > 0) pieces.push(out.finish());
    return pieces;
  }

  /** Puts every list in ascending report order again after reports were added between others. */
  private settle(): void {
    for (const list of this.postings.values()) list.sort();
    if (!this.facetsUnsorted) return;
    for (const byValue of this.facetDocs.values()) for (const docs of byValue.values()) docs.sort((a, b) => a - b);
    this.facetsUnsorted = false;
  }

  get stats(): BuiltIndex['stats'] {
    return { tokens: this.postings.size, postings: this.pairs };
  }

  /** True when the token's two bytes per report go to detail files (BuildOptions.commonMin). */
  private common(list: PostingList): boolean {
    const { commonMin = DEFAULT_COMMON_MIN, commonShare = DEFAULT_COMMON_SHARE } = this.options;
    return list.length > commonMin && list.length > commonShare * this.documents;
  }

  /** How many report numbers one detail file covers (the manifest's detailChunk). */
  get detailChunk(): number {
    return this.options.detailChunk ?? DEFAULT_DETAIL_CHUNK;
  }

  /** How many bucket files the tokens are spread over: about targetBucketBytes each, a power of two. */
  bucketCount(): number {
    this.settle();
    let estimate = 0;
    for (const [key, list] of this.postings) estimate += estimateBytes(key, list, this.documents, this.common(list));
    return powerOfTwoAtLeast(Math.ceil(estimate / (this.options.targetBucketBytes ?? DEFAULT_TARGET_BUCKET_BYTES)));
  }

  /**
   * Every bucket's bytes, bucket 0 first: the postings of its tokens, then, for those of its tokens
   * that occur in searched facet values, the values' numbers; tokens in code-unit order.
   */
  *buckets(count = this.bucketCount()): Generator<Uint8Array> {
    this.settle();
    const byBucket = this.keysByBucket(count);
    const { byKey, values } = this.searchedValues();
    const valueKeys: string[][] = Array.from({ length: count }, () => []);
    for (const key of [...byKey.keys()].sort(compareKeys)) valueKeys[bucketOf(key, count)].push(key);
    for (let b = 0; b < count; b++) {
      const out = new ByteWriter();
      out.varint(byBucket[b].length);
      for (const key of byBucket[b]) {
        const list = this.postings.get(key)!;
        const docs = list.docs.subarray(0, list.length);
        out.string(key);
        if (this.common(list)) {
          out.varint(DETAIL_FILES);
          writeDocSet(out, docs, this.documents);
          writeDocSet(out, docs.filter((_, i) => (list.masks[i] & TITLE_BIT) !== 0), this.documents);
        } else {
          out.varint(INLINE_DETAIL);
          writeDocSet(out, docs, this.documents);
          out.bytes(list.masks.subarray(0, list.length));
          out.bytes(list.follows.subarray(0, list.length));
        }
      }
      out.varint(valueKeys[b].length);
      for (const key of valueKeys[b]) {
        out.string(key);
        writeDocSet(out, byKey.get(key)!, values.length);
      }
      yield out.finish();
    }
  }

  /** Each bucket's tokens, in code-unit order. */
  private keysByBucket(count: number): string[][] {
    const byBucket: string[][] = Array.from({ length: count }, () => []);
    for (const key of [...this.postings.keys()].sort(compareKeys)) byBucket[bucketOf(key, count)].push(key);
    return byBucket;
  }

  /**
   * The detail files (format.ts): for each bucket with common tokens and each run of detailChunk
   * report numbers where one of them occurs, those tokens' two bytes per report in that run.
   * Buckets in order, runs in order within a bucket.
   */
  *details(count = this.bucketCount()): Generator<DetailFile> {
    this.settle();
    const chunk = this.detailChunk;
    const chunks = Math.ceil(this.documents / chunk);
    // Only the common tokens, grouped by bucket (in key order, as in buckets()): sorting every key
    // again, as keysByBucket does, would be most of the work.
    const byBucket = new Map<number, string[]>();
    const common = [...this.postings].filter(([, list]) => this.common(list)).map(([key]) => key);
    for (const key of common.sort(compareKeys)) {
      const bucket = bucketOf(key, count);
      const keys = byBucket.get(bucket);
      if (keys) keys.push(key);
      else byBucket.set(bucket, [key]);
    }
    for (const bucket of [...byBucket.keys()].sort((a, b) => a - b)) {
      const keys = byBucket.get(bucket)!;
      for (let c = 0; c < chunks; c++) {
        const out = new ByteWriter();
        let any = false;
        for (const key of keys) {
          const list = this.postings.get(key)!;
          const from = firstAtLeast(list.docs, c * chunk, list.length);
          const to = firstAtLeast(list.docs, (c + 1) * chunk, list.length);
          if (from === to) continue;
          any = true;
          out.string(key);
          out.varint(to - from);
          out.bytes(list.masks.subarray(from, to));
          out.bytes(list.follows.subarray(from, to));
        }
        if (any) yield { bucket, chunk: c, bytes: out.finish() };
      }
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
    this.settle();
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
    this.settle();
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
 * The whole index in memory for `documents`, which must already be in the index's order (oldest
 * first, format.ts): report n of the index is documents[n].
 */
export function buildSearchIndex(documents: readonly IndexDocument[], options: BuildOptions = {}): BuiltIndex {
  const builder = new SearchIndexBuilder(options);
  const records = documents.map((doc) => builder.add(doc));
  const count = builder.bucketCount();
  return {
    documents: builder.documents,
    buckets: [...builder.buckets(count)],
    details: [...builder.details(count)],
    detailChunk: builder.detailChunk,
    facets: builder.facets(),
    values: [...builder.values()],
    records,
    stats: builder.stats,
  };
}
