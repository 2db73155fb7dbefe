/**
 * The search page's layout in real Chromium (issue 20 items 8 and 14): on a phone the facets start
 * folded and the results come first, ticking a facet keeps the results in view, desktop keyboard
 * users can skip the facets, checkboxes are 24×24 px targets, an empty search has no empty filter
 * column, and the page does not jump while results arrive (cumulative layout shift ≤ 0.05).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 900 } };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(options: Parameters<Browser['newContext']>[0], path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
  return { context, page };
}

/**
 * Cumulative layout shift of a cold load of `path` on a phone, as Chromium reports it to a
 * PerformanceObserver('layout-shift') (shifts right after input excluded, as CLS defines),
 * with the network and CPU slowed roughly like Lighthouse's mobile preset so that results
 * arrive after the first paint, as they do on a real phone.
 */
async function layoutShift(path: string): Promise<{ cls: number; shifts: string[] }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number; shifts: string[] };
    w.cls = 0;
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        w.cls += entry.value;
        const nodes = (entry.sources ?? []).map((s) => {
          const n = s.node as Element | undefined;
          return n ? `${n.nodeName.toLowerCase()}${n.className && typeof n.className === 'string' ? `.${n.className.split(' ')[0]}` : ''}` : '?';
        });
        w.shifts.push(`${entry.value.toFixed(4)} ${nodes.join(',')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${baseUrl}${path}`);
  await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => {
    const w = window as unknown as { cls: number; shifts: string[] };
    return { cls: w.cls, shifts: w.shifts };
  });
  await context.close();
  return result;
}

describe('the search page does not jump while results arrive (item 14)', () => {
  it('cumulative layout shift ≤ 0.05 on /search/?q=钱塘 at 390×844', async () => {
    const { cls, shifts } = await layoutShift(`/search/?q=${encodeURIComponent('钱塘')}`);
    console.log(`CLS /search/?q=钱塘 (390×844, slowed): ${cls.toFixed(4)}`, shifts);
    expect(cls, shifts.join('\n')).toBeLessThanOrEqual(0.05);
  }, 120_000);
});

describe('facets on a phone and on a desktop (item 8)', () => {
  const query = `/search/?q=${encodeURIComponent('高质量发展')}`;

  it('on a phone the facets start folded and the first results are on the first screen', async () => {
    const { context, page } = await open(PHONE, query);
    const toggle = page.locator('[data-facet-toggle]');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-facets]').isVisible()).toBe(false);
    const first = await page.locator('.search-card').first().boundingBox();
    expect(first!.y).toBeLessThan(844);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('[data-facets]').isVisible()).toBe(true);
    // Opening the panel fetches the counts (issue 19): check the page with them drawn.
    await page.waitForSelector('[data-facets][data-state="ready"]', { state: 'attached' });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
    await context.close();
  });

  it('on a phone, after ticking a facet the view is on the results', async () => {
    const { context, page } = await open(PHONE, query);
    await page.locator('[data-facet-toggle]').click();
    const box = page.locator('[data-facet="year"] input').last();
    await box.scrollIntoViewIfNeeded();
    await box.check();
    await page.waitForURL((url) => url.searchParams.has('year'));
    await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
    const card = await page.locator('.search-card').first().boundingBox();
    expect(card, 'a result card').not.toBeNull();
    expect(card!.y).toBeGreaterThanOrEqual(0);
    expect(card!.y).toBeLessThan(844 - 40);
    await context.close();
  });

  it('on a desktop, ticking a facet keeps the checkbox focused and in view', async () => {
    const { context, page } = await open(DESKTOP, query);
    const box = page.locator('[data-facet="year"] input').last();
    const value = await box.getAttribute('value');
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.get('year') === value);
    await page.waitForSelector('[data-results][data-state="ready"]', { state: 'attached' });
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(value);
    const focused = await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON() as DOMRect);
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(focused.bottom).toBeLessThanOrEqual(900);
    await context.close();
  });

  it('desktop keyboard users can skip the facets to the results', async () => {
    const { context, page } = await open(DESKTOP, query);
    await page.locator('input[name="sort"][value="date"]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('跳过筛选');
    expect(await page.locator('.skip-facets').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-results');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-card') !== null)).toBe(true);
    await context.close();
  });

  for (const [name, options] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`checkboxes and radio buttons are at least 24×24 px (${name})`, async () => {
      const { context, page } = await open(options, query);
      if (await page.locator('[data-facet-toggle]').isVisible()) await page.locator('[data-facet-toggle]').click();
      await page.waitForSelector('[data-facets][data-state="ready"]', { state: 'attached' });
      const sizes = await page.locator('[data-facets] input[type="checkbox"], .sort input[type="radio"]').evaluateAll((boxes) =>
        boxes.map((b) => {
          const r = b.getBoundingClientRect();
          return { name: `${(b as HTMLInputElement).name}=${(b as HTMLInputElement).value}`, width: r.width, height: r.height };
        }),
      );
      expect(sizes.length).toBeGreaterThan(3);
      for (const s of sizes) {
        expect(s.width, s.name).toBeGreaterThanOrEqual(24);
        expect(s.height, s.name).toBeGreaterThanOrEqual(24);
      }
      await context.close();
    });
  }

  it('an empty search shows no empty filter column', async () => {
    const { context, page } = await open(DESKTOP, '/search/');
    expect(await page.locator('[data-facet-panel]').isVisible()).toBe(false);
    const layout = await page.locator('[data-search-layout]').boundingBox();
    const results = await page.locator('#search-results').boundingBox();
    expect(Math.abs(results!.x - layout!.x)).toBeLessThan(2);
    expect(Math.abs(results!.width - layout!.width)).toBeLessThan(2);
    await context.close();
  });
});
