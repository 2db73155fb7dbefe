/**
 * axe-core in real Chromium on the pages readers land on, in the light and the dark theme.
 * Both the system preference and the reader's explicit choice are covered: they must look alike.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.ts';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isBuilt, samplePages } from './reader-pages.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Violations as short readable lines, so a failure says what and where. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

const themes = [
  { name: 'light (system)', colorScheme: 'light' as const, stored: null },
  { name: 'dark (system)', colorScheme: 'dark' as const, stored: null },
  // The chosen dark theme uses the same tokens as the system one; one page proves the wiring.
  { name: 'dark (chosen on a light system)', colorScheme: 'light' as const, stored: 'dark', only: 'report' },
];

describe('axe-core finds no violations', () => {
  for (const sample of samplePages()) {
    for (const theme of themes.filter((t) => !t.only || t.only === sample.name)) {
      it.skipIf(!isBuilt(distDir, sample.path))(`${sample.name} ${sample.path} in ${theme.name}`, async () => {
        const context = await browser.newContext({ colorScheme: theme.colorScheme, viewport: { width: 375, height: 800 } });
        if (theme.stored) await context.addInitScript((t) => localStorage.setItem('xieshang:theme', t), theme.stored);
        const page = await context.newPage();
        await page.goto(baseUrl + sample.path);
        await page.waitForLoadState('networkidle');
        if (theme.stored) expect(await page.getAttribute('html', 'data-theme')).toBe(theme.stored);
        expect(await violations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});

/** One built page per kind of route (first segment and depth): /years/2022/, /regions/a/b/ … */
function onePagePerRoute(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : [],
    );
  const byRoute = new Map<string, string>();
  for (const file of walk(distDir).sort()) {
    const path = `/${relative(distDir, file).replaceAll('\\', '/').replace(/index\.html$/, '')}`;
    const segments = path.split('/').filter(Boolean);
    if (segments[0] === 'search-index') continue;
    const route = `${segments[0] ?? ''}:${segments.length}`;
    if (!byRoute.has(route)) byRoute.set(route, path);
  }
  return [...byRoute.values()];
}

describe('axe-core across the site', () => {
  it('finds no violations on one page of every other route, in the dark theme at desktop width', async () => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: string[] = [];
    // The sample pages above already ran in dark; the sweep covers every other route.
    const sampled = new Set(samplePages().map((p) => p.path));
    for (const path of onePagePerRoute().filter((p) => !sampled.has(p))) {
      await page.goto(baseUrl + path);
      found.push(...(await violations(page)).map((v) => `${path} ${v}`));
    }
    expect(found).toEqual([]);
    await context.close();
  }, 300_000);
});
