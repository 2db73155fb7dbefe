/**
 * Writes the site's search index (format.ts) from the built site: reads every built report and
 * dossier page, takes its body text and SearchMeta data, and indexes them oldest first (the
 * reverse of the archive's order, src/lib/archive/sort.ts; format.ts says why). Build-time only;
 * the file system, gzip and SHA-256 are passed in (src/node/built-site-worker.ts hands Node's).
 * With its memory of the last run (IndexMemory) it reads only the pages that changed.
 *
 * Text with Traditional-only characters is folded to Simplified for the index (queries are folded
 * the same way in the page); the card keeps the text as published.
 */
import { compareReportsNewestFirst } from '../../archive/sort.ts';
import { joinPath, walkFiles, type FileTree, type WritableFileTree } from '../../files/tree.ts';
import { traditionalToSimplified } from '../../text/chinese.ts';
import { containsTraditional } from '../fold-script.ts';
import { cardBytes, SearchIndexBuilder, type BuildOptions, type IndexDocument } from './index-builder.ts';
import { bucketFile, cardFields, detailFile, FACETS_FILE, FORMAT_VERSION, INDEX_DIR, MANIFEST_FILE, recordFile, valueFile, versionDir, type SearchManifest } from '../index/format.ts';
import { readSearchPage } from './page-text.ts';

/** Compression and digest, supplied by the caller (Node's zlib and crypto at build time). */
export interface IndexPacking {
  /** Compresses one file; must give the same bytes for the same input (fixed level, no timestamp). */
  gzip(data: Uint8Array): Uint8Array;
  /** A running SHA-256 digest. */
  sha256(): { update(data: Uint8Array): void; hex(): string };
}

