/**
 * Writes the site's search index (format.ts) from the built site: reads every built report and
 * dossier page, takes its body text and SearchMeta data, and indexes them in the archive's order
 * (newest first, id as tie-break, as src/lib/archive/sort.ts orders every list). Build-time only;
 * the file system, gzip and SHA-256 are passed in (src/node/built-site-worker.ts hands Node's).
 *
 * Text with Traditional-only characters is folded to Simplified for the index (queries are folded
 * the same way in the page); the card keeps the text as published.
 */
import { compareReportsNewestFirst } from '../../archive/sort.ts';
import { joinPath, walkFiles, type FileTree, type WritableFileTree } from '../../files/tree.ts';
import { traditionalToSimplified } from '../../text/chinese.ts';
import { containsTraditional } from '../fold-script.ts';
import { SearchIndexBuilder, type IndexDocument } from './index-builder.ts';
import { bucketFile, cardFields, FACETS_FILE, FORMAT_VERSION, INDEX_DIR, MANIFEST_FILE, recordFile, valueFile, versionDir, type SearchManifest } from '../index/format.ts';
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
}

const decoder = new TextDecoder();
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
 * The built report and dossier pages, newest first (list pages have no body and are skipped).
 * Only their dates are kept: the text is read again, one page at a time, while indexing.
 */
function reportPages(site: FileTree, dateOf: (html: string) => string | undefined): ReportPage[] {
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
    const html = readText(site, path);
    if (!html.includes('data-search-body')) continue;
    const url = `/${path.replace(/index\.html$/, '')}`;
    const date = dateOf(html);
    if (!date) throw new Error(`${url} has no data-search-meta="date" (written by src/components/SearchMeta.astro), so it cannot be indexed.`);
    pages.push({ path, url, id: url.replace(/^\/reports\/|\/$/g, ''), date });
  }
  // The archive's own order: newest first, id as tie-break.
  return pages.sort((a, b) => compareReportsNewestFirst({ id: a.id, data: a }, { id: b.id, data: b }));
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
}

/**
 * Indexes the built report pages of `site` (the build's output directory) into its
 * search-index/, replacing any earlier index. Streams: each card record and each bucket is
 * compressed and written as soon as it exists, into a scratch directory renamed to the version (a
 * digest of every file) at the end.
 */
export function writeSearchIndex(site: WritableFileTree, packing: IndexPacking): WrittenIndex {
  try {
    return writeIndexInOrder(site, packing, reportPages(site, quickDate));
  } catch (error) {
    if (!(error instanceof OrderMismatch)) throw error;
    // A page's quick date was not its date: order by full parses instead.
    return writeIndexInOrder(site, packing, reportPages(site, (html) => readSearchPage(html).meta.date));
  }
}

/** A page's full parse found another date than the quick one (see quickDate). */
class OrderMismatch extends Error {}

function writeIndexInOrder(site: WritableFileTree, packing: IndexPacking, pages: readonly ReportPage[]): WrittenIndex {
  const root = treePath(INDEX_DIR);
  site.remove(root);
  const scratch = joinPath(root, '.building');
  const builder = new SearchIndexBuilder();
  const digest = packing.sha256();
  let bytes = 0;
  let files = 0;
  const write = (path: string, data: Uint8Array) => {
    const packed = packing.gzip(data);
    site.write(joinPath(scratch, path), packed);
    digest.update(packed);
    bytes += packed.length;
    files++;
  };
  for (const page of pages) {
    const n = builder.documents;
    const doc = indexDocument(readText(site, page.path), page.url);
    if (doc.card.date !== page.date) throw new OrderMismatch(page.url);
    write(recordFile(n), builder.add(doc));
  }
  const count = builder.bucketCount();
  let i = 0;
  for (const bucket of builder.buckets(count)) write(bucketFile(i++), bucket);
  write(FACETS_FILE, builder.facets());
  let values = 0;
  for (const value of builder.values()) write(valueFile(values++), value);
  const version = digest.hex().slice(0, 12);
  site.rename(scratch, treePath(versionDir(version)));
  const manifest: SearchManifest = { format: FORMAT_VERSION, version, documents: builder.documents, buckets: count, values };
  const text = new TextEncoder().encode(`${JSON.stringify(manifest)}\n`);
  site.write(joinPath(root, MANIFEST_FILE), text);
  return { manifest, files: files + 1, bytes: bytes + text.length, tokens: builder.stats.tokens };
}
