/**
 * The reader's tools in real Chromium: 简/繁 switch (lazy, persistent, reversible), light/dark
 * switch (persistent, no flash), share and cite without third-party code, structured data,
 * feeds linked from their pages, the 404 page, and no request ever leaving the site.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { isBuilt, samplePages, sampleReport } from './reader-pages.ts';
import { loadContentReports } from '../helpers/content.ts';
import { regionHref, reportHref } from '../../src/lib/archive/urls.ts';
import { regionFeedHref } from '../../src/lib/reader/feeds.ts';
import { fullRegionName, regionPath } from '../../src/lib/regions/gazetteer.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const report = sampleReport();
const reportUrl = baseUrl + reportHref(report.id);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, ...options });
  return { context, page: await context.newPage() };
}

const mainText = (page: Page) => page.locator('main').innerText();

describe('简/繁 switch', () => {
  it('loads only the page\'s own dictionary when asked (≤ 60 kB gzipped), turns 协商 into 協商 and back, and sets lang', async () => {
    const { context, page } = await freshPage();
    let clicked = false;
    const before: { url: string; bytes: number }[] = [];
    const after: { url: string; gzip: number }[] = [];
    page.on('response', async (r) => {
      const body = await r.body().catch(() => Buffer.alloc(0));
      if (clicked) after.push({ url: r.url(), gzip: gzipSync(body).length });
      else if (r.request().resourceType() === 'script') before.push({ url: r.url(), bytes: body.length });
    });
    await page.goto(reportUrl);
    await page.waitForLoadState('networkidle');
    expect(await mainText(page)).toContain('协商');
    // Nothing near the size of the dictionaries is fetched before the reader asks.
    expect(before.filter((s) => s.bytes > 100_000)).toEqual([]);
    const toggle = page.locator('[data-script-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    clicked = true;
    await toggle.click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.waitForLoadState('networkidle');
    const traditional = await mainText(page);
    expect(traditional).toContain('協商');
    expect(traditional).not.toContain('协商');
    expect(await page.title()).toContain('協商檔案');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // What switching costs, gzipped as a server would send it (OpenCC's full data: ~438 kB).
    const switchBytes = after.reduce((sum, r) => sum + r.gzip, 0);
    console.info(`简/繁 switch on a report page: ${after.length} requests, ${switchBytes} bytes gzipped`, after.map((r) => r.url.replace(baseUrl, '')));
    expect(after.some((r) => r.url.includes('/_hant/'))).toBe(true);
    expect(switchBytes).toBeLessThanOrEqual(60_000);

    await toggle.click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
    const back = await mainText(page);
    expect(back).toContain('协商');
    expect(back).not.toContain('協商');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });

  it('shows a reader who chose 繁體 no frame of Simplified text on the next page', async () => {
    const { context, page } = await freshPage();
    await context.addInitScript(() => localStorage.setItem('xieshang:script', 'hant'));
    // requestAnimationFrame runs before every paint: record what each frame would show.
    await context.addInitScript(() => {
      const frames: { visible: boolean; simplified: boolean; traditional: boolean }[] = [];
      (window as unknown as { frames_: typeof frames }).frames_ = frames;
      const tick = () => {
        const body = document.body;
        if (body) {
          // Text as drawn: text nodes outside scripts and styles (JSON-LD is never converted).
          let text = '';
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('script, style')) text += n.nodeValue;
          frames.push({ visible: getComputedStyle(body).visibility !== 'hidden', simplified: text.includes('协商'), traditional: text.includes('協商') });
        }
        if (frames.length < 600) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(reportUrl);
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('協商'));
    await page.waitForTimeout(200);
    const frames = await page.evaluate(() => (window as unknown as { frames_: { visible: boolean; simplified: boolean; traditional: boolean }[] }).frames_);
    const shown = frames.filter((f) => f.visible);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((f) => f.simplified)).toEqual([]);
    expect(shown.every((f) => f.traditional)).toBe(true);
    await context.close();
  });

  it('persists across navigation until switched back', async () => {
    const { context, page } = await freshPage();
    await page.goto(reportUrl);
    await page.click('[data-script-toggle]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');

    // Follow the breadcrumb to the report's province, then come back through the browser.
    await page.locator('.breadcrumbs a').nth(1).click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.waitForFunction(() => document.querySelector('.brand')?.textContent?.includes('協商檔案'));
    expect(await page.locator('[data-script-toggle]').getAttribute('aria-pressed')).toBe('true');

    await page.goto(reportUrl);
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('協商'));
    await page.click('[data-script-toggle]');
    await page.goto(`${baseUrl}/`);
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.locator('.brand').innerText()).toContain('协商档案');
    await context.close();
  });
});

describe('简/繁 variants', () => {
  // 里 is where Taiwan (裡) and Hong Kong (裏) standards differ; any report saying 这里 will do.
  const withLi = loadContentReports().find((r) => r.body.includes('这里'));

  it.skipIf(!withLi)('uses Taiwan forms by default and Hong Kong forms for zh-HK browsers', async () => {
    const seen: Record<string, string> = {};
    for (const locale of ['zh-CN', 'zh-HK']) {
      const { context, page } = await freshPage({ locale });
      await page.goto(baseUrl + reportHref(withLi!.id));
      await page.click('[data-script-toggle]');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
      const text = await mainText(page);
      seen[locale] = text.includes('這裡') ? 'tw' : text.includes('這裏') ? 'hk' : 'neither';
      await context.close();
    }
    expect(seen).toEqual({ 'zh-CN': 'tw', 'zh-HK': 'hk' });
  });
});

describe('light/dark switch', () => {
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  it('follows the system until the reader chooses, then keeps the choice on every page', async () => {
    const { context, page } = await freshPage({ colorScheme: 'dark' });
    await page.goto(`${baseUrl}/`);
    const systemDark = await background(page);
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    const chosenLight = await background(page);
    expect(chosenLight).not.toBe(systemDark);

    await page.goto(reportUrl);
    expect(await background(page)).toBe(chosenLight);
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });

  it('applies a stored choice before the first paint (no flash of the other theme)', async () => {
    const { context, page } = await freshPage({ colorScheme: 'light' });
    await context.addInitScript(() => localStorage.setItem('xieshang:theme', 'dark'));
    // Record the theme as soon as <body> exists, before any module script could have run.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string | null }).themeAtBody = document.documentElement.getAttribute('data-theme');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${baseUrl}/`);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody)).toBe('dark');
    await context.close();
  });
});

describe('report page', () => {
  it('describes itself as a NewsArticle matching what the page shows', async () => {
    const { context, page } = await freshPage();
    await page.goto(reportUrl);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const parsed = blocks.map((b) => JSON.parse(b));
    const ld = parsed.find((x) => x['@type'] === 'NewsArticle');
    const crumbs = parsed.find((x) => x['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement.at(-1).name).toBe(report.data.title);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe((await page.locator('h1').innerText()).trim());
    expect(ld.datePublished).toBe(report.data.date);
    expect(ld.author.length).toBeGreaterThan(0);
    expect(ld.publisher.name).toBeTruthy();
    expect(ld.contentLocation.map((l: { identifier: string }) => l.identifier)).toEqual(report.data.regions);
    expect(await page.getAttribute('meta[property="og:type"]', 'content')).toBe('article');
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe(report.data.title);
    expect(await page.getAttribute('meta[name="twitter:card"]', 'content')).toBeTruthy();
    await context.close();
  });

  it('copies a citation with outlet, date and URL, and copies the link where there is no share sheet', async () => {
    const { context, page } = await freshPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(reportUrl);
    const citation = (await page.locator('#cite-gbt').innerText()).trim();
    expect(citation).toContain(report.data.date);
    expect(citation).toContain(reportHref(report.id));
    await page.locator('[data-copy="cite-gbt"]').click();
    await expect.poll(() => page.locator('.cite-box [role="status"]').innerText()).toContain('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation);

    const hasShareSheet = await page.evaluate(() => typeof navigator.share === 'function');
    if (!hasShareSheet) {
      await page.locator('[data-share]').click();
      await expect.poll(() => page.locator('.share [role="status"]').innerText()).toContain('链接已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(reportHref(report.id));
    }
    await context.close();
  });

  it('links the older and newer reports about the same place', async () => {
    const { context, page } = await freshPage();
    await page.goto(reportUrl);
    const nav = page.locator('nav.prev-next');
    expect(await nav.locator('h2').innerText()).toContain('的其他报道');
    // Its own region, or the nearest place above it that has other reports.
    const chain = regionPath(report.data.regions[0]).map((r) => regionHref(r.code));
    expect(chain).toContain(await nav.locator('a.all').getAttribute('href'));
    for (const href of await nav.locator('a[rel]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^\/reports\/.+\/$/);
    }
    await context.close();
  });
});

describe('feeds and 404', () => {
  it('announces the region feed on the region page, and the feed exists', async () => {
    const { context, page } = await freshPage();
    const code = report.data.regions[0];
    await page.goto(baseUrl + regionHref(code));
    const hrefs = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
    expect(hrefs).toEqual([regionFeedHref(code), '/rss.xml']);
    const response = await page.goto(baseUrl + regionFeedHref(code));
    expect(response?.status()).toBe(200);
    expect(await response?.text()).toContain(fullRegionName(code));
    await context.close();
  });

  it('answers an unknown address with a helpful 404 page that searches the archive', async () => {
    const { context, page } = await freshPage();
    const response = await page.goto(`${baseUrl}/reports/2099/no-such-report/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('找不到该页面');
    expect(await page.locator('form[role="search"]').getAttribute('action')).toBe('/search/');
    await page.fill('form[role="search"] input[name="q"]', '钱塘');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.locator('form[role="search"] button').click()]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('钱塘');
    await context.close();
  });
});

describe('keyboard', () => {
  it('offers the skip link first and shows where focus is', async () => {
    const { context, page } = await freshPage();
    await page.goto(reportUrl);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.innerText()).toBe('跳到正文');
    const box = await focused.boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle + getComputedStyle(document.activeElement!).backgroundColor);
    expect(outline).not.toBe('nonergba(0, 0, 0, 0)');
    await context.close();
  });
});

describe('no third-party requests', () => {
  const pages = samplePages().filter((p) => isBuilt(distDir, p.path));

  it(`every sample page (${pages.map((p) => p.name).join(', ')}) and the 简/繁 switch stay on the site's own host, without console errors`, async () => {
    const { context, page } = await freshPage();
    const foreign: string[] = [];
    // A blocked script or style (CSP) or a script error shows up here; the pages must have none.
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    const own = new URL(baseUrl).host;
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.host !== own) foreign.push(`${page.url()} → ${request.url()}`);
    });
    for (const sample of pages) {
      await page.goto(baseUrl + sample.path);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(reportUrl);
    await page.click('[data-script-toggle]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e) || !e.includes('/404.html'))).toEqual([]);
    await context.close();
  });
});
