/**
 * The dossier MDX guard: every construct it refuses, each with its message, line, what is allowed
 * and an example; and what it lets through (the seed dossier, comments, literal props).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import { dossierMdxProblems, type GuardContext } from '../../../src/lib/dossier/guard.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';
import { loadContentReports } from '../../helpers/content.ts';

const registry = loadRegistry(contentDirUrl());
const reportIds = new Set(loadContentReports().map((r) => r.id));
const ctx: GuardContext = { topics: registry.topics, reportIds };
const FILE = 'content/dossiers/test.mdx';
const JIAXING = '2022/2022-08-jia-xing-bai-ri-gong-jian';

/** Problems of a body that starts on file line 10. */
function problems(body: string) {
  return dossierMdxProblems(FILE, body, 10, ctx);
}
function only(body: string) {
  const found = problems(body);
  expect(found, JSON.stringify(found, null, 1)).toHaveLength(1);
  const [p] = found;
  expect(p.file).toBe(FILE);
  expect(p.severity).toBe('error');
  // What is allowed: the list of components, or the props of the component used.
  expect(p.expected).toMatch(/<(Reports|CountChart|RegionMap|Timeline|Figures|Quote)>/);
  expect(p.example).toMatch(/^</);
  return p;
}

describe('dossier MDX guard: allowed', () => {
  it('accepts every component with literal props, Markdown and {/* comments */}', () => {
    const body = [
      '## 概述',
      '',
      '{/* 编者注释 */}',
      '',
      '<Reports topic="private-economy" region="330000" limit={10} />',
      '<CountChart by="year" topic="private-economy" />',
      '<RegionMap region="330000" />',
      '<Timeline region="330000" year={2022} />',
      `<Figures report="2022/2022-08-24-qian-tang-qu-gui-shang-gong-ye" />`,
      `<Quote report="${JIAXING}">**专项行动**实实在在地帮助我们企业</Quote>`,
    ].join('\n');
    expect(problems(body)).toEqual([]);
  });

  it('accepts the seed dossier through npm run check', () => {
    const path = 'content/dossiers/zhe-jiang-min-ying-jing-ji-yu-chan-ye.mdx';
    const files = [path, ...loadContentReports().map((r) => r.file.slice(r.file.indexOf('content/')))].map((p) => ({ path: p, bytes: readFileSync(p) }));
    const result = checkContent(files, { registry, today: '2030-01-01' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.dossiers).toBe(1);
  });
});

describe('dossier MDX guard: refused, each with its message', () => {
  it('import', () => {
    const p = only("import X from '../../src/x.ts'\n\n正文");
    expect(p).toMatchObject({ code: 'mdx-code', line: 10 });
    expect(p.message).toContain('不能写 import');
    expect(p.suggestion).toContain("import X from '../../src/x.ts'");
  });

  it('export', () => {
    const p = only('正文\n\nexport const a = 1');
    expect(p).toMatchObject({ code: 'mdx-code', line: 12 });
    expect(p.message).toContain('不能写 export');
  });

  it('an expression in the text', () => {
    const p = only('一共有 {reports.length} 篇');
    expect(p).toMatchObject({ code: 'mdx-expression', line: 10 });
    expect(p.message).toContain('正文里不能写 {reports.length}');
  });

  it('a flow expression', () => {
    const p = only('正文\n\n{1 + 1}');
    expect(p).toMatchObject({ code: 'mdx-expression', line: 12 });
  });

  it('a non-literal prop value', () => {
    const p = only('<Reports limit={5 * 2} />');
    expect(p).toMatchObject({ code: 'mdx-expression', line: 10 });
    expect(p.message).toContain('limit={5 * 2} 不是字面值');
    expect(p.expected).toContain('<Reports> 的属性');
  });

  it('a spread prop', () => {
    const p = only('<Reports {...props} />');
    expect(p).toMatchObject({ code: 'mdx-expression' });
    expect(p.message).toContain('{…展开}');
  });

  it('an unknown component, with did-you-mean', () => {
    const p = only('<Report topic="private-economy" />');
    expect(p).toMatchObject({ code: 'mdx-unknown-component', line: 10 });
    expect(p.message).toContain('不认识的组件 <Report>');
    expect(p.suggestion).toContain('<Reports>');
    expect(p.example).toContain('<Reports');
  });

  it('an HTML tag', () => {
    const p = only('<div>文字</div>');
    expect(p.code).toBe('mdx-unknown-component');
    expect(p.message).toContain('不能写 HTML 标签');
  });

  it('a fragment', () => {
    expect(only('<>文字</>').message).toContain('片段');
  });

  it('raw <script>', () => {
    const p = only('正文\n\n<script>alert(1)</script>');
    expect(p).toMatchObject({ code: 'mdx-script', line: 12 });
    expect(p.message).toContain('不能有 <script>');
  });

  it('an unknown prop, with did-you-mean', () => {
    const p = only('<Reports topc="private-economy" />');
    expect(p).toMatchObject({ code: 'mdx-prop' });
    expect(p.message).toContain('没有属性 topc');
    expect(p.suggestion).toContain('topic');
  });

  it('a missing required prop', () => {
    const p = only('<Figures />');
    expect(p.message).toContain('缺少属性 report');
  });

  it('a prop without value', () => {
    expect(only('<Reports topic />').message).toContain('没有值');
  });

  it('a prop given twice', () => {
    expect(only('<Reports limit={3} limit={4} />').message).toContain('写了两次');
  });

  it('a limit out of range or of the wrong type', () => {
    expect(only('<Reports limit={500} />').message).toContain('1 到 50 的整数');
    expect(only('<Reports limit="10" />').message).toContain('类型不对');
  });

  it('a value outside a closed list, with did-you-mean', () => {
    const p = only('<CountChart by="years" />');
    expect(p.message).toContain('不在可选值里');
    expect(p.suggestion).toContain('by="year"');
  });

  it('an unknown region, by name and by digits', () => {
    const byName = only('<Reports region="钱塘区" />');
    expect(byName.code).toBe('unknown-region');
    expect(byName.suggestion).toContain('330114');
    const byDigits = only('<Reports region="330115" />');
    expect(byDigits.code).toBe('unknown-region');
    expect(byDigits.suggestion).toMatch(/3301\d\d/);
  });

  it('an unknown topic, with did-you-mean (also from the Chinese name)', () => {
    const p = only('<Reports topic="private-econmy" />');
    expect(p.code).toBe('unknown-topic');
    expect(p.suggestion).toContain('topic="private-economy"');
    expect(only('<Reports topic="民营经济" />').suggestion).toContain('private-economy');
  });

  it('an unknown report id, with did-you-mean and the /reports/ path taken off', () => {
    const p = only('<Figures report="2022/2022-08-jia-xing-bai-ri-gong-jan" />');
    expect(p.code).toBe('unknown-report');
    expect(p.suggestion).toContain(JIAXING);
    expect(only(`<Figures report="/reports/${JIAXING}/" />`).suggestion).toContain(`report="${JIAXING}"`);
  });

  it('content inside a component that takes none, an empty Quote, and a component inside a Quote', () => {
    expect(only('<Reports>文字</Reports>').message).toContain('不带内容');
    expect(only(`<Quote report="${JIAXING}"></Quote>`).message).toContain('要写引文');
    expect(only(`<Quote report="${JIAXING}">文字<Reports /></Quote>`).message).toContain('<Quote> 里只能写文字');
  });

  it('an MDX syntax error (an HTML comment, a stray <) names the line', () => {
    const p = only('正文\n\n<!-- 注释 -->');
    expect(p).toMatchObject({ code: 'mdx-syntax', line: 12 });
    expect(p.message).toContain('MDX 写法有误');
    expect(p.expected).toContain('{/* … */}');
  });

  it('lists every problem of a file, not just the first', () => {
    const found = problems("import a from 'b'\n\n<Foo />\n\n{x}\n\n<script></script>");
    expect(found.map((p) => [p.code, p.line])).toEqual([
      ['mdx-code', 10],
      ['mdx-unknown-component', 12],
      ['mdx-expression', 14],
      ['mdx-script', 16],
    ]);
  });
});

describe('dossier file and front matter in npm run check', () => {
  const good = readFileSync('content/dossiers/zhe-jiang-min-ying-jing-ji-yu-chan-ye.mdx', 'utf8');
  const run = (path: string, text: string) =>
    checkContent([{ path, bytes: new TextEncoder().encode(text) }], { registry, today: '2030-01-01' }).problems.filter((p) => p.severity === 'error');

  it('refuses a bad file name and a sub-folder', () => {
    expect(run('content/dossiers/Zhe Jiang.mdx', good).map((p) => p.code)).toContain('bad-file-name');
    expect(run('content/dossiers/a/b.mdx', good).map((p) => p.code)).toContain('outside-layout');
  });

  it('refuses unknown fields, unknown topics and regions in the front matter, with lines', () => {
    const text = good.replace('authors:', 'author:').replace('regions: ["330000"]', 'regions: ["339999"]').replace('topics: [private-economy,', 'topics: [private-econmy,');
    const found = run('content/dossiers/x.mdx', text).filter((p) => !p.code.startsWith('unknown-report'));
    const codes = found.map((p) => `${p.code}:${p.field}`);
    expect(codes).toContain('unknown-field:author');
    expect(codes).toContain('unknown-region:regions[0]');
    expect(codes).toContain('unknown-topic:topics[0]');
    expect(found.find((p) => p.field === 'author')?.suggestion).toContain('authors');
    expect(found.find((p) => p.field === 'topics[0]')?.detail).toContain('private-economy');
    expect(found.filter((p) => p.code !== 'missing-field').every((p) => p.line && p.line > 1)).toBe(true);
  });
});
