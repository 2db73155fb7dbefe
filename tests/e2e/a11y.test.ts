/**
 * axe-core in real Chromium on the pages readers land on, in the light and the dark theme.
 * Both the system preference and the reader's explicit choice are covered: they must look alike.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.ts';
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
  { name: 'dark (chosen on a light system)', colorScheme: 'light' as const, stored: 'dark' },
];

describe('axe-core finds no violations', () => {
  for (const sample of samplePages()) {
    for (const theme of themes) {
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
