import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import { reportSkeleton } from '../../../src/lib/check/skeleton.ts';
import { loadRegistry } from '../../../src/schemas/registry.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const registry = loadRegistry(pathToFileURL(join(ROOT, 'content/')));

describe(reportSkeleton, () => {
  const input = { title: '“请你来协商”: 钱塘 #1', date: '2022-04-01', regions: ['330114'], topics: ['private-economy'], outlet: 'rmzxw', kind: 'news', bodies: ['cppcc'] };
  it('writes a file that passes the check, with only the placeholder warning', () => {
    const { path, text } = reportSkeleton(input);
    expect(path).toMatch(/^content\/reports\/2022\/2022-04-01-qing-ni-lai-xie-shang-qian-tang-1\.md$/);
    const { problems } = checkContent([{ path, bytes: new TextEncoder().encode(text) }], { registry, today: '2026-11-23' });
    expect(problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'empty-body']]);
  });
  it('keeps a title with colons, quotes and # exactly', () => {
    const { text } = reportSkeleton(input);
    expect(parse(text.split('---')[1]).title).toBe(input.title);
  });
  it('quotes a date-like title, so the build (js-yaml) reads it as text too', () => {
    const { path, text } = reportSkeleton({ ...input, title: '2022-05-18' });
    expect(text).toContain('title: "2022-05-18"');
    expect(parseFrontmatter(text).frontmatter.title).toBe('2022-05-18');
    const { problems } = checkContent([{ path, bytes: new TextEncoder().encode(text) }], { registry, today: '2026-11-23' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('scripts/new.ts', () => {
  const root = mkdtempSync(join(tmpdir(), 'xieshang-new-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/new.ts', '--root', root, ...args], { cwd: ROOT, encoding: 'utf8', input: '' });
  const flags = ['--title', '钱塘江畔迎接高远未来', '--date', '2022-04-01', '--region', '钱塘', '--topics', '民营经济,manufacturing', '--outlet', 'rmzxw'];

  it('writes the skeleton where it belongs, then refuses to overwrite it', () => {
    const first = run(...flags);
    expect(first.status).toBe(0);
    const file = join(root, 'content/reports/2022/2022-04-01-qian-tang-jiang-pan-ying-jie-gao-yuan.md');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('regions: ["330114"] # 浙江省杭州市钱塘区');
    const second = run(...flags);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('没有覆盖');
  }, 30_000);

  it('lists candidates with full names for an ambiguous region, and --find-region looks up', () => {
    const ambiguous = run(...flags.map((f) => (f === '钱塘' ? '朝阳' : f)));
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('110105  北京市朝阳区');
    const find = run('--find-region', '钱塘');
    expect(find.stdout.trim()).toBe('330114  浙江省杭州市钱塘区');
  }, 30_000);
});
