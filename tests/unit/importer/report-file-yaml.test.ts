/**
 * The importer's front matter reads back as the same strings in every YAML reader the project
 * meets: the `yaml` package (the checker) and js-yaml (Astro's build), which reads unquoted
 * `2022-05-18` as a Date and `1_000` as a number. Text that needs quotes must get them.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import type { ArticleRecord } from '../../../src/lib/importer/record.ts';
import { frontMatter, renderReportFile, reportPath } from '../../../src/lib/importer/report-file.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

// Values any YAML 1.1 reader may take for something other than text.
const TRICKY = ['2022-05-18', '2022-05-18 10:30:00', '2001-12-14t21:59:43.10-05:00', '1_000', '0b101', '1:30', 'yes', 'off', '~', 'null', '.inf', '0x1F', '012', '1e3', '<<'];

function record(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    title: '2022-05-18',
    subtitle: '1_000',
    date: '2022-05-18',
    dateCertainty: 'stated',
    outlet: '人民政协网',
    outletId: 'rmzxw',
    source: { file: 'page.html' },
    reporters: ['yes'],
    correspondents: [],
    editors: [],
    photographers: [],
    kind: 'news',
    bodies: ['cppcc'],
    regions: [{ code: '330114', name: '钱塘区' }],
    topics: ['private-economy'],
    keywords: TRICKY,
    figures: [{ label: '2022-05-18', value: '157.36', unit: '亿元', year: 2021 }],
    events: [{ date: '2022-05-18', label: '2022-05-19' }],
    originalScript: 'Hans',
    body: '本报讯 正文。',
    removed: [],
    warnings: [],
    guesses: [],
    notes: ['2022-05-18'],
    ...overrides,
  } as ArticleRecord;
}

describe('importer front matter and YAML readers', () => {
  const file = renderReportFile(record());
  const yamlText = file.split('---\n')[1];
  const expected = JSON.parse(JSON.stringify(frontMatter(record())));

  it('the yaml package reads every string back as the same string', () => {
    expect(parse(yamlText)).toEqual(expected);
  });

  it("Astro's parser (js-yaml) reads date-like keywords and titles back as strings, dates as dates", () => {
    const { frontmatter } = parseFrontmatter(file);
    expect(frontmatter.keywords).toEqual(TRICKY);
    expect(frontmatter.title).toBe('2022-05-18');
    expect(frontmatter.subtitle).toBe('1_000');
    expect(frontmatter.reporters).toEqual(['yes']);
    expect(frontmatter.notes).toEqual(['2022-05-18']);
    expect(frontmatter.figures[0].label).toBe('2022-05-18');
    expect(frontmatter.events[0].label).toBe('2022-05-19');
    // Dates stay unquoted, as editors write them (the schema takes js-yaml's Date for dates).
    expect(yamlText).toMatch(/^date: 2022-05-18$/m);
  });

  it('the check passes the imported file', () => {
    const registry = loadRegistry(contentDirUrl());
    const path = `content/reports/${reportPath(record())}`;
    const result = checkContent([{ path, bytes: new TextEncoder().encode(file) }], { registry, today: '2026-11-23' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
