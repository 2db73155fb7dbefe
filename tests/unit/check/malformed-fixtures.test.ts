/**
 * One run of the checker over tests/fixtures/malformed/content: every file holds one kind of
 * mistake, and each must be reported with the right file, field and line (and nothing else).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '../../../src/lib/check/check-content.ts';
import type { ProblemCode } from '../../../src/lib/check/problem.ts';
import { readContentFiles } from '../../../src/node/content-check.ts';
import { loadRegistry } from '../../../src/schemas/registry.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/malformed/content/', import.meta.url));
const registry = loadRegistry(pathToFileURL(fileURLToPath(new URL('../../../content/', import.meta.url))));
const TODAY = '2026-11-23';

/** file (under content/reports/ unless it starts with content/) → [code, field, line] of its one error. */
const EXPECTED: Record<string, [ProblemCode, string | undefined, number]> = {
  // A CR alone is no line end to Astro (its front matter would not be found); CRLF and BOM are warnings.
  '2022/2022-04-01-cr-huan-hang.md': ['crlf', undefined, 1],
  '2022/2022-04-01-tab-suo-jin.md': ['tab-indent', 'source.page', 11],
  '2022/2022-04-01-ding-ceng-tab.md': ['tab-indent', 'outlet', 5],
  '2022/2022-04-01-fan-ti-zi-duan.md': ['chinese-field-name', '標題', 2],
  '2022/2022-04-01-zhong-wen-zi-duan.md': ['chinese-field-name', '主题', 9],
  '2022/2022-04-01-zi-duan-pin-cuo.md': ['unknown-field', 'tilte', 2],
  '2022/2022-04-01-shou-xie-slug.md': ['unknown-field', 'slug', 10],
  '2022/2022-04-01-que-biao-ti.md': ['missing-field', 'title', 1],
  '2022/2022-04-01-kong-biao-ti.md': ['invalid-value', 'title', 2],
  '2022/2022-02-30-ri-qi-wu-xiao.md': ['invalid-date', 'date', 3],
  '2022/2022-04-01-zhong-wen-ri-qi.md': ['invalid-date', 'date', 3],
  '2099/2099-01-01-wei-lai-ri-qi.md': ['future-date', 'date', 3],
  '2022/2022-04-01-wei-zhi-zhu-ti.md': ['unknown-topic', 'topics[0]', 9],
  '2022/2022-04-01-wei-zhi-mei-ti.md': ['unknown-outlet', 'outlet', 5],
  '2022/2022-04-01-wei-zhi-di-qu.md': ['unknown-region', 'regions[0]', 8],
  '2022/2022-04-01-di-ming-dai-ma.md': ['region-name-not-code', 'regions[0]', 8],
  '2022/2022-04-01-kong-di-qu.md': ['invalid-value', 'regions', 8],
  '2022/2022-04-01-wei-zhi-ti-cai.md': ['invalid-value', 'kind', 6],
  '2022/2022-04-01-que-ding-xing.md': ['invalid-value', 'dateCertainty', 4],
  '2022/2022-04-01-tui-ding-wu-shuo-ming.md': ['missing-field', 'dateNote', 1],
  '2022/2022-04-01-shu-zi-wei-yin.md': ['unquoted-number', 'figures[0].value', 12],
  '2022/2022-04-01-shu-zi-que-ming.md': ['missing-field', 'figures[0].label', 11],
  '2022/2022-04-01-wang-zhi-wu-xiao.md': ['invalid-value', 'source.url', 11],
  '2022/2022-04-01-shu-zi-zi-duan.md': ['unknown-field', 'figures[0].unti', 13],
  '2022/2022-04-01-yin-hao-wei-bi.md': ['yaml-syntax', undefined, 2],
  '2022/2022-04-01-zi-duan-chong-fu.md': ['yaml-syntax', undefined, 10],
  '2022/2022-04-01-mao-hao-kong-ge.md': ['yaml-syntax', undefined, 6],
  // Valid for the `yaml` package, rejected by js-yaml (Astro's parser): caught by astro-compat.
  '2022/2022-04-01-yaml-biao-qian.md': ['yaml-syntax', undefined, 10],
  // A "billion laughs": the yaml package's maxAliasCount stops it, reported at the first alias.
  '2022/2022-04-01-bie-ming-zha-dan.md': ['yaml-aliases', undefined, 12],
  // Text to the yaml package, a Date to js-yaml (Astro's parser), which the schema then refuses.
  '2022/2022-04-01-ri-qi-guan-jian-ci.md': ['needs-quotes', 'keywords[1]', 10],
  '2022/2022-04-01-ri-qi-biao-ti.md': ['needs-quotes', 'title', 2],
  // Images the build cannot find, or would copy from outside content/ into the site.
  '2022/2022-04-01-que-tu-pian.md': ['bad-image', undefined, 15],
  '2022/2022-04-01-tu-pian-yue-jie.md': ['bad-image', undefined, 15],
  '2022/2022-04-01-mei-you-qian-yan.md': ['no-front-matter', undefined, 1],
  '2022/2022-04-01-qian-yan-wei-jie-shu.md': ['unclosed-front-matter', undefined, 1],
  '2022/2022-04-01-zheng-wen-kong.md': ['empty-body', undefined, 10],
  '2022/2022-04-01-kong-wen-jian.md': ['empty-file', undefined, 1],
  '2022/2022-04-01-er-jin-zhi.md': ['binary-file', undefined, 1],
  '2022/2022-04-01-gbk-bian-ma.md': ['not-utf8', undefined, 1],
  '2022/2022-04-01-lie-biao-qian-yan.md': ['front-matter-not-mapping', undefined, 2],
  '2022-04-01-bu-zai-nian-fen.md': ['outside-layout', undefined, 1],
  '2021/2022-04-01-nian-fen-bu-fu.md': ['year-folder-mismatch', undefined, 1],
  '2022/2022-04-02-wen-jian-ri-qi.md': ['file-date-mismatch', 'date', 1],
  '2022/钱塘新闻.md': ['bad-file-name', undefined, 1],
  '2022/2022-04-01-Da-Xie.md': ['bad-file-name', undefined, 1],
  '2022/2022-04-01-mdx-bao-dao.mdx': ['mdx-not-allowed', undefined, 1],
  '2022/2022-04-01-wen-ben.txt': ['unsupported-file', undefined, 1],
  '2022/2022-04-01-kuo-zhan-ming.markdown': ['unsupported-file', undefined, 1],
  '2022/2022-04-01-tu-pian.svg': ['unsupported-file', undefined, 1],
  'content/notes.md': ['outside-layout', undefined, 1],
  '2022/2022-04-01-fan-ti-yu-yan.md': ['invalid-value', 'lang', 10],
  '2022/2022-04-01-guan-jian-ci.md': ['invalid-value', 'keywords', 10],
  '2022/2022-04-01-wei-zhi-ji-gou.md': ['invalid-value', 'bodies[0]', 7],
  '2022/2022-04-01-shi-jian-ri-qi.md': ['invalid-date', 'events[0].date', 11],
};

