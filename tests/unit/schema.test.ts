/**
 * The report schema's rejections: each kind of mistake is named with its field, what was expected
 * and an example of a valid value, because editors read these messages in the build log.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reportSchema } from '../../src/schemas/report.ts';
import { contentDirUrl, loadRegistry } from '../../src/schemas/registry.ts';

const schema = reportSchema(loadRegistry(contentDirUrl()));

function frontMatter(fixture: string): unknown {
  const text = readFileSync(new URL(`../fixtures/bad-reports/${fixture}`, import.meta.url), 'utf8');
  return parse(text.split(/^---$/m)[1]);
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const valid = {
  title: '钱塘江畔迎接高远未来',
  date: '2022-04-01',
  dateCertainty: 'stated',
  outlet: 'rmzxw',
  kind: 'news',
  regions: ['330108'],
};

describe('reportSchema', () => {
  it('accepts a minimal valid report and fills defaults', () => {
    const data = schema.parse(valid);
    expect(data.topics).toEqual([]);
    expect(data.lang).toBe('zh-Hans');
  });

  it('accepts Chinese labels for kind, bodies, topics and outlets', () => {
    const data = schema.parse({ ...valid, kind: '通讯', bodies: ['政协', '人大'], topics: ['民营经济'], outlet: '人民政协网' });
    expect(data.kind).toBe('feature');
    expect(data.bodies).toEqual(['cppcc', 'congress']);
    expect(data.topics).toEqual(['private-economy']);
    expect(data.outlet).toBe('rmzxw');
  });

  it('normalises unquoted YAML dates and years', () => {
    expect(schema.parse({ ...valid, date: new Date(Date.UTC(2022, 3, 1)) }).date).toBe('2022-04-01');
    expect(schema.parse({ ...valid, date: 2022, dateCertainty: 'inferred', dateNote: '据文中推定' }).date).toBe('2022');
  });

  it('rejects an unknown region code with an example', () => {
    const [issue] = issuesOf(frontMatter('unknown-region.md'));
    expect(issue.path).toBe('regions.0');
    expect(issue.message).toContain('339999');
    expect(issue.message).toMatch(/330114/);
  });

  it('rejects a region given by name and suggests its code', () => {
    const [issue] = issuesOf({ ...valid, regions: ['钱塘区'] });
    expect(issue.path).toBe('regions.0');
    expect(issue.message).toContain('330114 (浙江省杭州市钱塘区)');
  });

  it('rejects an unknown topic and suggests the closest one', () => {
    const [issue] = issuesOf(frontMatter('unknown-topic.md'));
    expect(issue.path).toBe('topics.0');
    expect(issue.message).toContain('民营经纪');
    expect(issue.message).toContain('Did you mean `private-economy` (民营经济)?');
  });

  it('rejects a malformed date and shows the expected form', () => {
    const [issue] = issuesOf(frontMatter('malformed-date.md'));
    expect(issue.path).toBe('date');
    expect(issue.message).toContain('2022年8月15日');
    expect(issue.message).toContain('YYYY-MM-DD');
  });

  it('rejects impossible calendar dates', () => {
    expect(issuesOf({ ...valid, date: '2022-02-30' })[0].path).toBe('date');
  });

  it('rejects a missing title with an example', () => {
    const [issue] = issuesOf(frontMatter('missing-title.md'));
    expect(issue.path).toBe('title');
    expect(issue.message).toMatch(/title: /);
  });

  it('requires a reason for an inferred date', () => {
    const [issue] = issuesOf({ ...valid, dateCertainty: 'inferred' });
    expect(issue.path).toBe('dateNote');
  });

  it('rejects bare numbers for figures because YAML would drop trailing zeros', () => {
    const [issue] = issuesOf({ ...valid, figures: [{ label: '增加值', value: 54.9, unit: '亿元' }] });
    expect(issue.path).toBe('figures.0.value');
    expect(issue.message).toContain('"54.90"');
  });

  it('keeps decimal figures exactly as written', () => {
    const data = schema.parse({ ...valid, figures: [{ label: '增加值', value: '54.90', unit: '亿元', year: 2022 }] });
    expect(data.figures[0].value).toBe('54.90');
  });

  it('rejects misspelt field names instead of ignoring them', () => {
    const issues = issuesOf({ ...valid, reporter: ['鲍蔓华'] });
    expect(issues.length).toBeGreaterThan(0);
    expect(JSON.stringify(issues)).toContain('reporter');
  });
});

describe('reportSchema unknown fields', () => {
  it('suggests the intended field name', () => {
    const issues = issuesOf({ ...valid, reporter: ['鲍蔓华'] });
    expect(issues.map((i) => i.message).join(' ')).toContain('Did you mean `reporters`?');
  });

  describe('single-line text: control characters, invisible-only text, bidi controls', () => {
    it('refuses a C0 control character (YAML "\\x08") in the title, naming it and the fix', () => {
      const issues = issuesOf(frontMatter('control-char-title.md'));
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toBe('title');
      expect(issues[0].message).toMatch(/U\+0008 at position 6[\s\S]*Fix: delete it/);
    });
    it('refuses a title of only zero-width characters', () => {
      const issues = issuesOf(frontMatter('invisible-title.md'));
      expect(issues.map((i) => i.path)).toEqual(['title']);
      expect(issues[0].message).toMatch(/only invisible characters \(U\+200B U\+200D U\+2060\)/);
    });
    it('removes bidi overrides and isolates from the title', () => {
      const result = schema.safeParse(frontMatter('bidi-title.md'));
      expect(result.success && result.data.title).toBe('钱塘区政协委员会会议');
    });
    it('applies to the other text fields too, and lets notes keep their line breaks', () => {
      const issues = issuesOf({
        ...valid,
        subtitle: 'a\u0007',
        keywords: ['\u200B'],
        reporters: ['张\u0000三'],
        figures: [{ label: '营收\u001B', value: '1', unit: '亿元' }],
        events: [{ date: '2022', label: '\uFEFF\u200C' }],
        notes: ['第一行\n第二行\t完', '响铃\u0007'],
      });
      expect(issues.map((i) => i.path).sort()).toEqual(['events.0.label', 'figures.0.label', 'keywords.0', 'notes.1', 'reporters.0', 'subtitle']);
    });
  });
});

