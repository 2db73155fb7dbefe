/**
 * Issue 14 item 1: only http(s) addresses become links. The schema refuses other schemes with a
 * message naming the fix, the renderer helper drops them, and the importer never writes them.
 */
import { describe, expect, it } from 'vitest';
import { isWebAddress, safeWebHref } from '../../../src/lib/text/web-address.ts';
import { reportSchema } from '../../../src/schemas/report.ts';
import { outletSchema } from '../../../src/schemas/taxonomy.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';
import { frontMatter } from '../../../src/lib/importer/report-file.ts';
import { importDocument } from '../../../src/lib/importer/index.ts';

const hostile = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.cn/a',
  ' https://www.example.cn/',
  'https://www.exa mple.cn/',
  '//www.example.cn/',
  'https:www.example.cn',
];

describe('isWebAddress', () => {
  it('accepts http and https addresses', () => {
    expect(isWebAddress('https://www.rmzxw.com.cn/c/2022-04-01/1.shtml')).toBe(true);
    expect(isWebAddress('HTTP://www.example.cn/')).toBe(true);
  });
  it.each(hostile)('refuses %j', (value) => {
    expect(isWebAddress(value)).toBe(false);
    expect(safeWebHref(value)).toBeUndefined();
  });
});

describe('schemas', () => {
  const schema = reportSchema(loadRegistry(contentDirUrl()));
  const valid = { title: '钱塘江畔迎接高远未来', date: '2022-04-01', dateCertainty: 'stated', outlet: 'rmzxw', kind: 'news', regions: ['330108'] };
  it.each(hostile)('report source.url %j is refused with a fix', (url) => {
    const result = schema.safeParse({ ...valid, source: { url } });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === 'source.url');
    expect(issue?.message).toMatch(/http:\/\/ or https:\/\/.*Fix:/su);
  });
  it('report source.url https is accepted', () => {
    expect(schema.safeParse({ ...valid, source: { url: 'https://www.example.cn/1.html' } }).success).toBe(true);
  });
  it.each(hostile)('outlet homepage %j is refused', (homepage) => {
    const result = outletSchema.safeParse({ id: 'x', name: '某报', kind: 'newspaper', homepage });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['homepage']);
  });
});

describe('importer', () => {
  it('never writes a non-http(s) source.url from a page’s canonical link', () => {
    const page = `<!doctype html><html><head><title>区政协召开民营经济座谈会</title><link rel="canonical" href="JavaScript:alert(1)"></head><body><article><h1>区政协召开民营经济座谈会</h1><p>本报讯 4月1日，钱塘区政协召开民营经济发展座谈会，委员们围绕优化营商环境、支持民营企业创新发展等议题提出意见建议，会议气氛热烈。</p></article></body></html>`;
    const result = importDocument(new TextEncoder().encode(page), { fileName: 'raw/a.html', registry: loadRegistry(contentDirUrl()) });
    if (!result.ok) throw new Error(result.error);
    const fm = frontMatter(result.articles[0]) as { source: Record<string, string> };
    expect(fm.source.url).toBeUndefined();
    expect(fm.source.file).toBe('raw/a.html');
  });
});
