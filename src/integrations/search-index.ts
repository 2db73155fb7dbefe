/**
 * Writes the site's search index (src/lib/search/index/format.ts) after `astro build`: reads every
 * built report page, takes its body text and SearchMeta data, and indexes them in the archive's
 * order (newest first, id as tie-break, as src/lib/archive/sort.ts orders every list).
 *
 * Text with Traditional-only characters is folded to Simplified for the index (queries are folded
 * the same way in the page); the card keeps the text as published.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, type IndexDocument } from '../lib/search/index/build.ts';
import { bucketPath, facetsPath, FORMAT_VERSION, INDEX_DIR, MANIFEST_FILE, recordPath, type SearchManifest } from '../lib/search/index/format.ts';
import { searchBodyText, searchData } from '../lib/search/index/page-text.ts';
import { containsTraditional } from '../lib/search/fold-script.ts';
import { traditionalToSimplified } from '../lib/text/chinese.ts';

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

interface Page {
  id: string;
  date: string;
  doc: IndexDocument;
}

/** The report pages of a build as index documents, newest first; list pages under /reports/ have no body and are skipped. */
export function readReportPages(outDir: string): IndexDocument[] {
  let files: string[];
  try {
    files = findPages(join(outDir, 'reports'));
  } catch {
    return [];
  }
  const pages: Page[] = [];
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const text = searchBodyText(html);
    if (text === undefined) continue;
    const url = `/${relative(outDir, file).split(sep).join('/').replace(/index\.html$/, '')}`;
    const { meta, facets } = searchData(html);
    const required = ['headline', 'date'] as const;
    for (const key of required) {
      if (!meta[key]) throw new Error(`${url} has no data-search-meta="${key}" (written by src/components/SearchMeta.astro), so it cannot be indexed.`);
    }
    const card = { url, title: meta.headline, date: meta.date, outlet: meta.outlet ?? '', region: meta.region ?? '', kind: meta.kind ?? '', text };
    const doc: IndexDocument = { card, facets };
    if (containsTraditional(card.title) || containsTraditional(text)) {
      doc.searchTitle = traditionalToSimplified(card.title);
      doc.searchText = traditionalToSimplified(text);
    }
    pages.push({ id: url.replace(/^\/reports\/|\/$/g, ''), date: meta.date, doc });
  }
  pages.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return pages.map((p) => p.doc);
}

export interface WrittenIndex {
  manifest: SearchManifest;
  files: number;
  bytes: number;
  tokens: number;
}

/** Builds the index for `docs` and writes it under <outDir>/search-index/, replacing any earlier one. */
export function writeSearchIndex(outDir: string, docs: readonly IndexDocument[]): WrittenIndex {
  const built = buildSearchIndex(docs);
  // Fixed level, and Node's gzip writes no timestamp: the same index gives the same bytes.
  const gzip = (data: Uint8Array) => gzipSync(data, { level: 9 });
  const buckets = built.buckets.map(gzip);
  const facets = gzip(built.facets);
  const records = built.records.map(gzip);
  const digest = createHash('sha256');
  for (const part of [...buckets, facets, ...records]) digest.update(part);
  const version = digest.digest('hex').slice(0, 12);
  const manifest: SearchManifest = { format: FORMAT_VERSION, version, documents: built.documents, buckets: buckets.length };
  const root = join(outDir, INDEX_DIR);
  rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  const write = (sitePath: string, data: Uint8Array | string) => {
    const file = join(outDir, sitePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  };
  buckets.forEach((data, i) => write(bucketPath(version, i), data));
  records.forEach((data, i) => write(recordPath(version, i), data));
  write(facetsPath(version), facets);
  write(`${INDEX_DIR}${MANIFEST_FILE}`, `${JSON.stringify(manifest)}\n`);
  return { manifest, files: buckets.length + records.length + 2, bytes, tokens: built.stats.tokens };
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
        const docs = readReportPages(outDir);
        const written = writeSearchIndex(outDir, docs);
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        const mb = (written.bytes / 1e6).toFixed(1);
        log.info(`Indexed ${docs.length} reports (${written.tokens} tokens, ${written.manifest.buckets} buckets, ${written.files} files, ${mb} MB) in ${seconds} s.`);
      },
    },
  };
}
