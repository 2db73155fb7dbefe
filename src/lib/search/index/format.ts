/**
 * The search index's files and their layout, shared by the build and the browser.
 *
 *   /search-index/manifest.json            SearchManifest (small, fetched fresh on every visit)
 *   /search-index/<version>/b/<i>.bin      bucket i: the postings of every token hashed to i, and
 *                                          which searched facet values hold each of those tokens
 *   /search-index/<version>/facets.bin     every facet value and the reports filed under each (for
 *                                          the facet panel's counts; fetched only when they are shown)
 *   /search-index/<version>/v/<n>.bin      searched facet value n (METADATA_FIELDS: region, topic,
 *                                          outlet) with its reports: what a query naming it fetches
 *   /search-index/<version>/r/<n>.bin      report n's result card: URL, facts and text (JSON)
 *   /search-index/<version>/d/<i>-<c>.bin  the two bytes per report of bucket i's common tokens,
 *                                          for reports c·detailChunk to (c+1)·detailChunk − 1
 *
 * Every .bin file is gzip-compressed by the build and inflated by the page, so its size on the wire
 * does not depend on the host's compression. The version is a digest of the files: a new build
 * writes a new directory, and a cached file from an older build can never be mixed with new ones.
 *
 * Reports are numbered oldest first: the reverse of the archive's own order (newest first, id as
 * tie-break), so "sort by date" is descending report number. Oldest first, because a report that
 * an editor adds with the newest date then takes the next number and leaves every other report's
 * number, card and the buckets of tokens it does not hold as they were, which the build reuses
 * (write-index.ts). Until format 3 (December 2026) they were numbered newest first, and one new
 * report renumbered every file.
 *
 * A posting is a token's report set plus two bytes per report. The first: bit 7 says the token
 * occurs in the report's headline, bits 0–6 say at which positions modulo 7 it occurs anywhere.
 * The second: a one-byte Bloom filter of the Han characters right after it (tokens.ts,
 * followerBit). A phrase's tokens must fit one start position modulo 7 and each must have the
 * phrase's next character among its followers, which rules out almost every report where the
 * phrase's pieces occur apart; the page confirms the rest against the cards' text (engine.ts).
 *
 * A common token (in more than a quarter of the reports, and more than 2,048: index-builder.ts)
 * keeps only its report set and the set of reports with it in the headline in its bucket; its two
 * bytes per report are in detail files, one per bucket and run of `detailChunk` report numbers,
 * which the page reads only for the reports it is about to show (query.ts, refine). Without that,
 * each such token cost two bytes per report in every query naming it: 高质量发展's four bigrams
 * are in nearly every report, and at 100,000 reports their buckets were 425 of the cold query's
 * 513 kB. A bucket: the number of tokens; per token its key, 0 (bytes inline) or 1 (in detail
 * files), its report set, then the masks and followers (0) or the headline set (1). A detail file:
 * per common token of the bucket with reports in the run (in key order), its key, how many, masks,
 * followers.
 *
 * Metadata search (a query naming a region, topic or outlet finds the reports filed under it)
 * needs to know which values hold the phrase without loading every value: the searched values are
 * numbered (facet names in code-unit order, then values in code-unit order, as in facets.bin), and
 * each bucket ends with, for every token hashed to it that occurs in some searched value, the set
 * of those value numbers (the same codec as report sets). A phrase's candidate values are the
 * intersection over its tokens; the page fetches each candidate's v/<n>.bin and checks the phrase
 * against the value's name, so the match stays exact.
 */

export const INDEX_DIR = '/search-index/';
export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_VERSION = 4;

/** Positions are kept modulo this; it must stay below 8 so the title bit fits in the same byte. */
export const POSITION_MODULUS = 7;
export const TITLE_BIT = 0x80;
export const POSITION_BITS = 0x7f;

export interface SearchManifest {
  format: typeof FORMAT_VERSION;
  /** Digest of every index file; names the directory they live in. */
  version: string;
  /** How many reports are indexed, numbered 0 (oldest) to documents − 1 (newest). */
  documents: number;
  /** How many bucket files the tokens are hashed into (a power of two). */
  buckets: number;
  /** How many searched facet values there are, numbered 0 to values − 1 (one v/<n>.bin each). */
  values: number;
  /** How many report numbers one detail file covers (d/<i>-<c>.bin: reports c·detailChunk …). */
  detailChunk: number;
}

/** What a result card shows: written per report, read when the card is drawn. */
export interface CardRecord {
  url: string;
  /** The headline as published. */
  title: string;
  date: string;
  /** Present (true) when the date was inferred by the editors: the card says 推定. */
  dateInferred?: true;
  outlet: string;
  region: string;
  kind: string;
  /** Sub-headline and body as plain text, for excerpts and for confirming a phrase. */
  text: string;
  /** Reporters and keywords, searched after the text (present only when there are any). */
  reporters?: string[];
  keywords?: string[];
}

/** The card's reporters and keywords: the third field searched, after headline and text. */
export function cardFields(card: CardRecord): string[] {
  return [...(card.reporters ?? []), ...(card.keywords ?? [])];
}

export function versionDir(version: string): string {
  return `${INDEX_DIR}${version}/`;
}

/** Files within a version directory. */
export const bucketFile = (bucket: number) => `b/${bucket}.bin`;
export const recordFile = (doc: number) => `r/${doc}.bin`;
export const valueFile = (value: number) => `v/${value}.bin`;
export const detailFile = (bucket: number, chunk: number) => `d/${bucket}-${chunk}.bin`;
export const FACETS_FILE = 'facets.bin';

/** How a token's two bytes per report are stored in its bucket (format 4). */
export const INLINE_DETAIL = 0;
export const DETAIL_FILES = 1;

export function bucketPath(version: string, bucket: number): string {
  return versionDir(version) + bucketFile(bucket);
}

export function recordPath(version: string, doc: number): string {
  return versionDir(version) + recordFile(doc);
}

export function valuePath(version: string, value: number): string {
  return versionDir(version) + valueFile(value);
}

export function detailPath(version: string, bucket: number, chunk: number): string {
  return versionDir(version) + detailFile(bucket, chunk);
}

export function facetsPath(version: string): string {
  return versionDir(version) + FACETS_FILE;
}