const pathOf = (key: string) => (key.startsWith('content/') ? key : `content/reports/${key}`);

describe('checkContent over tests/fixtures/malformed', () => {
  let result: CheckResult;
  beforeAll(() => {
    result = checkContent(readContentFiles(FIXTURES), { registry, today: TODAY });
  });

  it('has at least 30 fixtures, each one kind of mistake', () => {
    expect(Object.keys(EXPECTED).length).toBeGreaterThanOrEqual(30);
    expect(new Set(Object.values(EXPECTED).map(([code]) => code)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(EXPECTED))('%s → its one error, with field and line', (key, [code, field, line]) => {
    const errors = result.problems.filter((p) => p.file === pathOf(key) && p.severity === 'error');
    expect(errors.map((p) => [p.code, p.field, p.line])).toEqual([[code, field, line]]);
    expect(errors[0].message).toMatch(/[\u4e00-\u9fff].*\(.+\)/u);
  });

  it('lists every problem of the folder in one run, errors counted', () => {
    const files = new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.file));
    for (const key of Object.keys(EXPECTED)) expect(files).toContain(pathOf(key));
    expect(result.errors).toBe(result.problems.filter((p) => p.severity === 'error').length);
    expect(result.errors).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length);
  });

  it('duplicate ids: x.md and x.mdx are both reported, the .mdx also as not allowed', () => {
    const codes = (file: string) => result.problems.filter((p) => p.file === file).map((p) => p.code);
    expect(codes('content/reports/2022/2022-05-01-chong-fu-bian-hao.md')).toEqual(['duplicate-id']);
    expect(codes('content/reports/2022/2022-05-01-chong-fu-bian-hao.mdx').sort()).toEqual(['duplicate-id', 'mdx-not-allowed']);
  });

  it('same title and date in two files is a warning on both, not an error', () => {
    const dupes = result.problems.filter((p) => p.code === 'duplicate-report');
    expect(dupes.map((p) => [p.file, p.severity])).toEqual([
      ['content/reports/2022/2022-04-01-chong-fu-bao-dao-jia.md', 'warning'],
      ['content/reports/2022/2022-04-01-chong-fu-bao-dao-yi.md', 'warning'],
    ]);
  });

  it('suggestions: did-you-mean for topic, outlet, field names; codes for place names; ISO for Chinese dates', () => {
    const suggestion = (key: string) => result.problems.find((p) => p.file === pathOf(key) && p.severity === 'error')?.suggestion;
    expect(suggestion('2022/2022-04-01-wei-zhi-zhu-ti.md')).toContain('民营经济');
    expect(suggestion('2022/2022-04-01-wei-zhi-mei-ti.md')).toContain('人民政协网');
    expect(suggestion('2022/2022-04-01-fan-ti-zi-duan.md')).toContain('title');
    expect(suggestion('2022/2022-04-01-zi-duan-pin-cuo.md')).toContain('title');
    expect(suggestion('2022/2022-04-01-shu-zi-zi-duan.md')).toContain('unit');
    expect(suggestion('2022/2022-04-01-di-ming-dai-ma.md')).toContain('330114 浙江省杭州市钱塘区');
    expect(suggestion('2022/2022-04-01-zhong-wen-ri-qi.md')).toContain('2022-04-01');
    expect(suggestion('2022/2022-04-01-shu-zi-wei-yin.md')).toBe('value: "54.90"');
    expect(suggestion('2022/2022-04-01-mao-hao-kong-ge.md')).toBeUndefined();
    expect(result.problems.find((p) => p.file === pathOf('2022/2022-04-01-mao-hao-kong-ge.md'))?.example).toBe('kind: news');
    expect(suggestion('2022/钱塘新闻.md')).toContain('2022-04-01-zhong-wen-wen-jian-ming.md');
  });

  it('a Traditional body is a warning (the archive publishes Simplified), not an error', () => {
    const file = pathOf('2022/2022-04-01-fan-ti-zheng-wen.md');
    expect(result.problems.filter((p) => p.file === file).map((p) => [p.severity, p.code, p.line])).toEqual([['warning', 'traditional-body', 11]]);
  });

  it('a BOM or CRLF line endings are a warning (Astro reads both), fixed by npm run check -- --fix', () => {
    for (const [key, code] of [['2022/2022-04-01-bom-kai-tou.md', 'bom'], ['2022/2022-04-01-crlf-huan-hang.md', 'crlf']] as const) {
      const problems = result.problems.filter((p) => p.file === pathOf(key));
      expect(problems.map((p) => [p.severity, p.code, p.line])).toEqual([['warning', code, 1]]);
      expect(problems[0].suggestion).toContain('npm run check -- --fix');
    }
  });

  it('an inferred date is a warning, never an error by itself', () => {
    const warning = result.problems.find((p) => p.code === 'inferred-date');
    expect(warning?.severity).toBe('warning');
  });
});
