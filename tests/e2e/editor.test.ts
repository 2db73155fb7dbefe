/**
 * The browser editor end to end (issue 16): `npm run edit` on a scratch copy of content/ (a git
 * repository of its own, so saves are commits and content/ is never touched), Decap CMS at
 * /admin/ in Chromium, and the three paths an editor takes: write a report through the form,
 * paste a raw page and let the importer fill the form, edit one field of an existing report.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { reportPath } from '../../src/lib/archive/report-path.ts';

const ROOT = process.cwd();
const TODAY = '2026-12-01';
let scratch: string;
let content: string;
let server: ChildProcess;
let base: string;
let browser: Browser;
let page: Page;
let startupMs = 0;
const thirdParty: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function git(...args: string[]): string {
  return execFileSync('git', ['-C', content, ...args], { encoding: 'utf8' });
}

function reportFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      if (name.isDirectory()) walk(join(dir, name.name));
      else out.push(join(dir, name.name));
    }
  };
  walk(join(content, 'reports'));
  return out.sort();
}

async function openNewForm(): Promise<void> {
  // A fresh document each time: a hash change alone would keep the previous draft.
  await page.goto('about:blank');
  await page.goto(`${base}/admin/#/collections/reports/new`);
  await page.getByLabel('标题', { exact: true }).waitFor({ timeout: 60_000 });
}

/** Replaces the text of a Decap input (its string control keeps the caret, so fill alone would append). */
async function setText(label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill('');
  await input.fill(value);
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** Chooses an option of a Decap select (react-select) by its visible text. */
async function choose(label: string, option: string): Promise<void> {
  const control = page.locator(`[id^="${label}-field-"]`).first();
  await control.click();
  await page.getByText(option, { exact: true }).last().click();
}

async function save(): Promise<void> {
  await page.getByRole('button', { name: '发布' }).first().click();
  await page.getByText('立即发布', { exact: true }).click();
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'xieshang-editor-'));
  content = join(scratch, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', content]);
  git('config', 'user.name', '编辑 王芳');
  git('config', 'user.email', 'editor@example.org');
  git('add', '.');
  git('commit', '-qm', 'content as in the repository');

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  server = spawn('npm', ['run', 'edit', '--', '--port', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ARCHIVE_CONTENT_DIR: content, ARCHIVE_CACHE_DIR: join(scratch, 'cache'), ARCHIVE_TODAY: TODAY, NO_COLOR: '1' },
  });
  let log = '';
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  for (;;) {
    if (Date.now() - started > 120_000) throw new Error(`npm run edit did not start:\n${log}`);
    try {
      if ((await fetch(`${base}/admin/config.json`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) thirdParty.push(r.url());
  });
  await page.goto(`${base}/admin/`);
  // The local backend needs no account: Decap shows one 登录 (log in) button.
  await page.getByRole('button', { name: '登录' }).click();
  await openNewForm();
  startupMs = Date.now() - started;
  console.log(`npm run edit → usable form: ${(startupMs / 1000).toFixed(1)} s`);
  mkdirSync('/tmp/shots-cms', { recursive: true });
  await page.screenshot({ path: '/tmp/shots-cms/new-form.png' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* gone already */
    }
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the browser editor (npm run edit, /admin/)', () => {
  it('creates a report through the form: saved where npm run new writes it, committed, passing the check, and built', async () => {
    const title = '钱塘区政协协商推进跨境电商发展';
    const date = '2022-05-18';
    await openNewForm();
    await setText('标题', title);
    // A date after "today" is refused with the check's own message, and nothing is written.
    await setText('日期', '2027-01-05');
    await choose('outlet', '人民政协网（rmzxw）');
    const region = page.locator('[id^="regions-field-"]');
    // 朝阳 is four places: each candidate shows its full name.
    await region.fill('朝阳');
    await page.locator('.xs-picker button[data-code="220104"]').waitFor();
    expect(await page.locator('.xs-picker li').allInnerTexts()).toEqual(expect.arrayContaining(['北京市朝阳区　110105', '吉林省长春市朝阳区　220104']));
    await page.locator('.xs-picker').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: '/tmp/shots-cms/region-picker.png' });
    await region.fill('qiantang');
    await page.locator('.xs-picker button[data-code="330114"]').click();
    await expect.poll(() => page.locator('.xs-chip[data-code="330114"]').innerText()).toContain('浙江省杭州市钱塘区');
    await choose('topics', '电子商务（e-commerce）');
    await setText('正文', '本报讯 钱塘区政协召开专题协商会，围绕跨境电子商务发展建言献策。');
    const before = reportFiles();
    await save();
    await expect.poll(() => page.locator('.xs-field-problem').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('.xs-field-problem').first().innerText()).toMatch(/2027-01-05|未来|future/u);
    await page.locator('.xs-field-problem').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: '/tmp/shots-cms/refused-save.png' });
    expect(reportFiles()).toEqual(before);

    await setText('日期', date);
    // Corrected: the field's stale message goes with the change.
    await expect.poll(() => page.locator('.xs-field-problem').count()).toBe(0);
    await page.screenshot({ path: '/tmp/shots-cms/filled-form.png', fullPage: false });
    const head = git('rev-parse', 'HEAD').trim();
    await save();
    const file = join(scratch, reportPath(date, title));
    // The file is written, then committed: wait for the commit.
    await expect.poll(() => git('rev-parse', 'HEAD').trim(), { timeout: 30_000 }).not.toBe(head);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`title: ${title}\n`);
    expect(text).toContain('regions: ["330114"]\n');
    expect(text).toContain('topics: [e-commerce]\n');
    expect(text).toContain('outlet: rmzxw\n');
    expect(text).not.toMatch(/^_/mu);
    // Saved as a commit of just this file.
    expect(git('show', '--name-only', '--format=%an', 'HEAD').trim().split('\n').filter(Boolean)).toEqual(['编辑 王芳', reportPath(date, title).replace(/^content\//u, '')]);

    const check = spawnSync('npm', ['run', 'check', '--', '--content', content, '--today', TODAY], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const dist = join(scratch, 'dist');
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ARCHIVE_CONTENT_DIR: content, ARCHIVE_OUT_DIR: dist, ARCHIVE_CACHE_DIR: join(scratch, 'build-cache'), ARCHIVE_TODAY: TODAY, NO_COLOR: '1' },
    });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const id = reportPath(date, title).replace(/^content\/reports\//u, '').replace(/\.md$/u, '');
    expect(readFileSync(join(dist, 'reports', id, 'index.html'), 'utf8')).toContain(title);
    // Nothing of the editor is in the built site.
    expect(existsSync(join(dist, 'admin'))).toBe(false);
  }, 300_000);

  it('pastes a raw seed page: the importer fills the form as npm run import --json would, and nothing is saved', async () => {
    const raw = 'tests/fixtures/raw/000_9fc21054d9c2817b.txt';
    const json = JSON.parse(
      execFileSync('npx', ['tsx', 'scripts/import.ts', raw, '--json', '--dry-run'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ARCHIVE_CONTENT_DIR: content, ARCHIVE_TODAY: TODAY } }),
    ) as { files: { articles: { title: string; date: string; dateCertainty: string; outlet: string; reporters: string[]; editors: string[]; kind: string; regions: { code: string }[]; topics: string[]; body: string }[] }[] };
    const expected = json.files[0].articles[0];
    const before = reportFiles();
    await openNewForm();
    await page.locator('textarea[id^="_import-field-"]').fill(readFileSync(join(ROOT, raw), 'utf8'));
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByTestId('import-review').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: '/tmp/shots-cms/pasted.png' });
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe(expected.title);
    // The first 日期 is the report's; the imported events have one each.
    expect(await page.getByLabel('日期', { exact: true }).first().inputValue()).toBe(expected.date);
    expect(await page.getByLabel('正文', { exact: true }).inputValue()).toBe(expected.body);
    expect(await page.locator('.xs-chip').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(expected.regions.map((r) => r.code));
    const form = await page.locator('body').innerText();
    expect(form).toContain(expected.outlet);
    for (const topic of expected.topics) expect(form).toContain(`（${topic}）`);
    for (const name of [...expected.reporters, ...expected.editors]) {
      expect(await page.locator('input').evaluateAll((els, n) => els.some((e) => (e as HTMLInputElement).value === n), name)).toBe(true);
    }
    // The review summary: the importer's guesses and what it removed.
    const review = await page.getByTestId('import-review').innerText();
    expect(review).toContain('导入器的判断');
    expect(review).toMatch(/去掉的内容（\d+ 行）/u);
    expect(reportFiles()).toEqual(before);
  }, 120_000);

  it('edits one field of an existing report: the commit changes that line and nothing else', async () => {
    const rel = 'reports/2022/2022-04-01-qian-tang-jiang-pan-ying-jie-gao-yuan-wei-lai.md';
    const head = git('rev-parse', 'HEAD').trim();
    await page.goto('about:blank');
    await page.goto(`${base}/admin/#/collections/reports/entries/${rel.replace(/^reports\//u, '').replace(/\.md$/u, '')}`);
    const title = page.getByLabel('标题', { exact: true });
    await title.waitFor({ timeout: 60_000 });
    expect(await title.inputValue()).toBe('钱塘江畔迎接高远未来');
    await page.screenshot({ path: '/tmp/shots-cms/edit-form.png' });
    await setText('标题', '钱塘江畔迎接高远的未来');
    await save();
    await expect.poll(() => git('rev-parse', 'HEAD').trim(), { timeout: 30_000 }).not.toBe(head);
    const diff = git('diff', '-U0', head, 'HEAD');
    const changed = diff.split('\n').filter((l) => /^[+-]/u.test(l) && !/^(\+\+\+|---) /u.test(l));
    expect(changed).toEqual(['-title: 钱塘江畔迎接高远未来', '+title: 钱塘江畔迎接高远的未来']);
    expect(git('diff', '--name-only', head, 'HEAD').trim()).toBe(rel);
  }, 120_000);

  it('made no request to another origin', () => {
    expect(thirdParty).toEqual([]);
  });
});
