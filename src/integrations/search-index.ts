/**
 * Writes the site's search index (src/lib/search/index/format.ts) after `astro build`: reads every
 * built report page, takes its body text and SearchMeta data, and indexes them in the archive's
 * order (newest first, id as tie-break, as src/lib/archive/sort.ts orders every list).
 *
 * Text with Traditional-only characters is folded to Simplified for the index (queries are folded
 * the same way in the page); the card keeps the text as published.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { SearchIndexBuilder, type IndexDocument } from '../lib/search/index/build.ts';
import { bucketFile, cardFields, FACETS_FILE, FORMAT_VERSION, INDEX_DIR, MANIFEST_FILE, recordFile, versionDir, type SearchManifest } from '../lib/search/index/format.ts';
import { readSearchPage } from '../lib/search/index/page-text.ts';
import { containsTraditional } from '../lib/search/fold-script.ts';
import { traditionalToSimplified } from '../lib/text/chinese.ts';
import { compareReportsNewestFirst } from '../lib/archive/sort.ts';

/** Every index.html under `dir`, as sorted absolute paths (readdir order differs between file systems). */
function findPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') out.push(full);
    }
  };
  walk(dir);
  return out;
}

interface ReportPage {
  file: string;
  url: string;
  id: string;
  date: string;
}

/**
 * The built report and dossier pages, newest first (list pages have no body and are skipped).
 * Only their dates are kept: the text is read again, one page at a time, while indexing.
 */
function reportPages(outDir: string): ReportPage[] {
  // Dossiers (专题) are indexed like reports, with the kind 专题 (src/lib/dossier/search-data.ts).
  const files: string[] = [];
  for (const section of ['reports', 'dossiers']) {
    try {
      files.push(...findPages(join(outDir, section)));
    } catch {
      // No such section in this build.
    }
  }
  const pages: ReportPage[] = [];
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-search-body')) continue;
    const url = `/${relative(outDir, file).split(sep).join('/').replace(/index\.html$/, '')}`;
    const date = readSearchPage(html).meta.date;
    if (!date) throw new Error(`${url} has no data-search-meta="date" (written by src/components/SearchMeta.astro), so it cannot be indexed.`);
    pages.push({ file, url, id: url.replace(/^\/reports\/|\/$/g, ''), date });
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
 * Indexes the built report pages under <outDir> into <outDir>/search-index/, replacing any earlier
 * index. Streams: each card record and each bucket is compressed and written as soon as it exists,
 * into a scratch directory renamed to the version (a digest of every file) at the end.
 */
export function writeSearchIndex(outDir: string): WrittenIndex {
  const root = join(outDir, INDEX_DIR);
  rmSync(root, { recursive: true, force: true });
  const scratch = join(root, '.building');
  const builder = new SearchIndexBuilder();
  const digest = createHash('sha256');
  let bytes = 0;
  let files = 0;
  // Fixed level, and Node's gzip writes no timestamp: the same index gives the same bytes.
  const write = (path: string, data: Uint8Array) => {
    const packed = gzipSync(data, { level: 9 });
    const file = join(scratch, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, packed);
    digest.update(packed);
    bytes += packed.length;
    files++;
  };
  mkdirSync(scratch, { recursive: true });
  for (const page of reportPages(outDir)) {
    const n = builder.documents;
    write(recordFile(n), builder.add(indexDocument(readFileSync(page.file, 'utf8'), page.url)));
  }
  const count = builder.bucketCount();
  let i = 0;
  for (const bucket of builder.buckets(count)) write(bucketFile(i++), bucket);
  write(FACETS_FILE, builder.facets());
  const version = digest.digest('hex').slice(0, 12);
  renameSync(scratch, join(outDir, versionDir(version)));
  const manifest: SearchManifest = { format: FORMAT_VERSION, version, documents: builder.documents, buckets: count };
  const text = `${JSON.stringify(manifest)}\n`;
  writeFileSync(join(root, MANIFEST_FILE), text);
  return { manifest, files: files + 1, bytes: bytes + Buffer.byteLength(text), tokens: builder.stats.tokens };
}

/** The Astro integration: index the built report pages when the build is done. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'xieshang:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('xieshang:search-index');
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const written = writeSearchIndex(outDir);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        const mb = (written.bytes / 1e6).toFixed(1);
        log.info(`Indexed ${written.manifest.documents} reports (${written.tokens} tokens, ${written.manifest.buckets} buckets, ${written.files} files, ${mb} MB) in ${seconds} s.`);
      },
    },
  };
}
