/**
 * Pins the wording editors read for a few common mistakes (Chinese first, English in brackets).
 */
import { pathToFileURL, fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import { formatProblem, formatSummary } from '../../../src/lib/check/format.ts';
import { loadRegistry } from '../../../src/schemas/registry.ts';

const registry = loadRegistry(pathToFileURL(fileURLToPath(new URL('../../../content/', import.meta.url))));

function firstError(path: string, text: string): string {
  const { problems } = checkContent([{ path, bytes: new TextEncoder().encode(text) }], { registry, today: '2026-11-23' });
  const error = problems.find((p) => p.severity === 'error');
  if (!error) throw new Error(`no error for ${path}`);
  return formatProblem(error);
}

const report = (fields: string) =>
  `---\ntitle: 钱塘区政协助推民营经济\ndate: 2022-04-01\ndateCertainty: stated\noutlet: rmzxw\nkind: news\nregions: ["330114"]\n${fields}---\n\n本报讯 正文。\n`;
const FILE = 'content/reports/2022/2022-04-01-qian-tang-qu-zheng-xie.md';

describe(formatProblem, () => {
  it('unknown topic: did you mean 民营经济?', () => {
    expect(firstError(FILE, report('topics: [manufacturing, 民营经纪]\n'))).toMatchInlineSnapshot(`
      "content/reports/2022/2022-04-01-qian-tang-qu-zheng-xie.md:8  topics[1]  错误 (error)
          未知主题“民营经纪”：content/topics.yaml 里没有 (unknown topic "民营经纪": not in content/topics.yaml)
          应为 (expected): content/topics.yaml 中的 id 或中文名 (topic ids or Chinese names from content/topics.yaml)
          示例 (example): topics: [private-economy, 制造业]
          建议 (suggestion): 你是不是想写“民营经济”（private-economy）？ (did you mean 民营经济 / private-economy?)"
    `);
  });
  it('Traditional field name: 標題 → title', () => {
    expect(firstError(FILE, report('').replace('title:', '標題:'))).toMatchInlineSnapshot(`
      "content/reports/2022/2022-04-01-qian-tang-qu-zheng-xie.md:2  標題  错误 (error)
          字段名要用英文：“標題” (field names are English keys, not "標題")
          应为 (expected): 字段名之一 (one of): title, subtitle, date, dateCertainty, dateNote, outlet, outletCertainty, source, reporters, correspondents, editors, photographers, kind, bodies, regions, topics, keywords, figures, events, lang, originalScript, editorsNote, notes
          示例 (example): title: 钱塘江畔迎接高远未来
          建议 (suggestion): 把“標題”改为 title (rename "標題" to title)"
    `);
  });
  it('place name instead of a region code', () => {
    expect(firstError(FILE, report('').replace('["330114"]', '[钱塘]'))).toMatchInlineSnapshot(`
      "content/reports/2022/2022-04-01-qian-tang-qu-zheng-xie.md:7  regions[0]  错误 (error)
          地区要写六位代码，不能写“钱塘” (regions take six-digit codes, not "钱塘")
          应为 (expected): GB/T 2260 六位行政区划代码，最具体的在前 (six-digit GB/T 2260 codes, most specific first)
          示例 (example): regions: ["330114"]
          建议 (suggestion): 可能是 (perhaps): 330114 浙江省杭州市钱塘区"
    `);
  });
  it('tab used for indentation', () => {
    expect(firstError(FILE, report('figures:\n\t- label: 营业收入\n\t  value: "157.36"\n'))).toMatchInlineSnapshot(`
      "content/reports/2022/2022-04-01-qian-tang-qu-zheng-xie.md:9  figures  错误 (error)
          用 Tab 键缩进了 (indented with a tab)
          应为 (expected): YAML 只能用空格缩进 (YAML indentation must be spaces)
          示例 (example): figures:
              - label: …
          建议 (suggestion): 把行首的 Tab 换成两个空格 (replace the leading tab with two spaces)"
    `);
  });
});

describe(formatSummary, () => {
  it('pluralises the English', () => {
    expect(formatSummary(1, 0, 2)).toMatchInlineSnapshot(`"内容检查：1 篇报道，0 个错误，2 个警告 (content check: 1 report, 0 errors, 2 warnings)"`);
  });
});
