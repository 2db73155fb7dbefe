/** The importer on its own fixtures (tests/fixtures/importer/<case>/input.*), unlike the seed pages, plus "nothing lost". */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDocument, type ImportResult } from '../../../src/lib/importer/index.ts';
import { decodeBytes } from '../../../src/lib/importer/decode.ts';
import { repairLine } from '../../../src/lib/importer/steps/normalize-lines.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

const registry = loadRegistry(contentDirUrl());
const dir = 'tests/fixtures/importer';

function run(name: string): ImportResult {
  const file = readdirSync(`${dir}/${name}`).find((f) => f.startsWith('input.')) as string;
  return importDocument(readFileSync(`${dir}/${name}/${file}`), { fileName: `${dir}/${name}/${file}`, registry });
}

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe(importDocument, () => {
  it('binary-garbage: refuses binary input with a reason', () => {
    const r = run('binary-garbage');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/binary/);
  });
  it('empty input: refuses with a reason', () => {
    const r = importDocument(new Uint8Array(), { fileName: 'empty.txt', registry });
    expect(!r.ok && r.error).toMatch(/empty/);
  });
  it('gbk-text: detects GBK, reads the source line and the 本报讯 byline', () => {
    const r = ok(run('gbk-text'));
    expect(r.encoding).toBe('gbk');
    const [a] = r.articles;
    expect(a.title).toBe('南浔区政协：助力木地板产业转型升级');
    expect([a.date, a.dateCertainty]).toEqual(['2021-11-09', 'stated']);
    expect(a.reporters).toEqual(['沈丽']);
    expect(a.correspondents).toEqual(['周建华']);
    expect(a.editors).toEqual(['陈明']);
    expect(a.regions.map((x) => x.code)).toEqual(['330503']);
    expect(a.figures).toContainEqual({ label: '全区现有木业企业', value: '1500', unit: '余家' });
  });
  it('big5-text: detects Big5, converts to Simplified, infers the dateline year', () => {
    const r = ok(run('big5-text'));
    expect(r.encoding).toBe('big5');
    const [a] = r.articles;
    expect(a.originalScript).toBe('Hant');
    expect(a.title).toBe('鹿城区政协协商推进鞋业产业集群发展');
    expect([a.date, a.dateCertainty]).toEqual(['2023-04-12', 'inferred']);
    expect(a.dateNote).toMatch(/2023/);
    expect(a.regions.map((x) => x.code)).toEqual(['330302']);
    expect(a.body).toContain('制鞋企业');
  });
  it('html-title-suffix: the on-page <h1> is the title, not the <title> with place and site name', () => {
    const [a] = ok(run('html-title-suffix')).articles;
    expect(a.title).toBe('南浔区政协：聚焦民营经济高质量发展建言献策');
    expect(a.body).not.toContain('湖州新闻网');
    expect(a.body.startsWith('6月9日')).toBe(true);
    expect([a.date, a.dateCertainty]).toEqual(['2023-06-12', 'stated']);
    expect(a.reporters).toEqual(['沈佳']);
    expect(a.correspondents).toEqual(['钱晓红']);
    expect(a.editors).toEqual(['王芳']);
    expect(a.regions.map((x) => x.code)).toEqual(['330503']);
    expect(a.warnings.join(' ')).toMatch(/湖州日报 is not in content\/outlets.yaml/);
  });
  it('html-jsonld-time: page metadata (JSON-LD) beats the text, chrome is left out', () => {
    const r = ok(run('html-jsonld-time'));
    const [a] = r.articles;
    expect(a.title).toBe('萧山区政协助推跨境电商产业提质升级');
    expect([a.date, a.dateCertainty]).toEqual(['2023-05-12', 'stated']);
    expect(a.reporters).toEqual(['王晓燕']);
    expect(a.body).toContain('## 聚焦短板 精准建言');
    expect(a.body).not.toMatch(/分享到|ICP|版权所有|相关新闻/);
    expect(a.figures).toContainEqual({ label: '2022年全区跨境电商进出口额', value: '356.8', unit: '亿元' });
  });
  it('two-articles-gallery: two <article>s become two reports, gallery captions are recorded as removed', () => {
    const r = ok(run('two-articles-gallery'));
    expect(r.articles.map((a) => [a.title, a.date, a.regions.map((x) => x.code)[0]])).toEqual([
      ['龙岗区政协调研先进制造业园区建设', '2024-03-18', '440307'],
      ['坪山区人大视察新能源汽车产业链', '2024-03-20', '440310'],
    ]);
    expect(r.articles.flatMap((a) => a.removed.map((x) => x.text))).toContain('委员在园区调研');
  });
  it('no-date: leaves the date empty and says so', () => {
    const [a] = ok(run('no-date')).articles;
    expect(a.date).toBeNull();
    expect(a.warnings.join('\n')).toMatch(/date: no date found/);
    expect(a.regions.map((x) => x.code)).toEqual(['440605']);
  });
  it('crlf-fullwidth-spaces: CRLF, full-width spaces, pinyin and doubled commas are repaired', () => {
    const [a] = ok(run('crlf-fullwidth-spaces')).articles;
    expect(a.title).toBe('余杭区政协：为数字经济发展献良策');
    expect(a.body).not.toMatch(/[\r\u3000]|，，|\(xié\)/u);
    expect(a.outlet).toBe('人民政协网');
    expect(a.keywords).toEqual(['数字经济', '余杭']);
  });
  it('gov-site-page: 发布时间/来源/作者 line, counters, font-size bar, prev/next and footer are chrome', () => {
    const [a] = ok(run('gov-site-page')).articles;
    expect(a.title).toBe('长兴县政协召开新能源产业发展专题协商会');
    expect([a.date, a.dateCertainty]).toEqual(['2023-09-14', 'stated']);
    expect(a.reporters).toEqual(['吴磊']);
    expect(a.regions.map((x) => x.code)).toEqual(['330522']);
    expect(a.body).not.toMatch(/浏览|字体|上一篇|ICP/u);
    expect(a.figures).toContainEqual({ label: '长兴县新能源产业实现产值', value: '612.5', unit: '亿元' });
  });
  it('html photo caption: the credit in parentheses becomes a photographer; a short page with one subheading is no feature', () => {
    const [a] = ok(run('html-jsonld-time')).articles;
    expect(a.photographers).toEqual(['王晓燕']);
    expect(a.kind).toBe('brief');
    expect(ok(run('html-jsonld-time')).articles[0].removed.map((r) => r.text)).toContain('首页 > 地方政协 > 正文');
  });
  it('utf8-bom: strips the BOM and reads the stated date', () => {
    const r = ok(run('utf8-bom'));
    expect(r.encoding).toBe('utf-8');
    expect(r.articles[0].title).toBe('柯桥区人大常委会视察纺织印染产业');
    expect(r.articles[0].date).toBe('2024-07-05');
  });
});

