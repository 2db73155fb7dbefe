/**
 * Screenshots of built pages in Debian's Chromium, for looking at the layout (issue 6):
 *
 *   tsx scripts/screenshots.ts <dist> <out-dir> [path …]
 *
 * Defaults to the home page, the newest report and its region, at 375 px and 1280 px, in the
 * light and dark themes. Full-page PNGs are named <theme>-<width>-<path>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../tests/e2e/static-server.ts';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { loadContentReports } from '../tests/helpers/content.ts';
import { regionHref, reportHref } from '../src/lib/archive/urls.ts';

async function main(): Promise<void> {
  const [dist, outDir, ...paths] = process.argv.slice(2);
  if (!dist || !outDir) {
    console.error('Usage: tsx scripts/screenshots.ts <dist> <out-dir> [path …]  e.g. tsx scripts/screenshots.ts /tmp/me/dist /tmp/me/shots');
    process.exit(2);
  }
  const newest = loadContentReports()[0];
  const targets = paths.length ? paths : ['/', reportHref(newest.id), regionHref(newest.data.regions[0])];
  mkdirSync(outDir, { recursive: true });
  const { server, baseUrl } = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [375, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: width < 500 ? 812 : 900 }, colorScheme });
        const page = await context.newPage();
        for (const path of targets) {
          await page.goto(baseUrl + path);
          await page.waitForLoadState('networkidle');
          const file = join(outDir, `${colorScheme}-${width}-${path.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'home'}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
