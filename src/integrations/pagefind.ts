/**
 * Builds the Pagefind search index after `astro build`, with Pagefind's Node API.
 *
 * Only report pages are indexed, and only their data-pagefind-body (title and text). Their Chinese
 * text is rewritten into character-bigram tokens first (src/lib/search/han-bigrams.ts explains why),
 * so the whole index is one language-neutral index ("und"): Pagefind's own jieba segmentation is
 * not used, and the browser's query segmentation leaves our ASCII tokens alone. Files on disk are
 * not changed; the rewritten HTML goes to Pagefind through addHTMLFile.
 *
 * Pagefind holds ≈1 MB per Chinese report until it writes, so a large archive is indexed in shards
 * (src/lib/search/shards.ts), one after another, each by a fresh Pagefind service.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { encodeHanInHtml } from '../lib/search/encode-html.ts';
import { newestFirst, parseShardSize, planShards, shardBundlePath, shardManifest, SHARD_MANIFEST, type ShardEntry } from '../lib/search/shards.ts';

/** The index language: not zh, so Pagefind neither segments nor stems our tokens. */
const INDEX_LANGUAGE = 'und';
// Files handed to the Pagefind service at once; more gains nothing on 2 cores and costs memory.
const BATCH = 32;

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

/** The page URL for a built file: reports/2022/x/index.html → /reports/2022/x/. */
function urlOf(outDir: string, file: string): string {
  return `/${relative(outDir, file).split(sep).join('/').replace(/index\.html$/, '')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// The sort key SearchMeta.astro writes on every report page: which reports are newest.
const SORT_DATE = /<data value="([^"]*)" data-pagefind-sort="date\[value\]"/u;

interface ReportPage extends ShardEntry {
  file: string;
}

/** Built report pages (those with a marked body; report lists under /reports/ have none), with their sort date. */
function reportPages(outDir: string): ReportPage[] {
  let files: string[] = [];
  try {
    files = findPages(join(outDir, 'reports'));
  } catch {
    files = [];
  }
  const pages: ReportPage[] = [];
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    pages.push({ file, url: urlOf(outDir, file), date: SORT_DATE.exec(html)?.[1] ?? '' });
  }
  return pages;
}

/** Shard i's bundle directory on disk: <outDir>/pagefind for shard 0. */
function bundleDir(outDir: string, i: number): string {
  return join(outDir, shardBundlePath(i).replace(/^\/|\/$/gu, ''));
}

/**
 * Indexes `pages` into one Pagefind bundle at `outputPath` and frees the index. Pages are added in
 * file-path order, as before sharding existed, so a one-shard archive's bundle is byte-identical.
 */
async function writeIndex(pages: readonly ReportPage[], outputPath: string): Promise<number> {
  const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
  const ordered = [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  let indexed = 0;
  for (let i = 0; i < ordered.length; i += BATCH) {
    const responses = await Promise.all(
      ordered.slice(i, i + BATCH).map((page) => index.addHTMLFile({ url: page.url, content: encodeHanInHtml(readFileSync(page.file, 'utf8')) })),
    );
    for (const response of responses) {
      if (response.errors.length) throw new Error(`Pagefind could not index a page: ${response.errors.join('; ')}`);
      indexed++;
    }
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return indexed;
}

/**
 * The search page lists the extra bundles it merges (src/pages/search/index.astro plans them from
 * the archive's reports); it must name exactly the bundles written here, or searches would miss
 * reports or fetch missing files. A site without a search page has nothing to check.
 */
function checkSearchPage(outDir: string, bundles: readonly string[]): void {
  const file = join(outDir, 'search', 'index.html');
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const raw = /data-search-shards="([^"]*)"/u.exec(html)?.[1];
  const listed: unknown = raw === undefined ? [] : JSON.parse(raw.replaceAll('&quot;', '"').replaceAll('&#34;', '"').replaceAll('&amp;', '&'));
  if (JSON.stringify(listed) !== JSON.stringify(bundles)) {
    throw new Error(`The search page merges ${JSON.stringify(listed)} but the index was written as ${JSON.stringify(bundles)}: the page and the integration counted different reports.`);
  }
}

/**
 * The Astro integration: index report pages into <outDir>/pagefind/ when the build is done. Above
 * the shard size (ARCHIVE_SEARCH_SHARD_SIZE, default SHARD_SIZE) the newest reports go there and
 * older ones into <outDir>/pagefind-shard-<i>/, one index at a time so that Pagefind's memory is
 * bounded by one shard; <outDir>/pagefind/shards.json then lists the extra bundles.
 */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'xieshang:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('xieshang:pagefind');
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const size = parseShardSize(process.env.ARCHIVE_SEARCH_SHARD_SIZE);
        const pages = reportPages(outDir);
        const shards = planShards(newestFirst(pages), size);
        const undated = pages.find((p) => !p.date);
        // Without its sort date a report would land in the wrong shard and break newest-first order.
        if (shards.length > 1 && undated) throw new Error(`${undated.url} has no data-pagefind-sort date (see SearchMeta.astro); cannot place it in a search shard.`);
        checkSearchPage(outDir, shards.length > 1 ? shardManifest(shards).bundles : []);
        let indexed = 0;
        try {
          for (let i = 0; i < shards.length; i++) {
            indexed += await writeIndex(shards[i], bundleDir(outDir, i));
            if (shards.length > 1) {
              // deleteIndex already frees most of a shard (1.13 → 0.52 GB at 1,000 reports, and the
              // next shard peaks no higher); a fresh service per shard starts from nothing.
              await pagefind.close();
              log.info(`shard ${i + 1} of ${shards.length}: ${plural(shards[i].length, 'report')} into ${shardBundlePath(i)}`);
            }
          }
          if (shards.length > 1) {
            writeFileSync(join(bundleDir(outDir, 0), SHARD_MANIFEST), `${JSON.stringify(shardManifest(shards), null, 2)}\n`);
          }
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          const split = shards.length > 1 ? ` (${shards.length} shards of at most ${size})` : '';
          log.info(`Indexed ${plural(indexed, 'report')}${split} in ${seconds} s.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
