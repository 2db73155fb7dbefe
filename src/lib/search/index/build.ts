/**
 * Builds the search index (layout in format.ts) from the reports' text and facets. Pure: bytes in
 * memory, uncompressed; the build integration compresses and writes them.
 *
 * Why not Pagefind: at 10,000 reports Pagefind needed 94 s and 5–11 GB to index (it keeps every
 * word's positions per page in memory) and a cold query downloaded 1.4 MB, because its posting
 * lists, filters and page metadata all grow with the archive; docs/scaling.md has the numbers.
 * Here a token's postings are a report set (a bitmap once the token is common) plus one byte per
 * report, hashed into bucket files so a query fetches a handful of small files.
 */
import { bucketOf, ByteWriter, writeDocSet } from './codec.ts';
import { followerBit, textOccurrences } from './tokens.ts';
import { POSITION_MODULUS, TITLE_BIT, type CardRecord } from './format.ts';

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
}

export interface BuiltIndex {
  documents: number;
  buckets: Uint8Array[];
  facets: Uint8Array;
  records: Uint8Array[];
  /** Distinct tokens and (token, report) pairs, for the build log and the benchmark. */
  stats: { tokens: number; postings: number };
}

export interface BuildOptions {
  /** Aim for buckets of about this many bytes before compression (the bucket count is a power of two). */
  targetBucketBytes?: number;
}

// Most buckets then gzip to a few kB: a rare token costs one small file, a common one its own size.
const DEFAULT_TARGET_BUCKET_BYTES = 16 * 1024;

/** A growable list of report numbers and their posting bytes, without a JS array per token. */
class PostingList {
  docs = new Uint32Array(4);
  masks = new Uint8Array(4);
  follows = new Uint8Array(4);
  length = 0;

  push(doc: number, mask: number, follow: number): void {
    if (this.length === this.docs.length) {
      const docs = new Uint32Array(this.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const masks = new Uint8Array(this.length * 2);
      masks.set(this.masks);
      this.masks = masks;
      const follows = new Uint8Array(this.length * 2);
      follows.set(this.follows);
      this.follows = follows;
    }
    this.docs[this.length] = doc;
    this.masks[this.length] = mask;
    this.follows[this.length] = follow;
    this.length++;
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

/** Bytes of one posting list in a bucket: key, set and masks (the set's size as if it were gaps, a fair estimate). */
function estimateBytes(key: string, list: PostingList, documents: number): number {
  return key.length * 3 + 4 + Math.min(Math.ceil(documents / 8), list.length * 2) + 2 * list.length;
}

/**
 * The index for `documents`, which must already be in the archive's order (newest first): report
 * n of the index is documents[n].
 */
export function buildSearchIndex(documents: readonly IndexDocument[], options: BuildOptions = {}): BuiltIndex {
  const n = documents.length;
  const postings = new Map<string, PostingList>();
  let pairs = 0;
  const facetDocs = new Map<string, Map<string, number[]>>();

  documents.forEach((doc, number) => {
    const masks = new Map<string, number>();
    const follows = new Map<string, number>();
    const add = (title: boolean) => (key: string, position: number, follower: string | undefined) => {
      masks.set(key, (masks.get(key) ?? 0) | (1 << (position % POSITION_MODULUS)) | (title ? TITLE_BIT : 0));
      if (follower) follows.set(key, (follows.get(key) ?? 0) | followerBit(follower));
    };
    const afterTitle = textOccurrences(doc.searchTitle ?? doc.card.title, 0, add(true));
    // One empty position between headline and text, so no phrase runs from one into the other.
    textOccurrences(doc.searchText ?? doc.card.text, afterTitle + 1, add(false));
    for (const [key, mask] of masks) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = new PostingList()));
      list.push(number, mask, follows.get(key) ?? 0);
    }
    pairs += masks.size;
    for (const [facet, values] of Object.entries(doc.facets)) {
      let byValue = facetDocs.get(facet);
      if (!byValue) facetDocs.set(facet, (byValue = new Map()));
      for (const value of new Set(values)) {
        const list = byValue.get(value);
        if (list) list.push(number);
        else byValue.set(value, [number]);
      }
    }
  });

  const keys = [...postings.keys()].sort(compareKeys);
  let estimate = 0;
  for (const key of keys) estimate += estimateBytes(key, postings.get(key)!, n);
  const bucketCount = powerOfTwoAtLeast(Math.ceil(estimate / (options.targetBucketBytes ?? DEFAULT_TARGET_BUCKET_BYTES)));
  const byBucket: string[][] = Array.from({ length: bucketCount }, () => []);
  for (const key of keys) byBucket[bucketOf(key, bucketCount)].push(key);

  const buckets = byBucket.map((bucketKeys) => {
    const out = new ByteWriter();
    out.varint(bucketKeys.length);
    for (const key of bucketKeys) {
      const list = postings.get(key)!;
      out.string(key);
      writeDocSet(out, list.docs.subarray(0, list.length), n);
      out.bytes(list.masks.subarray(0, list.length));
      out.bytes(list.follows.subarray(0, list.length));
    }
    return out.finish();
  });

  const facets = new ByteWriter();
  const facetNames = [...facetDocs.keys()].sort(compareKeys);
  facets.varint(facetNames.length);
  for (const facet of facetNames) {
    const byValue = facetDocs.get(facet)!;
    const values = [...byValue.keys()].sort(compareKeys);
    facets.string(facet);
    facets.varint(values.length);
    for (const value of values) {
      facets.string(value);
      writeDocSet(facets, byValue.get(value)!, n);
    }
  }

  const encoder = new TextEncoder();
  const records = documents.map((doc) => encoder.encode(JSON.stringify(doc.card)));
  return { documents: n, buckets, facets: facets.finish(), records, stats: { tokens: keys.length, postings: pairs } };
}

