/**
 * The seed dossier in Chromium: its embedded list, chart and timeline agree with the region and
 * topic pages they draw on; it is linked from the home, region and topic pages, the feed and
 * search; axe finds nothing on the dossier pages in either theme. No client script is needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.ts';
import { regionHref, topicHref } from '../../src/lib/archive/urls.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const SLUG = 'zhe-jiang-min-ying-jing-ji-yu-chan-ye';
const PATH = `/dossiers/${SLUG}/`;
const source = readFileSync(join('content/dossiers', `${SLUG}.mdx`), 'utf8');
const frontRegion = /regions: \["(\d{6})"\]/.exec(source)![1];
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  await page.goto(baseUrl + path);
  return page;
}

/** The report links of a page's main list (region page: section #list; topic page: the first list). */
async function reportLinks(p: Page, selector: string): Promise<string[]> {
  return p.locator(`${selector} .report-list .card-title a`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

describe('the seed dossier', () => {
  it('embeds the region list with the region page count and reports, without client JS', async () => {
    const region = await open(regionHref(frontRegion));
    const regionCount = Number(await region.getByTestId('region-count').textContent());
    const regionList = await reportLinks(region, 'section[aria-labelledby="list"]');
    const d = await open(PATH);
    const embed = d.locator('[data-embed="reports"]').first();
    expect(Number(await embed.getByTestId('embed-total').textContent())).toBe(regionCount);
    expect(await reportLinks(d, '[data-embed="reports"]:first-of-type')).toEqual(regionList.slice(0, 10));
    expect(await d.locator('.prose script').count()).toBe(0);
  });

  it('embeds a topic list that agrees with the topic page, within the region', async () => {
    const topicList = await reportLinks(await open(topicHref('private-economy')), 'main');
    const regionList = await reportLinks(await open(regionHref(frontRegion)), 'section[aria-labelledby="list"]');
    const d = await open(PATH);
    const embed = d.locator('[data-embed="reports"]').nth(1);
    const links = await embed.locator('.card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links).toEqual(topicList.filter((href) => regionList.includes(href)));
  });

  it('draws the year chart as static SVG whose table sums to the region count', async () => {
    const region = await open(regionHref(frontRegion));
    const regionCount = Number(await region.getByTestId('region-count').textContent());
    const d = await open(PATH);
    const chart = d.locator('[data-embed="count-chart"][data-by="year"]');
    expect(await chart.locator('svg[role="img"]').count()).toBe(1);
    const counts = await chart.locator('tbody td.num').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(regionCount);
    expect(Number(await chart.getAttribute('data-total'))).toBe(regionCount);
  });

  it('shows the same timeline as the region page', async () => {
    const entries = (p: Page, selector: string) =>
      p.locator(`${selector} .timeline-entry`).evaluateAll((lis) => lis.map((li) => `${li.querySelector('time')?.getAttribute('datetime')} ${li.textContent?.replace(/\s+/g, '')}`));
    const regionTimeline = await entries(await open(regionHref(frontRegion)), 'section[aria-labelledby="timeline"]');
    const dossierTimeline = await entries(await open(PATH), '[data-embed="timeline"]');
    expect(dossierTimeline.length).toBeGreaterThan(0);
    expect(dossierTimeline).toEqual(regionTimeline);
  });

  it('quotes link to their reports', async () => {
    const d = await open(PATH);
    const quotes = d.locator('[data-embed="quote"]');
    expect(await quotes.count()).toBeGreaterThan(0);
    for (const href of await quotes.locator('figcaption a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect((await page.request.get(baseUrl + href!)).ok()).toBe(true);
    }
  });
});

describe('where the dossier is listed', () => {
  it('on the list of dossiers, the home page, its region and topic pages', async () => {
    for (const path of ['/dossiers/', '/', regionHref(frontRegion), topicHref('private-economy')]) {
      const p = await open(path);
      expect(await p.locator(`a[href="${PATH}"]`).count(), path).toBeGreaterThan(0);
    }
    // Not on a region it is not about.
    expect(await (await open(regionHref('120000'))).locator(`a[href="${PATH}"]`).count()).toBe(0);
  });

  it('in the dossiers feed', () => {
    const xml = readFileSync(join(distDir, 'dossiers/rss.xml'), 'utf8');
    expect(xml).toContain(PATH);
  });

  it('in the search index, with the kind 专题', async () => {
    const root = join(distDir, 'search-index');
    expect(readdirSync(root).length).toBeGreaterThan(0);
    const { gunzipSync } = await import('node:zlib');
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
    const versionDir = join(root, readdirSync(root).find((n) => n !== 'manifest.json' && !n.startsWith('.'))!);
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const texts = files(versionDir).map((f) => gunzipSync(readFileSync(f)).toString('utf8'));
    expect(manifest.documents).toBeGreaterThan(0);
    expect(texts.some((t) => t.includes(`"url":"${PATH}"`) && t.includes('"kind":"专题"'))).toBe(true);
    expect(texts.some((t) => t.includes('专题'))).toBe(true);
  });
});

describe('axe-core finds no violations on dossier pages', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of ['/dossiers/', PATH]) {
      for (const width of [390, 1366]) {
        it(`${path} ${colorScheme} ${width}px`, async () => {
          const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
          const p = await context.newPage();
          await p.goto(baseUrl + path);
          const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
          expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
          await context.close();
        });
      }
    }
  }
});
