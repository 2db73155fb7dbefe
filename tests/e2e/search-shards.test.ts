/**
 * A sharded search index, end to end: a 50-report synthetic archive (the benchmark's generator)
 * built with ARCHIVE_SEARCH_SHARD_SIZE=20, so Pagefind writes three bundles, and searched in real
 * Chromium on its own /search/ page. Expectations come from the content files, not from the index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';
import { loadContentReports } from '../helpers/content.ts';
import { phraseTokens } from '../../src/lib/search/han-bigrams.ts';
import { kindLabel } from '../../src/lib/taxonomy/vocabularies.ts';

const REPORTS = 50;
const SHARD_SIZE = 20;

let work: string;
let distDir: string;
let baseUrl: string;
let close: () => Promise<void>;
let browser: Browser;
let page: Page;
let reports: ReturnType<typeof loadContentReports>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'xieshang-shards-'));
  // The benchmark writes the synthetic archive and builds it with the real build (and its search integration).
  const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--reports', String(REPORTS), '--seed', '3', '--work', work, '--skip-browser'], {
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_SEARCH_SHARD_SIZE: String(SHARD_SIZE), ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`bench build failed:\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  distDir = join(work, 'dist');
  reports = loadContentReports(join(work, 'content'));
  const served = await serveStatic(distDir);
  baseUrl = served.baseUrl;
  close = () => new Promise<void>((resolve) => served.server.close(() => resolve()));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The text a reader can search (as in search.test.ts). */
function searchableText(report: (typeof reports)[number]): string {
  return [report.data.title, report.data.subtitle ?? '', report.body.replace(/^\s*(#{1,6}|>)\s*/gm, '')].join('\n');
}

/** A phrase of `length` characters from the report's body that no other report contains. */
function uniquePhrase(report: (typeof reports)[number], length = 8): string {
  const text = report.body.replace(/\s+/g, '');
  const others = reports.filter((r) => r.id !== report.id).map(searchableText);
  for (let i = 0; i + length <= text.length; i++) {
    const phrase = text.slice(i, i + length);
    if (/^\p{Script=Han}+$/u.test(phrase) && !others.some((t) => t.includes(phrase))) return phrase;
  }
  throw new Error(`no unique phrase in ${report.id}`);
}

/** Result URLs shown for a search URL, pressing "显示更多结果" until all are shown. */
async function resultUrls(path: string): Promise<string[]> {
  await page.goto(baseUrl + path);
  await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
  const more = page.locator('[data-more]');
  while (await more.isVisible()) {
    const before = await page.locator('.search-card').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-card').length > n, before);
  }
  return page.locator('.search-card h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Hits for a phrase in one bundle alone, through Pagefind's own API (no merging). */
async function hitsInBundle(bundle: string, phrase: string): Promise<number> {
  const query = `"${phraseTokens(phrase).join(' ')}"`;
  // A string, so that the test runner does not rewrite the browser's dynamic import.
  return page.evaluate(`(async () => {
    const pf = await import(${JSON.stringify(`${bundle}pagefind.js`)});
    return (await pf.search(${JSON.stringify(query)})).results.length;
  })()`);
}

describe(`a ${REPORTS}-report archive indexed in shards of ${SHARD_SIZE}`, () => {
  it('writes three bundles, the newest reports in /pagefind/, and a manifest the search page agrees with', () => {
    const manifest = JSON.parse(readFileSync(join(distDir, 'pagefind', 'shards.json'), 'utf8'));
    expect(manifest).toEqual({ bundles: ['/pagefind-shard-1/', '/pagefind-shard-2/'], reports: [17, 17, 16] });
    for (const bundle of manifest.bundles) expect(existsSync(join(distDir, bundle, 'pagefind-entry.json'))).toBe(true);
    expect(readFileSync(join(distDir, 'search', 'index.html'), 'utf8')).toContain('data-search-shards=');
  });

  it('finds a report that lives only in the oldest shard', async () => {
    const oldest = reports[reports.length - 1];
    const phrase = uniquePhrase(oldest);
    await page.goto(`${baseUrl}/`);
    expect(await hitsInBundle('/pagefind/', phrase)).toBe(0);
    expect(await hitsInBundle('/pagefind-shard-2/', phrase)).toBe(1);
    expect(await resultUrls(`/search/?q=${encodeURIComponent(phrase)}`)).toEqual([`/reports/${oldest.id}/`]);
  });

  it('counts facets and lists results across all shards, newest first', async () => {
    // A filter-only search for the most common kind: its reports fill more than one shard (17 at most each).
    const byKind = Map.groupBy(reports, (r) => r.data.kind);
    const [kind, ofKind] = [...byKind].sort((a, b) => b[1].length - a[1].length)[0];
    expect(ofKind.length).toBeGreaterThan(17);
    const urls = await resultUrls(`/search/?kind=${encodeURIComponent(kindLabel(kind))}`);
    expect([...urls].sort()).toEqual(ofKind.map((r) => `/reports/${r.id}/`).sort());
    // Newest first across shards (dates compared as the index sorts them, as strings).
    const dateOf = new Map(reports.map((r) => [`/reports/${r.id}/`, r.data.date]));
    const dates = urls.map((u) => dateOf.get(u)!);
    expect(dates).toEqual([...dates].sort().reverse());
    const years = new Map<string, number>();
    for (const r of ofKind) years.set(r.data.date.slice(0, 4), (years.get(r.data.date.slice(0, 4)) ?? 0) + 1);
    // The page recounts once every filter chunk (of every shard) is loaded.
    const shownYears = async () => {
      const labels = await page.locator('[data-facet="year"] li label').evaluateAll((ls) => ls.map((l) => l.textContent!.trim()));
      return new Map(labels.map((t) => [t.replace(/（\d+）$/u, '').trim(), Number(/（(\d+)）$/u.exec(t)?.[1])]));
    };
    await expect.poll(shownYears, { timeout: 15_000 }).toEqual(years);
  });
});