describe('nothing lost', () => {
  const inputs = [
    ...readdirSync('tests/fixtures/raw').map((f) => `tests/fixtures/raw/${f}`),
    ...readdirSync(dir).flatMap((d) => readdirSync(`${dir}/${d}`).filter((f) => f.startsWith('input.') && f.endsWith('.txt')).map((f) => `${dir}/${d}/${f}`)),
  ].sort();
  const squash = (s: string) => s.replace(/[\s\\#>—]|图：/gu, '').replace(/\ufffd/gu, '');
  for (const input of inputs) {
    it(`every line of ${input} is in a body or in removed`, () => {
      const r = importDocument(readFileSync(input), { fileName: input, registry });
      if (!r.ok) return;
      // The body is Markdown: its escapes (\\*, &lt;, &amp;) stand for the characters the page showed.
      const kept = squash(r.articles.flatMap((a) => [a.title, a.subtitle ?? '', a.body.replace(/&lt;/gu, '<').replace(/&amp;/gu, '&')]).join('\n'));
      const removed = r.articles.flatMap((a) => a.removed.map((x) => squash(x.text))).filter(Boolean);
      const decoded = decodeBytes(readFileSync(input));
      const text = decoded.ok ? decoded.text : '';
      const lost: string[] = [];
      expect(text.length).toBeGreaterThan(0);
      for (const raw of text.split(/\r?\n/u)) {
        // Repaired line minus the parts listed as removed: what is left must stand in a title or body.
        let line = squash(repairLine(raw).text);
        for (const cut of removed) line = line.split(cut).join('\u0000');
        for (const piece of line.split('\u0000')) if (piece.length >= 2 && !kept.includes(piece)) lost.push(piece.slice(0, 40));
      }
      expect(lost).toEqual([]);
    });
  }
});
