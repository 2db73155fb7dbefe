/**
 * The body fixtures of tests/fixtures/bodies/ built into a site of their own (the real npm run
 * build) and read in Chromium: raw-text tags show as text with nothing after them lost, no image
 * loads from another host, and body headings such as `## main` or `## cite-gbt` leave the page's
 * own ids alone (the cite box's copy button still copies the citation).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

const FIXTURES = {
  'raw-text-words.md': '2022-08-15-wang-ye-biao-qian.md',
  'external-images.md': '2022-08-15-wai-zhan-tu-pian.md',
  'heading-ids.md': '2022-08-15-biao-ti-yu-bian-hao.md',
};
const scratch = mkdtempSync(join(tmpdir(), 'xieshang-bodies-'));
let server: Server;
let baseUrl: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  const content = join(scratch, 'content');
  mkdirSync(join(content, 'reports', '2022'), { recursive: true });
  for (const registry of ['topics.yaml', 'outlets.yaml']) copyFileSync(join('content', registry), join(content, registry));
  for (const [fixture, name] of Object.entries(FIXTURES)) copyFileSync(join('tests/fixtures/bodies', fixture), join(content, 'reports', '2022', name));
  const dist = join(scratch, 'dist');
  const result = spawnSync('npm', ['run', 'build'], {
    env: { ...process.env, ARCHIVE_CONTENT_DIR: content, ARCHIVE_OUT_DIR: dist, ARCHIVE_CACHE_DIR: join(scratch, 'cache') },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build of the body fixtures failed:\n${result.stdout}\n${result.stderr}`);
  ({ server, baseUrl } = await serveStatic(dist));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(scratch, { recursive: true, force: true });
});

const open = (file: string) => page.goto(`${baseUrl}/reports/2022/${file.replace(/\.md$/, '')}/`);

describe('report bodies from tests/fixtures/bodies in Chromium', () => {
  it('raw-text-words: every sentence after a <textarea>, <title>, <script> … is shown', async () => {
    await open(FIXTURES['raw-text-words.md']);
    const text = await page.locator('.prose').innerText();
    expect(text.match(/句末第\d+号还在/g)).toHaveLength(16);
    expect(text).toContain('网页的 <textarea> 标签放在这里');
    expect(text).toContain('句末大写号还在');
    expect(text).toContain('未闭合的块之后，结尾段还在。');
    expect(await page.locator('.prose textarea, .prose script, .prose style, .prose svg').count()).toBe(0);
  });
  it('external-images: no request to another host, no broken image', async () => {
    requests.length = 0;
    await open(FIXTURES['external-images.md']);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => !u.startsWith(baseUrl))).toEqual([]);
    const srcs = await page.locator('.prose img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('src')));
    expect(srcs).toEqual(['/images/d.jpg', './e.jpg']);
    expect(await page.locator('.prose source').count()).toBe(0);
  });
  it('heading-ids: ## main and ## cite-gbt do not take the page ids; the body link and the copy button still work', async () => {
    await open(FIXTURES['heading-ids.md']);
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(await page.locator('#main').evaluate((e) => e.tagName)).toBe('MAIN');
    expect(await page.locator('.prose h2').evaluateAll((hs) => hs.map((h) => h.id))).toEqual(['h-main', 'h-cite-gbt']);
    expect(await page.locator('.prose a', { hasText: '见下文' }).getAttribute('href')).toBe('#h-cite-gbt');
    expect(await page.locator('#cite-gbt').evaluate((e) => e.closest('.prose') === null)).toBe(true);
  });
});
