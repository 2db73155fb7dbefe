/**
 * The check says in advance what the sanitiser does to a body (src/lib/check/body.ts): fixtures
 * in tests/fixtures/bodies/ checked as report files, every warning with file, line, field and fix.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import { SWALLOWING_TAGS } from '../../../src/lib/text/body-html.ts';
import { loadRegistry } from '../../../src/schemas/registry.ts';

const DIR = fileURLToPath(new URL('../../fixtures/bodies/', import.meta.url));
const registry = loadRegistry(pathToFileURL(fileURLToPath(new URL('../../../content/', import.meta.url))));
const FILE = 'content/reports/2022/2022-08-15-wang-ye-biao-qian.md';

function check(fixture: string) {
  const bytes = new Uint8Array(readFileSync(DIR + fixture));
  return checkContent([{ path: FILE, bytes }], { registry, today: '2026-01-01' });
}

describe('raw-text-words.md: tags that would swallow the following text', () => {
  const result = check('raw-text-words.md');
  const warnings = result.problems.filter((p) => p.code === 'raw-text-tag');
  it('is valid (no errors) and warns once per tag and line, naming the line', () => {
    expect(result.errors).toBe(0);
    const expected = [...SWALLOWING_TAGS.map((_, i) => 12 + 2 * i), 44, 46];
    expect(warnings.map((p) => p.line)).toEqual(expected);
    const lines = readFileSync(DIR + 'raw-text-words.md', 'utf8').split('\n');
    for (const w of warnings) expect(lines[w.line! - 1].toLowerCase()).toContain(w.message.match(/<\/?[a-z]+/iu)![0].toLowerCase());
  });
  it('each warning has file, field, message and a fix', () => {
    for (const w of warnings) {
      expect([w.severity, w.file, w.field]).toEqual(['warning', FILE, 'body']);
      expect(w.message).toMatch(/[\u4e00-\u9fff].*\(.+\)/u);
      expect(w.suggestion).toMatch(/反引号.*backticks/u);
    }
  });
  it('says nothing about tags in code', () => {
    const body = '---\ntitle: 代码\ndate: 2022-08-15\ndateCertainty: stated\noutlet: rmzxb\nkind: news\nregions: ["330114"]\n---\n\n用 `<title>` 写标题：\n\n```html\n<textarea>\n```\n';
    const r = checkContent([{ path: FILE, bytes: new TextEncoder().encode(body) }], { registry, today: '2026-01-01' });
    expect(r.problems).toEqual([]);
  });
});

describe('external-images.md: images from other sites', () => {
  const result = check('external-images.md');
  const warnings = result.problems.filter((p) => p.code === 'external-image');
  it('warns about each dropped image on its line, none about local ones', () => {
    expect(result.errors).toBe(0);
    expect(warnings.map((p) => p.line)).toEqual([12, 14, 16, 19, 20, 23, 25]);
    expect(warnings.map((p) => p.message).join('\n')).not.toMatch(/hui-yi|d\.jpg|"\.\/e\.jpg"/u);
  });
  it('names the image, the field and the fix', () => {
    expect(warnings[0].message).toContain('https://img.example.com/a.jpg');
    expect(warnings[3].message).toContain('<source srcset="https://img.example.com/e.webp 1x, ./e.webp 2x">');
    for (const w of warnings) {
      expect([w.severity, w.file, w.field]).toEqual(['warning', FILE, 'body']);
      expect(w.suggestion).toMatch(/相对路径.*relative path/u);
    }
  });
});
