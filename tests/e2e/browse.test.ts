/**
 * A reader's path through the archive in real Chromium: home → province → … → district → report.
 * Expectations come from the content files themselves, not from hard-coded ids.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { loadContentReports } from '../helpers/content.ts';
import { regionPath } from '../../src/lib/regions/gazetteer.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 375, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

describe('browsing by region', () => {
  it('shows the number of reports on the home page', async () => {
    const reports = loadContentReports();
    await page.goto(`${baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toMatch(/^zh-Han[st]$/);
    expect(await page.textContent('[data-testid="count-reports"]')).toBe(String(reports.length));
  });

  it('follows region links from the home page down to a district and on to its report', async () => {
    const reports = loadContentReports();
    // The newest report whose first region is a county-level division.
    const target = reports.find((r) => regionPath(r.data.regions[0]).at(-1)?.level === 'county');
    expect(target, 'content has a report filed under a district or county').toBeDefined();
    const chain = regionPath(target!.data.regions[0]);

    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: chain[0].name, exact: true }).first().click();
    for (const region of chain.slice(1)) {
      await page.waitForLoadState('domcontentloaded');
      await page.locator('.region-tree').getByRole('link', { name: region.name, exact: true }).first().click();
    }
    await page.waitForLoadState('domcontentloaded');
    const district = chain.at(-1)!;
    expect(await page.textContent('h1')).toBe(district.name);
    const expectedCount = reports.filter((r) =>
      r.data.regions.some((code: string) => regionPath(code).some((p) => p.code === district.code)),
    ).length;
    expect(await page.textContent('[data-testid="region-count"]')).toBe(String(expectedCount));

    await page.getByRole('link', { name: target!.data.title, exact: true }).first().click();
    await page.waitForLoadState('domcontentloaded');
    expect((await page.textContent('h1'))?.trim()).toBe(target!.data.title);
    const crumbs = await page.locator('nav.breadcrumbs li').allTextContents();
    expect(crumbs.slice(1, 1 + chain.length)).toEqual(chain.map((r) => r.name));
    const bodyText = await page.locator('article').innerText();
    const firstParagraph = target!.body.split(/\n\s*\n/).find((p: string) => p.trim() && !p.startsWith('#') && !p.startsWith('>'))!;
    expect(bodyText.replace(/\s/g, '')).toContain(firstParagraph.replace(/\s/g, '').slice(0, 40));
  });
});