interface ReportPage {
  path: string;
  url: string;
  id: string;
  date: string;
  /** Digest of the page's bytes: an unchanged page's postings and card are carried over. */
  digest: string;
  /** The page's FileTree.stamp when it was read (or found unchanged), if the tree gives one. */
  stamp?: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const readText = (tree: FileTree, path: string) => decoder.decode(tree.read(path));
/** A site path such as '/search-index/' as a path in the tree ('search-index'). */
const treePath = (sitePath: string) => sitePath.replace(/^\/|\/$/g, '');

/**
 * The date of a built page from its SearchMeta `<data … data-search-meta="date">` element alone,
 * parsed on its own (SearchMeta comes after the body, so the last such attribute is searched):
 * ordering the pages then costs a string search per page instead of a second full parse. The
 * full parse while indexing checks it (see writeSearchIndex), so text that merely looks like the
 * attribute can only cost time, never the order.
 */
function quickDate(html: string): string | undefined {
  const at = html.lastIndexOf('data-search-meta="date"');
  const start = at < 0 ? -1 : html.lastIndexOf('<data', at);
  const end = at < 0 ? -1 : html.indexOf('>', at);
  return start < 0 || end < 0 ? undefined : readSearchPage(html.slice(start, end + 1)).meta.date;
}

/**
 * The built report and dossier pages in the index's order, oldest first (list pages have no body
 * and are skipped). Only their dates and digests are kept: the text is read again, one page at a
 * time, while indexing. A page whose stamp is the one `known` (the last run's memory) recorded
 * for it is not read: its date and digest are the recorded ones (an editor's wait reads only the
 * pages Astro wrote again).
 */
function reportPages(site: FileTree, dateOf: (html: string) => string | undefined, digestOf: (data: Uint8Array) => string, known?: ReadonlyMap<string, IndexedPage>): ReportPage[] {
  // Dossiers (专题) are indexed like reports, with the kind 专题 (src/lib/dossier/search-data.ts).
  const paths: string[] = [];
  for (const section of ['reports', 'dossiers']) {
    try {
      paths.push(...walkFiles(site, section).filter((p) => p.endsWith('/index.html')));
    } catch {
      // No such section in this build.
    }
  }
  const pages: ReportPage[] = [];
  for (const path of paths) {
    const stamp = site.stamp?.(path);
    const url = `/${path.replace(/index\.html$/, '')}`;
    const id = url.replace(/^\/reports\/|\/$/g, '');
    const before = stamp === undefined ? undefined : known?.get(path);
    if (before && before.stamp === stamp) {
      pages.push({ path, url, id, date: before.date, digest: before.digest, stamp });
      continue;
    }
    const bytes = site.read(path);
    const html = decoder.decode(bytes);
    if (!html.includes('data-search-body')) continue;
    const date = dateOf(html);
    if (!date) throw new Error(`${url} has no data-search-meta="date" (written by src/components/SearchMeta.astro), so it cannot be indexed.`);
    pages.push({ path, url, id, date, digest: digestOf(bytes), ...(stamp === undefined ? {} : { stamp }) });
  }
  // The reverse of the archive's own order (newest first, id as tie-break): format.ts says why.
  return pages.sort((a, b) => compareReportsNewestFirst({ id: b.id, data: b }, { id: a.id, data: a }));
}

/** One built report page as an index document. */
export function indexDocument(html: string, url: string): IndexDocument {
  const { text, meta, facets: written } = readSearchPage(html);
  // Reporters and keywords go on the card and into the text index, not into the facet file.
  const { reporter = [], keyword = [], ...facets } = written;
  if (text === undefined) throw new Error(`${url} has no data-search-body element, so it cannot be indexed.`);
  for (const key of ['headline', 'date'] as const) {
    if (!meta[key]) throw new Error(`${url} has no data-search-meta="${key}" (written by src/components/SearchMeta.astro), so it cannot be indexed.`);
  }
  const card: IndexDocument['card'] = {
    url,
    title: meta.headline,
    date: meta.date,
    ...(meta.dateCertainty === 'inferred' ? { dateInferred: true as const } : {}),
    outlet: meta.outlet ?? '',
    region: meta.region ?? '',
    kind: meta.kind ?? '',
    text,
    ...(reporter.length ? { reporters: reporter } : {}),
    ...(keyword.length ? { keywords: keyword } : {}),
  };
  const doc: IndexDocument = { card, facets };
  const fields = cardFields(card);
  if (containsTraditional(card.title) || containsTraditional(text) || fields.some(containsTraditional)) {
    doc.searchTitle = traditionalToSimplified(card.title);
    doc.searchText = traditionalToSimplified(text);
    doc.searchFields = fields.map(traditionalToSimplified);
  }
  return doc;
}

export interface WrittenIndex {
  manifest: SearchManifest;
  files: number;
  bytes: number;
  tokens: number;
  /** Files compressed and written by this run; the others were kept from the last (see IndexMemory). */
  rewritten: number;
  /** Reports read and tokenised by this run; the others' postings and cards were carried over. */
  reread: number;
}

/**
 * What the index pass keeps of its run for the next one (in Astro's cache directory, src/node):
 * which page had which digest and number, every file's digests, and the postings. The next run
 * carries an unchanged page's postings and card over instead of reading and tokenising it again,
 * and keeps a file whose bytes come out the same where it is instead of compressing and writing
 * it again. Valid only for the same `inputs` (the indexing code and the gzip that made it) and
 * while its version directory is still in the site.
 */
export interface IndexMemory {
  inputs: string;
  version: string;
  /** The indexed pages by report number (oldest first): path, date, the digest of their bytes and their stamp. */
  pages: IndexedPage[];
  /**
   * Every file of the version directory: the digests of its bytes before and after gzip, its
   * size, and its stamp once the files are on disk (stampIndexFiles).
   */
  files: Map<string, IndexFileEntry>;
  /** SearchIndexBuilder.snapshot(): every token's and facet value's reports. */
  postings: readonly Uint8Array[];
}

export interface IndexedPage {
  path: string;
  date: string;
  digest: string;
  /** FileTree.stamp of the page when its digest was taken; with the same stamp, the page is not read again. */
  stamp?: string;
}

export interface IndexFileEntry {
  raw: string;
  packed: string;
  size: number;
  /** FileTree.stamp of the written file; with the same stamp, the file is kept without reading it back. */
  stamp?: string;
}

export interface WriteIndexOptions {
  /**
   * Names the indexing code and the gzip in use (src/node/code-digest.ts); with it the pass
   * returns its memory for the next run.
   */
  inputs?: string;
  /** The memory of the last run over this same site directory. */
  previous?: IndexMemory;
  /** The builder's options (tests: small thresholds); the build uses the defaults, which `inputs` names with the code. */
  build?: BuildOptions;
}

/**
 * Indexes the built report pages of `site` (the build's output directory) into its
 * search-index/, replacing any earlier index. Streams: each card record and each bucket is
 * compressed and written as soon as it exists, into a scratch directory, and the version (a
 * digest of every file) is named at the end. With the memory of the last run, only the pages that
 * changed are read and only the files that changed are written (IndexMemory); the files are the
 * same bytes as a run from nothing.
 */
export function writeSearchIndex(site: WritableFileTree, packing: IndexPacking, options: WriteIndexOptions = {}): WrittenIndex & { memory?: IndexMemory } {
  const digestOf = (data: Uint8Array) => {
    const hash = packing.sha256();
    hash.update(data);
    return hash.hex().slice(0, 32);
  };
  // The last run's pages by path, when its memory is for the same code (their stamps say which are unchanged).
  const known = options.previous && options.inputs !== undefined && options.previous.inputs === options.inputs ? new Map(options.previous.pages.map((page) => [page.path, page])) : undefined;
  try {
    return writeIndexInOrder(site, packing, digestOf, reportPages(site, quickDate, digestOf, known), options);
  } catch (error) {
    if (!(error instanceof OrderMismatch)) throw error;
    // A page's quick date was not its date: order by full parses instead.
    return writeIndexInOrder(site, packing, digestOf, reportPages(site, (html) => readSearchPage(html).meta.date, digestOf), options);
  }
}

/** A page's full parse found another date than the quick one (see quickDate). */
class OrderMismatch extends Error {}

/**
 * The last run's memory if it can be used: same inputs, and its version directory still in the
 * site (a `dist/` emptied since, or a run that stopped halfway and removed it, gives a run from
 * nothing).
 */
function usableMemory(site: FileTree, root: string, options: WriteIndexOptions): IndexMemory | undefined {
  const previous = options.previous;
  if (!previous || options.inputs === undefined || previous.inputs !== options.inputs) return undefined;
  // Every carried page needs its card: a memory without one is not used.
  if (!previous.pages.every((_, n) => previous.files.has(recordFile(n)))) return undefined;
  try {
    return site.isDirectory(joinPath(root, previous.version)) ? previous : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For each page (new report number), its number in the last run when its bytes are the same, or
 * −1: those pages are carried over. Carried pages keep their order (same bytes, same date and
 * path); one that would not is read again instead.
 */
function carriedNumbers(pages: readonly ReportPage[], previous: IndexMemory): Int32Array {
  const before = new Map(previous.pages.map((page, n) => [page.path, n]));
  const old = new Int32Array(pages.length).fill(-1);
  let last = -1;
  pages.forEach((page, n) => {
    const o = before.get(page.path);
    if (o === undefined || o <= last || previous.pages[o].digest !== page.digest) return;
    // Its date as the full parse found it last time: a quick date that differs means order by full parses.
    if (previous.pages[o].date !== page.date) throw new OrderMismatch(page.url);
    old[n] = o;
    last = o;
  });
  return old;
}

function writeIndexInOrder(site: WritableFileTree, packing: IndexPacking, digestOf: (data: Uint8Array) => string, pages: readonly ReportPage[], options: WriteIndexOptions): WrittenIndex & { memory?: IndexMemory } {
  const root = treePath(INDEX_DIR);
  const scratch = joinPath(root, '.building');
  const previous = usableMemory(site, root, options);
  const keptDir = previous && joinPath(root, previous.version);
  // Everything but the last version (the files this run may keep) goes; with no usable memory, all.
  if (!previous) site.remove(root);
  else for (const name of site.list(root)) if (name !== previous.version) site.remove(joinPath(root, name));

  const builder = new SearchIndexBuilder(options.build);
  const oldNumber = previous ? carriedNumbers(pages, previous) : new Int32Array(pages.length).fill(-1);
  if (previous) {
    const remap = new Int32Array(previous.pages.length).fill(-1);
    oldNumber.forEach((o, n) => {
      if (o >= 0) remap[o] = n;
    });
    builder.carry(previous.postings, remap);
  }

  const files = new Map<string, IndexFileEntry>();
  const rewritten: string[] = [];
  let reread = 0;
  /**
   * Whether the last version's file at `path` still has the bytes recorded in `entry`: its stamp
   * is the recorded one, or (none recorded, or another) its bytes' digest is. Damaged or missing: false.
   */
  const keptIntact = (path: string, entry: IndexFileEntry): boolean => {
    if (!keptDir) return false;
    if (entry.stamp !== undefined && site.stamp?.(joinPath(keptDir, path)) === entry.stamp) return true;
    return keptFile(path, entry.packed) !== undefined;
  };
  /** The last version's file at `path` if its bytes are still those recorded (damaged or missing: undefined). */
  const keptFile = (path: string, packed: string): Uint8Array | undefined => {
    if (!keptDir) return undefined;
    try {
      const bytes = site.read(joinPath(keptDir, path));
      return digestOf(bytes) === packed ? bytes : undefined;
    } catch {
      return undefined;
    }
  };
  const writeNew = (path: string, packed: Uint8Array, digests: IndexFileEntry) => {
    site.write(joinPath(scratch, path), packed);
    files.set(path, digests);
    rewritten.push(path);
  };
  /** A file of this version: kept where it is when the last version had the same bytes, else written. */
  const put = (path: string, raw: Uint8Array) => {
    const rawDigest = digestOf(raw);
    const before = previous?.files.get(path);
    if (before && before.raw === rawDigest && keptIntact(path, before)) {
      files.set(path, before);
      return;
    }
    const packed = packing.gzip(raw);
    writeNew(path, packed, { raw: rawDigest, packed: digestOf(packed), size: packed.length });
  };

  for (const [n, page] of pages.entries()) {
    const o = oldNumber[n];
    const card = o >= 0 ? previous!.files.get(recordFile(o)) : undefined;
    if (card) {
      // A carried page: its card is the last version's r/<o>.bin, kept or moved to its new number.
      if (o === n && keptIntact(recordFile(o), card)) {
        files.set(recordFile(n), card);
        continue;
      }
      const bytes = o === n ? undefined : keptFile(recordFile(o), card.packed);
      // A moved card is a new file: its stamp is taken once it is written (stampIndexFiles).
      if (bytes) writeNew(recordFile(n), bytes, { raw: card.raw, packed: card.packed, size: card.size });
      else put(recordFile(n), cardBytes(indexDocument(readText(site, page.path), page.url).card));
      continue;
    }
    if (o >= 0) throw new Error(`the search index memory has no card for report ${o}`);
    const doc = indexDocument(readText(site, page.path), page.url);
    if (doc.card.date !== page.date) throw new OrderMismatch(page.url);
    reread++;
    put(recordFile(n), builder.add(doc, n));
  }
  const count = builder.bucketCount();
  let i = 0;
  for (const bucket of builder.buckets(count)) put(bucketFile(i++), bucket);
  for (const { bucket, chunk, bytes } of builder.details(count)) put(detailFile(bucket, chunk), bytes);
  put(FACETS_FILE, builder.facets());
  let values = 0;
  for (const value of builder.values()) put(valueFile(values++), value);

  // The version: a digest of every file's name and bytes, the same whichever files were kept.
  const digest = packing.sha256();
  const names = [...files.keys()].sort();
  let bytes = 0;
  for (const name of names) {
    const file = files.get(name)!;
    digest.update(encoder.encode(`${name} ${file.packed}\n`));
    bytes += file.size;
  }
  const version = digest.hex().slice(0, 12);
  const versionPath = treePath(versionDir(version));
  if (keptDir) {
    // Every file of the last version this one does not have goes; the new ones take their place.
    for (const path of walkFiles(site, keptDir)) if (!files.has(path.slice(keptDir.length + 1))) site.remove(path);
    for (const path of rewritten) site.rename(joinPath(scratch, path), joinPath(keptDir, path));
    site.remove(scratch);
    if (keptDir !== versionPath) site.rename(keptDir, versionPath);
  } else site.rename(scratch, versionPath);
  const manifest: SearchManifest = { format: FORMAT_VERSION, version, documents: builder.documents, buckets: count, values, detailChunk: builder.detailChunk };
  const text = encoder.encode(`${JSON.stringify(manifest)}\n`);
  site.write(joinPath(root, MANIFEST_FILE), text);
  const result = { manifest, files: files.size + 1, bytes: bytes + text.length, tokens: builder.stats.tokens, rewritten: rewritten.length, reread };
  if (options.inputs === undefined) return result;
  const memory: IndexMemory = {
    inputs: options.inputs,
    version,
    pages: pages.map(({ path, date, digest, stamp }) => ({ path, date, digest, ...(stamp === undefined ? {} : { stamp }) })),
    files,
    postings: builder.snapshot(),
  };
  return { ...result, memory };
}

/**
 * Gives every file of `memory` without a stamp (written by this run) its stamp as it now stands
 * in `site`, once the writes are done (src/node/built-site-worker.ts calls it after the writes
 * have been flushed): the next run then keeps it without reading it back.
 */
export function stampIndexFiles(site: FileTree, memory: IndexMemory): void {
  if (!site.stamp) return;
  const dir = treePath(versionDir(memory.version));
  for (const [path, entry] of memory.files) {
    if (entry.stamp !== undefined) continue;
    const stamp = site.stamp(joinPath(dir, path));
    if (stamp !== undefined) memory.files.set(path, { ...entry, stamp });
  }
}
