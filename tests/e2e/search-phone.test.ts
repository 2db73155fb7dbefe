/**
 * Facet data on a phone (issue 19): a phone that never opens 筛选 downloads no facet file, yet
 * finds exactly what a desktop finds (metadata search through the buckets and one small file per
 * value the query names); opening the panel fetches the counts, and a URL with a facet filter
 * works cold. Real Chromium at 390×844 against the built site; expectations from the content
 * (tests/helpers/search-oracle.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { allResultUrls } from './search-results.ts';
import { searchOracle, toSimplified } from '../helpers/search-oracle.ts';
import { readValueRecord } from '../../src/lib/search/browser/query.ts';
import { containsPhrase, foldForIndex, phraseTokens } from '../../src/lib/search/index/tokens.ts';
import { valueFile, type SearchManifest } from '../../src/lib/search/index/format.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const { reports, registry, expectedUrls } = searchOracle(distDir);
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
let browser: Browser;

/** The searched facet values of the built index, by number (v/<n>.bin). */
const values = (() => {
  const manifest = JSON.parse(readFileSync(join(distDir, 'search-index/manifest.json'), 'utf8')) as SearchManifest;
  return Array.from({ length: manifest.values }, (_, n) => readValueRecord(gunzipSync(readFileSync(join(distDir, 'search-index', manifest.version, valueFile(n))))));
})();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Paths under /search-index/ the page requested. */
  fetched: string[];
}

/** A fresh browser (nothing cached) at `options`' size on `path`, results drawn. */
async function open(options: typeof PHONE | typeof DESKTOP, path: string): Promise<Opened> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => {
    const at = new URL(request.url()).pathname;
    if (at.startsWith('/search-index/')) fetched.push(at);
  });
  await page.goto(`${baseUrl}${path}`);
  await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
  return { context, page, fetched };
}

const facetFiles = (fetched: readonly string[]) => fetched.filter((p) => p.endsWith('/facets.bin'));
const valueFiles = (fetched: readonly string[]) => fetched.flatMap((p) => /\/v\/(\d+)\.bin$/u.exec(p) ?? []).filter((_, i) => i % 2 === 1).map(Number);
const search = (query: string) => `/search/?q=${encodeURIComponent(query)}`;

/** What the facet panel lists: each value with its count, in the panel's order. */
const facetLabels = (page: Page) => page.locator('[data-facets] fieldset:not([hidden]) label').evaluateAll((labels) => labels.map((l) => l.textContent!.trim()));

describe('a phone with the facet panel folded downloads no facet file (issue 19)', () => {
  const texts = reports.map((r) => [r.data.title, r.data.subtitle ?? '', r.body].join('\n'));
  const outlet = registry.outlets.find((o) => reports.some((r) => r.data.outlet === o.id))!.name;
  const reporter = reports.flatMap((r) => r.data.reporters).find((name) => texts.every((t) => !t.includes(name)))!;

  for (const query of ['高质量发展', '杭州', '民营经济', '钱塘', '錢塘', outlet, reporter]) {
    it(`${query}: exactly the reports a desktop finds, with only the files of the values it names`, async () => {
      const phrase = toSimplified(query);
      const expected = expectedUrls(query);
      expect(expected.length, query).toBeGreaterThan(0);
      const { context, page, fetched } = await open(PHONE, search(query));
      expect(await page.locator('[data-facet-toggle]').getAttribute('aria-expanded')).toBe('false');
      expect(await allResultUrls(page)).toEqual(expected);
      expect(await page.textContent('[data-search-status]')).toContain(String(expected.length));
      expect(facetFiles(fetched), 'the facet file').toEqual([]);
      expect(await page.getAttribute('[data-facets]', 'data-state')).toBe('pending');
      // Every value holding the phrase is fetched; nothing that lacks one of its tokens is.
      const named = values.flatMap((v, n) => (containsPhrase(v.value, '', phrase) ? [n] : []));
      const got = valueFiles(fetched);
      for (const n of named) expect(got, `${query} fetches ${values[n].value}`).toContain(n);
      for (const n of got) expect(phraseTokens(phrase).every((t) => foldForIndex(values[n].value).includes(t.key)), `${query} fetched ${values[n].value}`).toBe(true);
      if (query === '高质量发展' || query === '杭州' || query === outlet) expect(named.length, `${query} names a value`).toBeGreaterThan(0);
      await context.close();
    });
  }

  it('a card found only by its region says why; a place named without its suffix is offered with its count, as on a desktop', async () => {
    const { context, page, fetched } = await open(PHONE, search('杭州'));
    await allResultUrls(page);
    expect(await page.locator('.card-why', { hasText: '「地区：杭州市」' }).count()).toBeGreaterThan(0);
    expect(facetFiles(fetched)).toEqual([]);
    const phone = await open(PHONE, search('钱塘'));
    const desktop = await open(DESKTOP, search('钱塘'));
    const offered = (p: Page) => p.locator('[data-place-suggest] button').allTextContents();
    expect(await offered(phone.page)).toEqual(await offered(desktop.page));
    expect(await offered(phone.page)).not.toEqual([]);
    expect(facetFiles(phone.fetched)).toEqual([]);
    for (const o of [phone, desktop]) await o.context.close();
    await context.close();
  });
});

