/**
 * Search in real Chromium against the built site. Every expected result set is computed from
 * the content files (tests/helpers/search-oracle.ts: title, subtitle and body text, metadata;
 * Traditional queries folded with OpenCC's full converter as an independent oracle), never
 * hard-coded, so the tests follow whatever content exists.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.ts';
import { allResultUrls } from './search-results.ts';
import { regionPath } from '../../src/lib/regions/gazetteer.ts';
import { searchableText, searchOracle, toSimplified } from '../helpers/search-oracle.ts';

const baseUrl = inject('baseUrl');
const { reports, registry, holds, expectedUrls } = searchOracle(inject('distDir'));
let browser: Browser;
let page: Page;

async function waitForResults(): Promise<void> {
  await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
}

/** Every result URL on the page, pressing "显示更多结果" until all are shown. */
async function resultUrls(): Promise<string[]> {
  await waitForResults();
  return allResultUrls(page);
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
          if (bc[0] === ab[1] && reports.every((r) => !holds(r, abc))) {
            probe = abc;
            break search;
          }
        }
      }
    }
    expect(probe, 'content has two bigrams that chain into an absent phrase').toBeDefined();
    expect(reports.filter((r) => holds(r, probe!)), 'no metadata holds the probe either').toEqual([]);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(probe!)}`);
    expect(await resultUrls()).toEqual([]);
  });

  it('offers the district when the query names it without its suffix', async () => {
    const filed = reports.filter((r) => r.data.regions.includes('330114') && holds(r, '钱塘'));
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

describe('metadata: regions, topics, outlets, reporters and keywords find reports too (issue 20 item 6)', () => {
  const urlOf = (r: (typeof reports)[number]) => `/reports/${r.id}/`;

  it('杭州 finds every report filed under 杭州市 or its districts, also when the text does not say 杭州, and the card says why', async () => {
    const filed = reports.filter((r) => r.data.regions.some((code) => regionPath(code).some((region) => region.name === '杭州市')));
    const silent = filed.filter((r) => !searchableText(r).includes('杭州'));
    expect(silent.length, 'a 杭州 report whose text does not say 杭州').toBeGreaterThan(0);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('杭州')}`);
    const found = await resultUrls();
    expect(found).toEqual(expectedUrls('杭州'));
    for (const r of filed) expect(found).toContain(urlOf(r));
    for (const r of silent) {
      const card = page.locator('.search-card', { has: page.locator(`h2 a[href="${urlOf(r)}"]`) });
      expect(await card.locator('.card-why').textContent()).toContain('「地区：杭州市」');
    }
  });

  it('民营经济 finds the reports of that topic, not only those whose text has the phrase, ranked above passing mentions', async () => {
    const topic = registry.topics.find((t) => t.name === '民营经济')!;
    const ofTopic = reports.filter((r) => r.data.topics.includes(topic.id));
    const mentionOnly = reports.filter((r) => !r.data.topics.includes(topic.id) && !r.data.title.includes('民营经济') && searchableText(r).includes('民营经济'));
    expect(ofTopic.length).toBeGreaterThan(reports.filter((r) => searchableText(r).includes('民营经济')).length - mentionOnly.length - 1);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('民营经济')}`);
    const found = await resultUrls();
    for (const r of ofTopic) expect(found).toContain(urlOf(r));
    const order = await page.locator('.search-card h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const lastTopic = Math.max(...ofTopic.map((r) => order.indexOf(urlOf(r))));
    for (const r of mentionOnly) expect(order.indexOf(urlOf(r)), `${r.id} only mentions 民营经济`).toBeGreaterThan(lastTopic);
  });

  it('finds a reporter, a keyword and an outlet by name, and names the field that matched', async () => {
    const texts = reports.map(searchableText);
    const reporter = reports.flatMap((r) => r.data.reporters).find((name) => texts.every((t) => !t.includes(name)));
    const outlet = registry.outlets.find((o) => reports.some((r) => r.data.outlet === o.id))!.name;
    const keyword = reports.flatMap((r) => r.data.keywords).find((word) => texts.every((t) => !t.includes(word)));
    for (const [query, label] of [[reporter, '记者'], [keyword, '关键词'], [outlet, '来源']] as const) {
      if (!query) continue;
      const expected = expectedUrls(query);
      expect(expected.length, query).toBeGreaterThan(0);
      await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
      expect(await resultUrls(), query).toEqual(expected);
      const silent = reports.find((r) => expected.includes(urlOf(r)) && !searchableText(r).includes(query));
      if (silent) {
        const card = page.locator('.search-card', { has: page.locator(`h2 a[href="${urlOf(silent)}"]`) });
        expect(await card.locator('.card-why').textContent()).toContain(`「${label}：`);
      }
    }
    expect(reporter, 'some reporter is named only in the metadata').toBeDefined();
  });

  it('words in text and metadata combine: 杭州 民营经济 needs both', async () => {
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('杭州 民营经济')}`);
    const both = reports.filter((r) => holds(r, '杭州') && holds(r, '民营经济')).map(urlOf).sort();
    expect(await resultUrls()).toEqual(both);
  });
});

describe('result cards (issue 20 item 7)', () => {
  it('highlight the query in the headline, say 推定 for inferred dates, and never cut a highlighted term', async () => {
    for (const query of ['钱塘', '高质量发展']) {
      await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
      await waitForResults();
      const cards = await page.locator('.search-card').evaluateAll((items) =>
        items.map((li) => ({
          url: new URL(li.querySelector('h2 a')!.getAttribute('href')!, location.href).pathname,
          title: li.querySelector('h2')!.textContent!,
          titleMarks: [...li.querySelectorAll('h2 mark')].map((m) => m.textContent),
          meta: li.querySelector('.card-meta')!.textContent!,
          excerpt: li.querySelector('.excerpt')!.textContent!,
          marks: [...li.querySelectorAll('.excerpt mark')].map((m) => m.textContent!),
        })),
      );
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        const report = reports.find((r) => `/reports/${r.id}/` === card.url);
        if (card.title.includes(query)) expect(card.titleMarks, card.url).toContain(query);
        else expect(card.titleMarks).toEqual([]);
        // A dossier's date is its own publication date, never inferred.
        const inferred = report?.data.dateCertainty === 'inferred';
        expect(card.meta.includes('推定'), `${card.url} date ${report?.data.dateCertainty ?? 'dossier'}`).toBe(inferred);
        for (const mark of card.marks) expect(mark, card.url).toContain(query);
        expect(card.excerpt, 'no space next to Chinese punctuation or characters').not.toMatch(/[\p{Script=Han}。，、；：！？”」）]\s|\s[\p{Script=Han}“「（]/u);
      }
    }
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
