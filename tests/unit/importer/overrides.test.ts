/** Editor overrides (--date, --outlet, --region, --kind, --topics): argument parsing, resolution, application, Fix lines. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../../src/lib/importer/cli-args.ts';
import { importDocument, type ArticleRecord } from '../../../src/lib/importer/index.ts';
import { outletEntryYaml, suggestOutletId } from '../../../src/lib/importer/outlet-entry.ts';
import { applyOverrides, missingFieldFix, resolveOverrides, resolveRegion } from '../../../src/lib/importer/overrides.ts';
import { frontMatter } from '../../../src/lib/importer/report-file.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';
import { reportSchema } from '../../../src/schemas/report.ts';

const registry = loadRegistry(contentDirUrl());
const SPEECH = 'tests/fixtures/raw/003_d6b46ebe4a9d7da5.txt';

function importOne(path: string): ArticleRecord {
  const result = importDocument(readFileSync(path), { fileName: path, registry });
  if (!result.ok) throw new Error(result.error);
  return result.articles[0];
}

describe(parseImportArgs, () => {
  it('reads every override flag, both --flag value and --flag=value, with --region repeatable', () => {
    const args = parseImportArgs(['a.txt', '--date', '2022', '--date-note=讲话提到省第十五次党代会', '--region', '义乌', '--region=330000', '--outlet', '快文网', '--kind', 'speech', '--topics', 'manufacturing，digital-economy', '--dry-run', 'b.html']);
    expect(args.inputs).toEqual(['a.txt', 'b.html']);
    expect(args.dryRun).toBe(true);
    expect(args.overrides).toEqual({ date: '2022', dateNote: '讲话提到省第十五次党代会', regions: ['义乌', '330000'], outlet: '快文网', kind: 'speech', topics: ['manufacturing', 'digital-economy'] });
  });
  it('rejects a flag without its value, a flag given twice and an unknown flag, naming the fix', () => {
    expect(() => parseImportArgs(['a.txt', '--region'])).toThrow(/--region needs a value. Fix: e.g. --region 钱塘区/);
    expect(() => parseImportArgs(['a.txt', '--date', '2022', '--date', '2021'])).toThrow(/--date given twice/);
    expect(() => parseImportArgs(['a.txt', '--date', '--json'])).toThrow(/--date needs a value/);
    expect(() => parseImportArgs(['a.txt', '--regoin', 'x'])).toThrow(/Unknown option --regoin/);
  });
});

describe(resolveRegion, () => {
  it('takes a code, a unique name, a short name or a full name', () => {
    expect(resolveRegion('330782')).toEqual({ code: '330782', name: '浙江省金华市义乌市' });
    expect(resolveRegion('义乌')).toEqual({ code: '330782', name: '浙江省金华市义乌市' });
    expect(resolveRegion('义乌市')).toEqual({ code: '330782', name: '浙江省金华市义乌市' });
    expect(resolveRegion('浙江省杭州市钱塘区')).toEqual({ code: '330114', name: '浙江省杭州市钱塘区' });
    expect(resolveRegion('杭州市钱塘区')).toEqual({ code: '330114', name: '浙江省杭州市钱塘区' });
    expect(resolveRegion('北京市朝阳区')).toEqual({ code: '110105', name: '北京市朝阳区' });
  });
  it('rejects an ambiguous name with every candidate listed, and unknown codes and names', () => {
    const r = resolveRegion('朝阳') as { error: string };
    expect(r.error).toMatch(/^--region 朝阳 is ambiguous: /);
    for (const code of ['110105', '220104', '211300']) expect(r.error).toContain(code);
    expect(r.error).toMatch(/Fix: pass the code/);
    expect((resolveRegion('999999') as { error: string }).error).toMatch(/no such GB\/T 2260 code/);
    expect((resolveRegion('火星') as { error: string }).error).toMatch(/no place of that name/);
  });
});

describe(resolveOverrides, () => {
  it('resolves outlet by id or name, kind by Chinese label, topics by id or name', () => {
    const { overrides, errors } = resolveOverrides({ outlet: '快文网', kind: '发言', topics: ['manufacturing', registry.topics[1].name], regions: ['义乌'], date: '2022-06', dateNote: '据文中会议' }, registry);
    expect(errors).toEqual([]);
    expect(overrides.outlet).toEqual({ id: 'hoachina', name: '快文网' });
    expect(overrides.kind).toBe('speech');
    expect(overrides.topics).toEqual(['manufacturing', registry.topics[1].id]);
    expect(overrides.date).toEqual({ date: '2022-06', certainty: 'inferred', note: '据文中会议' });
    expect(resolveOverrides({ outlet: 'rmzxw', regions: [] }, registry).overrides.outlet?.id).toBe('rmzxw');
  });
  it('an inferred date needs a note; --date-certainty stated does not', () => {
    expect(resolveOverrides({ date: '2022', regions: [] }, registry).errors[0]).toMatch(/needs its reason. Fix: add --date-note/);
    expect(resolveOverrides({ date: '2022-02-30', dateNote: 'x', regions: [] }, registry).errors[0]).toMatch(/expected a real date/);
    expect(resolveOverrides({ date: '2022-08-24', dateCertainty: 'stated', regions: [] }, registry).overrides.date).toEqual({ date: '2022-08-24', certainty: 'stated', note: undefined });
  });
  it('an outlet missing from outlets.yaml gets the exact YAML entry to add, with an id that is not taken', () => {
    const { errors, overrides } = resolveOverrides({ outlet: '湖州日报', regions: [] }, registry);
    expect(overrides).toEqual({});
    expect(errors[0]).toContain('湖州日报 is not in content/outlets.yaml. Fix: add this entry to content/outlets.yaml');
    expect(errors[0].endsWith('\n- id: huzhou-rb\n  name: 湖州日报\n  kind: newspaper')).toBe(true);
    expect(errors[0]).toContain('did you mean 杭州日报?');
    // 杭州日报 holds hzrb already; a fresh name keeps the short initials.
    expect(suggestOutletId('嘉兴日报', ['hzrb'])).toBe('jxrb');
    expect(suggestOutletId('湖州日报', ['hzrb', 'huzhou-rb'])).toBe('huzhou-rb-2');
    expect(outletEntryYaml('浙江新闻网', registry)).toBe('- id: zjxww\n  name: 浙江新闻网\n  kind: news-site');
    expect(resolveOverrides({ outlet: 'rmzxx', regions: [] }, registry).errors[0]).toMatch(/Did you mean rmzxw\?/);
  });
  it('collects every bad value at once', () => {
    expect(resolveOverrides({ kind: 'essay', topics: ['no-such-topic'], regions: ['朝阳', '义乌'], date: 'August' }, registry).errors).toHaveLength(4);
  });
});

describe(applyOverrides, () => {
  it('makes the undated, placeless speech (003) a valid report, each value marked “set by editor”', () => {
    const before = importOne(SPEECH);
    expect(missingFieldFix(before)).toEqual({ fields: ['regions', 'date'], fix: 'Fix: re-run with --region <code or name> --date YYYY[-MM[-DD]] --date-note "…".' });
    expect(reportSchema(registry).safeParse(frontMatter(before)).success).toBe(false);
    const { overrides } = resolveOverrides({ date: '2022', dateNote: '讲话提到浙江省第十五次党代会（2022年6月）', regions: ['义乌'], outlet: 'hoachina', kind: 'speech', topics: ['manufacturing'] }, registry);
    const after = applyOverrides(before, overrides);
    expect(after).toMatchObject({ date: '2022', dateCertainty: 'inferred', dateNote: '讲话提到浙江省第十五次党代会（2022年6月）', outletId: 'hoachina', kind: 'speech', topics: ['manufacturing'], regions: [{ code: '330782', name: '浙江省金华市义乌市' }] });
    expect(missingFieldFix(after)).toBeUndefined();
    expect(reportSchema(registry).safeParse(frontMatter(after)).success).toBe(true);
    expect(after.warnings.filter((w) => /set by editor/.test(w)).map((w) => w.split(':')[0])).toEqual(['date', 'outlet', 'regions', 'kind', 'topics']);
    // The “not found” warnings the overrides answer are gone; the others stay.
    expect(after.warnings.some((w) => /^(date|regions): no /.test(w))).toBe(false);
    expect(after.warnings).toContain('reporters: no byline found.');
    expect(after.guesses.find((g) => g.field === 'regions')).toMatchObject({ from: 'set by editor (--region)', confidence: 'high' });
    expect(frontMatter(after).notes).toContain('regions set by editor (--region): 330782 浙江省金华市义乌市');
    expect(before.date).toBeNull();
    // 去年底 needs the article's year: with the editor's date the speech gets its event.
    expect(before.events).toEqual([]);
    expect(after.events).toContainEqual({ date: '2021', label: '市第十五次党代会提出“＊”战略' });
  });
  it('--date-certainty stated keeps the date stated', () => {
    const after = applyOverrides(importOne(SPEECH), resolveOverrides({ date: '2022-08-24', dateCertainty: 'stated', regions: ['330782'] }, registry).overrides);
    expect([after.date, after.dateCertainty, after.dateNote]).toEqual(['2022-08-24', 'stated', undefined]);
  });
});

describe('unknown outlets named by the page', () => {
  it('a source line naming an outlet outside outlets.yaml warns with the YAML entry, and no other outlet is guessed', () => {
    const text = '湖州南太湖新区政协助企纾困\n2022-08-24 09:19 来源：湖州日报\n本报讯（记者 张三）日前，湖州市南太湖新区政协组织委员走访企业，收集意见建议二十余条。\n';
    const result = importDocument(new TextEncoder().encode(text), { fileName: 'x.txt', registry });
    if (!result.ok) throw new Error(result.error);
    const a = result.articles[0];
    expect(a.outletId).toBeNull();
    const warning = a.warnings.find((w) => w.startsWith('outlet:'));
    expect(warning).toMatch(/^outlet: 湖州日报 is not in content\/outlets.yaml. Fix: add this entry/);
    expect(warning?.endsWith('- id: huzhou-rb\n  name: 湖州日报\n  kind: newspaper')).toBe(true);
    expect(a.warnings.filter((w) => w.startsWith('outlet:'))).toHaveLength(1);
    expect(missingFieldFix(a)?.fix).toBe('Fix: re-run with --outlet huzhou-rb (after adding 湖州日报 to content/outlets.yaml as the outlet warning shows).');
  });
});
