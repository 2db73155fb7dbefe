/**
 * The checker reads front matter with `yaml`, the build with js-yaml: a value the two read
 * differently, and that the schema refuses in the build's reading, is a needs-quotes error.
 */
import { describe, expect, it } from 'vitest';
import { readingDifferences } from '../../../src/lib/check/astro-compat.ts';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

const registry = loadRegistry(contentDirUrl());
const FILE = 'content/reports/2022/2022-04-01-ce-shi.md';

function check(frontMatter: string) {
  const text = `---\ntitle: 测试\ndate: 2022-04-01\ndateCertainty: stated\noutlet: rmzxw\nkind: news\nregions: ["330114"]\n${frontMatter}---\n\n正文。\n`;
  return checkContent([{ path: FILE, bytes: new TextEncoder().encode(text) }], { registry, today: '2026-11-23' }).problems.filter((p) => p.severity === 'error');
}

describe('values the build reads differently', () => {
  it('unquoted dates in date fields are fine: the schema takes the Date js-yaml makes', () => {
    expect(check('events:\n  - { date: 2022-03-01, label: 开会 }\n')).toEqual([]);
  });

  it('a date-like or number-like keyword is an error at its line, with the quoted fix', () => {
    const problems = check('keywords: [企业, 2022-05-18, 0b11]\n');
    expect(problems.map((p) => [p.code, p.field, p.line])).toEqual([
      ['needs-quotes', 'keywords[1]', 8],
      ['needs-quotes', 'keywords[2]', 8],
    ]);
    expect(problems[0].message).toContain('date');
    expect(problems[1].message).toContain('number');
    expect(problems[0].example).toBe('keywords: ["2022-05-18"]');
  });

  it('a date-like label nested in a list of objects', () => {
    expect(check('events:\n  - date: 2022-03-01\n    label: 2022-03-01 10:00:00\n').map((p) => [p.code, p.field, p.line])).toEqual([['needs-quotes', 'events[0].label', 10]]);
  });

  it('quoted, the same values pass', () => {
    expect(check('keywords: [企业, "2022-05-18", "0b11"]\n')).toEqual([]);
  });

  it('readingDifferences lists the shallowest differing paths', () => {
    expect(readingDifferences({ a: ['x', '1'], b: { c: 'd' } }, { a: ['x', 1], b: { c: 'd' } })).toEqual([['a', 1]]);
    expect(readingDifferences({ a: [1] }, { a: [1, 2] })).toEqual([['a']]);
  });
});
