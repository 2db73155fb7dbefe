/**
 * Search in real Chromium against the built site. Every expected result set is computed here from
 * the content files (title, subtitle and body text; Traditional queries folded with OpenCC's full
 * converter as an independent oracle), never hard-coded, so the tests follow whatever content exists.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Converter } from 'opencc-js';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.ts';
import { loadContentReports } from '../helpers/content.ts';

const baseUrl = inject('baseUrl');
const reports = loadContentReports();
const toSimplified = Converter({ from: 't', to: 'cn' });
let browser: Browser;
let page: Page;

/** The text a reader can search: title, subtitle and body with Markdown heading and quote marks removed. */
function searchableText(report: (typeof reports)[number]): string {
  const body = report.body.replace(/^\s*(#{1,6}|>)\s*/gm, '');
  return [report.data.title, report.data.subtitle ?? '', body].join('\n');
}

/** URLs of the reports containing the query (folded to Simplified) as a phrase. */
function expectedUrls(query: string, keep: (r: (typeof reports)[number]) => boolean = () => true): string[] {
  const phrase = toSimplified(query);
  return reports
    .filter((r) => keep(r) && searchableText(r).includes(phrase))
    .map((r) => `/reports/${r.id}/`)
    .sort();
}

async function waitForResults(): Promise<void> {
  await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
}

/** Every result URL on the page, pressing "显示更多结果" until all are shown. */
async function resultUrls(): Promise<string[]> {
  await waitForResults();
  const more = page.locator('[data-more]');
  while (await more.isVisible()) {
    const before = await page.locator('.search-card').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-card').length > n, before);
  }
  const hrefs = await page.locator('.search-card h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.sort();
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('search finds exactly the reports containing the query', () => {
  for (const query of ['钱塘', '錢塘', '滨江', '民营经济', '数字经济', '高质量发展', '高質量發展', '電商']) {
    it(query, async () => {
      const expected = expectedUrls(query);
      expect(expected.length, `the seed content contains ${toSimplified(query)}`).toBeGreaterThan(0);
      await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
      expect(await resultUrls()).toEqual(expected);
      expect(await page.textContent('[data-search-status]')).toContain(String(expected.length));
    });
  }

  it('finds a district by its name without the suffix (钱塘 for 钱塘区)', async () => {
    const filed = reports.filter((r) => searchableText(r).includes('钱塘区')).map((r) => `/reports/${r.id}/`);
    expect(filed.length).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('钱塘')}`);
    const found = await resultUrls();
    for (const url of filed) expect(found).toContain(url);
  });

  it('matches a phrase, not its characters scattered: abc is not found where only ab and bc occur', async () => {
    // A three-character string none of the reports contains, whose two bigrams both occur in one
    // report: a bigram search without the phrase check would return that report.
    const texts = reports.map((r) => searchableText(r));
    let probe: string | undefined;
    search: for (const text of texts) {
      const runs = text.match(/[\u4e00-\u9fff]{2,}/gu) ?? [];
      const bigrams = [...new Set(runs.flatMap((run) => [...run].slice(1).map((ch, i) => run[i] + ch)))];
      for (const ab of bigrams) {
        for (const bc of bigrams) {
          const abc = ab + bc[1];
          if (bc[0] === ab[1] && texts.every((t) => !t.includes(abc))) {
            probe = abc;
            break search;
          }
        }
      }
    }
    expect(probe, 'content has two bigrams that chain into an absent phrase').toBeDefined();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(probe!)}`);
    expect(await resultUrls()).toEqual([]);
  });

  it('offers the district when the query names it without its suffix', async () => {
    const filed = reports.filter((r) => r.data.regions.includes('330114') && searchableText(r).includes('钱塘'));
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('钱塘')}`);
    await waitForResults();
    const button = page.locator('[data-place-suggest] button', { hasText: '杭州市钱塘区' });
    if (filed.length === 0) {
      expect(await button.count()).toBe(0);
      return;
    }
    await button.click();
    await page.waitForURL((url) => url.searchParams.get('district') === '杭州市钱塘区');
    expect(await resultUrls()).toEqual(filed.map((r) => `/reports/${r.id}/`).sort());
  });

  it('answers typing and Enter in the search box, and puts the query in the URL', async () => {
    await page.goto(`${baseUrl}/search/`);
    await waitForResults();
    await page.getByLabel('搜索标题和正文').fill('数字经济');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=/);
    expect(await resultUrls()).toEqual(expectedUrls('数字经济'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('数字经济');
  });
});

describe('facets, URL state and history', () => {
  it('narrows by a facet, writes it to the URL, restores it on reload and goes back', async () => {
    const query = '高质量发展';
    const all = expectedUrls(query);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
    expect(await resultUrls()).toEqual(all);

    // A year that some but not all matching reports have: clicking it must narrow the results.
    const years = [...new Set(reports.filter((r) => all.includes(`/reports/${r.id}/`)).map((r) => r.data.date.slice(0, 4)))];
    const year = years.find((y) => expectedUrls(query, (r) => r.data.date.startsWith(y)).length < all.length);
    expect(year, 'matching reports span more than one year').toBeDefined();
    const narrowed = expectedUrls(query, (r) => r.data.date.startsWith(year!));

    await page.locator(`[data-facet="year"] input[value="${year}"]`).check();
    await page.waitForURL((url) => url.searchParams.get('year') === year);
    await page.waitForFunction(() => document.querySelector('[data-results]')?.getAttribute('data-state') === 'ready');
    expect(await resultUrls()).toEqual(narrowed);
    const filteredUrl = page.url();

    await page.reload();
    expect(await resultUrls()).toEqual(narrowed);
    expect(await page.locator(`[data-facet="year"] input[value="${year}"]`).isChecked()).toBe(true);
    expect(await page.getByLabel('搜索标题和正文').inputValue()).toBe(query);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('year'));
    expect(await resultUrls()).toEqual(all);
    await page.goForward();
    await page.waitForURL(filteredUrl);
    expect(await resultUrls()).toEqual(narrowed);
  });

  it('sorts by date, newest first, when asked', async () => {
    const query = '高质量发展';
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}&sort=date`);
    await waitForResults();
    const urls = await page.locator('.search-card h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const dates = urls.map((url) => reports.find((r) => `/reports/${r.id}/` === url)!.data.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('no results', () => {
  it('explains, offers to remove a filter and shows the top topics', async () => {
    const query = '火星殖民';
    expect(expectedUrls(query)).toEqual([]);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}&year=2022`);
    await waitForResults();
    expect(await page.locator('.search-card').count()).toBe(0);
    await expect.poll(() => page.locator('[data-no-results]').isVisible()).toBe(true);
    expect(await page.locator('[data-top-topics] .top-topics a').count()).toBeGreaterThan(0);
    await page.locator('[data-no-results] .remove-filter').first().click();
    await page.waitForURL((url) => !url.searchParams.has('year'));
  });
});

describe('Traditional folding is paid for only by Traditional queries', () => {
  it('loads OpenCC for 錢塘 but not for 钱塘', async () => {
    const fetched: string[] = [];
    const context = await browser.newContext();
    const fresh = await context.newPage();
    fresh.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await fresh.goto(`${baseUrl}/search/?q=${encodeURIComponent('钱塘')}`);
    await fresh.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
    expect(fetched.filter((p) => /t2cn/i.test(p))).toEqual([]);
    await fresh.goto(`${baseUrl}/search/?q=${encodeURIComponent('錢塘')}`);
    await fresh.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
    expect(fetched.filter((p) => /t2cn/i.test(p)).length).toBe(1);
    expect(fetched.every((p) => !p.startsWith('http'))).toBe(true);
    await context.close();
  });

  it('makes no third-party requests', async () => {
    const hosts = new Set<string>();
    const context = await browser.newContext();
    const fresh = await context.newPage();
    fresh.on('request', (request) => hosts.add(new URL(request.url()).host));
    await fresh.goto(`${baseUrl}/search/?q=${encodeURIComponent('高質量發展')}`);
    await fresh.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
    expect([...hosts]).toEqual([new URL(baseUrl).host]);
    await context.close();
  });
});

describe('accessibility', () => {
  for (const [name, query, colorScheme] of [
    ['results with facets', '高质量发展', 'light'],
    ['results with facets', '高质量发展', 'dark'],
    ['no results', '火星殖民', 'light'],
  ] as const) {
    it(`axe-core finds no violations: ${name} (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 375, height: 800 } });
      const fresh = await context.newPage();
      await fresh.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
      await fresh.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
      const result = await new AxeBuilder({ page: fresh }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
      // The result count is announced: it lives in a polite live region.
      expect(await fresh.getAttribute('[data-search-status]', 'aria-live')).toBe('polite');
      await context.close();
    });
  }
});
