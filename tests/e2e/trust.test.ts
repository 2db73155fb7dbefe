/**
 * Reader trust and consistency (issue 20, items 1–3, 5, 13), in the built site and real Chromium:
 * no citation or link names a domain the site is not served from; internal notes stay internal;
 * an inferred outlet says so; the toggles show state and action; about and stats agree; numbers
 * are spaced one way; 统计/时间线 are in the navigation; no empty prev/next card; no English labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import { launchBrowser } from './browser.ts';
import { isBuilt } from './reader-pages.ts';
import { loadContentReports } from '../helpers/content.ts';
import { reportHref } from '../../src/lib/archive/urls.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const siteUrl = process.env.SITE_URL?.trim() || undefined;
const reports = loadContentReports();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  return page;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const builtText = walk(distDir).filter((f) => /\.(html|xml|json|csv)$/.test(f));

describe('item 1: no placeholder domain', () => {
  it.skipIf(siteUrl)('no built page, feed or download names a domain of this archive when SITE_URL is unset', () => {
    const named: string[] = [];
    for (const file of builtText) {
      const text = readFileSync(file, 'utf8');
      if (/xieshang-archive\.example\.org|no-site-url\.invalid|localhost/.test(text)) named.push(file.slice(distDir.length));
    }
    expect(named).toEqual([]);
    expect(isBuilt(distDir, '/sitemap-index.xml')).toBe(false);
  });

  it('a citation names the address the page is read at', async () => {
    const r = reports[0];
    const page = await open(reportHref(r.id));
    const origin = siteUrl ? new URL(siteUrl).origin : new URL(baseUrl).origin;
    for (const id of ['#cite-gbt', '#cite-plain']) expect(await page.locator(id).innerText()).toContain(`${origin}${reportHref(r.id)}`);
    await page.context().close();
  });
});

describe('items 2 and 3: what readers see of the editors’ work', () => {
  it('shows editorsNote as 编者注 and never the internal notes', async () => {
    const withNote = reports.find((r) => r.data.editorsNote && r.data.notes.length)!;
    const page = await open(reportHref(withNote.id));
    const main = await page.locator('main').innerText();
    expect(await page.locator('[data-editors-note]').innerText()).toContain(withNote.data.editorsNote);
    for (const note of withNote.data.notes) expect(main).not.toContain(note.slice(0, 30));
    await page.context().close();
    const json = readFileSync(join(distDir, 'data/reports.json'), 'utf8');
    expect(json).not.toContain(withNote.data.notes[0]);
  });

  it('says 推定 next to an inferred outlet in the facts line, and links the reason', async () => {
    const inferred = reports.filter((r) => r.data.outletCertainty === 'inferred');
    expect(inferred.length).toBeGreaterThan(0);
    const page = await open(reportHref(inferred[0].id));
    const flag = page.locator('.meta [data-outlet-flag]');
    expect(await flag.innerText()).toContain('推定');
    expect(await flag.locator('a').getAttribute('href')).toBe('#editor-notes-heading');
    await page.context().close();
    const stated = reports.find((r) => r.data.outletCertainty === 'stated')!;
    const other = await open(reportHref(stated.id));
    expect(await other.locator('.meta [data-outlet-flag]').count()).toBe(0);
    await other.context().close();
  });
});

describe('item 5: the toggles show state and action', () => {
  const label = async (page: Page, selector: string) => ({
    pressed: await page.locator(selector).getAttribute('aria-pressed'),
    visible: (await page.locator(`${selector} [data-toggle-visible]`).innerText()).trim(),
    name: (await page.locator(selector).evaluate((b) => b.textContent ?? '')).trim(),
  });

  it('简/繁: aria-pressed and a label that changes with the state', async () => {
    const page = await open('/');
    const before = await label(page, '[data-script-toggle]');
    expect(before).toMatchObject({ pressed: 'false', visible: '简→繁' });
    await page.click('[data-script-toggle]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    const after = await label(page, '[data-script-toggle]');
    expect(after).toMatchObject({ pressed: 'true', visible: '繁→简' });
    expect(after.name).not.toBe(before.name);
    await page.context().close();
  });

  it('深色/浅色: aria-pressed and a label that changes with the state', async () => {
    const page = await open('/', { colorScheme: 'light' });
    const before = await label(page, '[data-theme-toggle]');
    expect(before).toMatchObject({ pressed: 'false', visible: '浅→深' });
    await page.click('[data-theme-toggle]');
    const after = await label(page, '[data-theme-toggle]');
    expect(after).toMatchObject({ pressed: 'true', visible: '深→浅' });
    expect(after.name).not.toBe(before.name);
    await page.context().close();
  });
});

describe('item 13: consistency', () => {
  const doc = (path: string) => parseHTML(readFileSync(join(distDir, path, 'index.html'), 'utf8')).document;
  const stat = (d: Document, label: string) => d.querySelector(`[data-stat-value="${label}"]`)?.textContent?.trim();

  it('the about page and the stats page give the same counts', () => {
    const about = doc('about');
    const stats = doc('stats');
    for (const label of ['报道', '媒体', '主题']) expect([label, stat(about, label)]).toEqual([label, stat(stats, label)]);
    const outletsUsed = new Set(reports.map((r) => r.data.outlet)).size;
    expect(stat(about, '媒体')).toBe(String(outletsUsed));
  });

  it('spaces numbers one way: never a space between a count and the Chinese around it', () => {
    const spaced: string[] = [];
    for (const file of walk(distDir).filter((f) => f.endsWith('.html'))) {
      const d = parseHTML(readFileSync(file, 'utf8')).document;
      // Report bodies and headlines are kept as published; the site's own words are checked.
      for (const el of d.querySelectorAll('.prose, script, style, h1, .citation, .title, [data-search-ignore] h1, .excerpt')) el.remove();
      const text = (d.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ').replace(/GB\/T \d+/g, 'GB/T');
      const hit = /[共约第有的]\s\d+|\d+\s[篇条个页家种行]/.exec(text);
      if (hit) spaced.push(`${file.slice(distDir.length)}: …${text.slice(Math.max(0, hit.index - 10), hit.index + 15)}…`);
    }
    expect(spaced).toEqual([]);
  });

  it('has 统计 and 时间线 in the top navigation', () => {
    const labels = [...doc('').querySelectorAll('nav[aria-label="主导航"] a')].map((a) => a.textContent);
    expect(labels).toEqual(expect.arrayContaining(['统计', '时间线']));
  });

  it('shows no empty prev/next card', () => {
    const empty: string[] = [];
    for (const r of reports) {
      const d = doc(`reports/${r.id}`);
      for (const li of d.querySelectorAll('nav.prev-next li')) if (!li.querySelector('a')) empty.push(r.id);
    }
    expect(empty).toEqual([]);
  });

  it('shows Chinese readers no English labels (topic names, outlet names, the README heading)', () => {
    const pages = ['topics', 'kinds', 'outlets', 'data', ...new Set(reports.flatMap((r) => r.data.topics.map((t) => `topics/${t}`)))];
    const english: string[] = [];
    for (const p of pages) {
      const text = doc(p).querySelector('main')?.textContent ?? '';
      const hit = /Private economy|High-quality development|For editors|Hangzhou Daily|CPPCC/.exec(text);
      if (hit) english.push(`${p}: ${hit[0]}`);
    }
    expect(english).toEqual([]);
  });
});