describe('opening 筛选 on a phone fetches the counts', () => {
  it('shows 载入中 while the facet file loads, then the same counts as a desktop; a tick then needs no second fetch', async () => {
    const query = '高质量发展';
    const { context, page, fetched } = await open(PHONE, search(query));
    expect(facetFiles(fetched)).toEqual([]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/facets.bin', async (route) => {
      await gate;
      await route.continue();
    });
    const toggle = page.locator('[data-facet-toggle]');
    await toggle.click();
    await page.waitForSelector('[data-facets][data-state="loading"]', { state: 'attached' });
    expect(await toggle.innerText()).toContain('载入中');
    expect(await page.getAttribute('[data-facets]', 'aria-busy')).toBe('true');
    expect(await page.locator('[data-facets-note]:visible').textContent()).toContain('正在载入筛选');
    release();
    await page.waitForSelector('[data-facets][data-state="ready"]', { state: 'attached' });
    expect(await toggle.innerText()).not.toContain('载入中');
    expect(await page.getAttribute('[data-facets]', 'aria-busy')).toBeNull();
    expect(await page.locator('[data-facets-note]:visible').count()).toBe(0);
    expect(facetFiles(fetched)).toHaveLength(1);
    const desktop = await open(DESKTOP, search(query));
    const labels = await facetLabels(page);
    expect(labels.length).toBeGreaterThan(3);
    expect(labels).toEqual(await facetLabels(desktop.page));
    await desktop.context.close();

    // Ticking a year folds the panel and searches again, with the facet file already in memory.
    const all = expectedUrls(query);
    const year = [...new Set(reports.filter((r) => all.includes(`/reports/${r.id}/`)).map((r) => r.data.date.slice(0, 4)))].find(
      (y) => expectedUrls(query, (r) => r.data.date.startsWith(y)).length < all.length,
    )!;
    expect(year, 'matching reports span more than one year').toBeDefined();
    await page.locator(`[data-facet="year"] input[value="${year}"]`).check();
    await page.waitForURL((url) => url.searchParams.get('year') === year);
    await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
    expect(await allResultUrls(page)).toEqual(expectedUrls(query, (r) => r.data.date.startsWith(year)));
    expect(await page.getAttribute('[data-facets]', 'data-state')).toBe('ready');
    expect(facetFiles(fetched)).toHaveLength(1);
    await context.close();
  });

  it('says so when the facet file cannot be loaded, and tries again on the next opening', async () => {
    const { context, page } = await open(PHONE, search('钱塘'));
    await context.route('**/facets.bin', (route) => route.abort());
    const toggle = page.locator('[data-facet-toggle]');
    await toggle.click();
    await page.waitForSelector('[data-facets][data-state="error"]', { state: 'attached' });
    expect(await page.locator('[data-facets-note]:visible').textContent()).toContain('未能载入');
    await context.unroute('**/facets.bin');
    await toggle.click();
    await toggle.click();
    await page.waitForSelector('[data-facets][data-state="ready"]', { state: 'attached' });
    expect((await facetLabels(page)).length).toBeGreaterThan(3);
    await context.close();
  });
});

describe('a window that widens to the desktop layout', () => {
  it('fetches the counts for the facet column it now shows', async () => {
    const { context, page, fetched } = await open({ viewport: PHONE.viewport } as typeof DESKTOP, search('高质量发展'));
    expect(await page.getAttribute('[data-facets]', 'data-state')).toBe('pending');
    expect(facetFiles(fetched)).toEqual([]);
    await page.setViewportSize(DESKTOP.viewport);
    await page.waitForSelector('[data-facets][data-state="ready"]', { state: 'attached' });
    expect(await page.locator('[data-facets]').isVisible()).toBe(true);
    expect((await facetLabels(page)).length).toBeGreaterThan(3);
    expect(facetFiles(fetched)).toHaveLength(1);
    await context.close();
  });
});

describe('a URL with a facet filter, cold on a phone', () => {
  it('finds exactly the filtered reports and has the counts ready for the folded panel', async () => {
    const query = '高质量发展';
    const all = expectedUrls(query);
    const years = [...new Set(reports.filter((r) => all.includes(`/reports/${r.id}/`)).map((r) => r.data.date.slice(0, 4)))];
    const year = years.find((y) => expectedUrls(query, (r) => r.data.date.startsWith(y)).length < all.length)!;
    const { context, page, fetched } = await open(PHONE, `${search(query)}&year=${year}`);
    expect(await allResultUrls(page)).toEqual(expectedUrls(query, (r) => r.data.date.startsWith(year)));
    // The selection needs its reports: the facet file came with the results, so its counts too.
    expect(facetFiles(fetched)).toHaveLength(1);
    expect(await page.getAttribute('[data-facets]', 'data-state')).toBe('ready');
    const toggle = page.locator('[data-facet-toggle]');
    expect(await toggle.textContent()).toContain('已选1项');
    await toggle.click();
    expect(await page.locator(`[data-facet="year"] input[value="${year}"]`).isChecked()).toBe(true);
    expect(facetFiles(fetched)).toHaveLength(1);
    await context.close();
  });
});
