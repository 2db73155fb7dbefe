/** What a search page lists, for the browser tests of search (search.test.ts, search-phone.test.ts). */
import type { Page } from 'playwright-core';

/** Every result URL on the page, sorted, pressing 显示更多结果 until all are shown. */
export async function allResultUrls(page: Page): Promise<string[]> {
  const more = page.locator('[data-more]');
  while (await more.isVisible()) {
    const before = await page.locator('.search-card').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-card').length > n, before);
  }
  const hrefs = await page.locator('.search-card h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return hrefs.sort();
}
