/**
 * The per-page 简/繁 dictionary converts exactly as OpenCC's full data does on the page's text,
 * phrases included, while holding only a sliver of it.
 */
import { describe, expect, it } from 'vitest';
import { ConverterFactory } from 'opencc-js/core';
import fromCn from 'opencc-js/from/cn';
import toTw from 'opencc-js/to/tw';
import toHk from 'opencc-js/to/hk';
import { addEncodedKeys, addText, collectAndConvert, collectKeys, convertWith, encodePageKeys, newPageKeys, pageDictionary } from '../../../src/lib/text/script-dictionary.ts';
import { pageTexts, scriptStages } from '../../../src/lib/text/write-script-dictionaries.ts';
import { loadContentReports } from '../../helpers/content.ts';

const stages = scriptStages();
const fullTw = ConverterFactory(fromCn, toTw);
const fullHk = ConverterFactory(fromCn, toHk);

function subsetConverters(texts: string[]) {
  const keys = newPageKeys(stages);
  for (const t of texts) addText(stages, keys, t);
  const d = pageDictionary(stages, keys);
  const make = (second: string) => ConverterFactory(...[d.cn, second].filter((s) => s !== '').map((s) => [[s]]));
  return { dictionary: d, tw: make(d.tw), hk: make(d.hk) };
}

describe('per-page OpenCC dictionary', () => {
  it('collects and converts in one walk exactly as collectKeys and convertWith do apart', () => {
    const texts = ['头发和发展', '𠀾里发展的云𩽾𩾌鱼，干部干了', '後来，后来', 'a发b', '', '𠮷', ...loadContentReports().flatMap((r) => [r.data.title, ...r.body.split('\n')])];
    for (const text of texts) {
      const apart = new Set<string>();
      collectKeys(stages.cn, text, apart);
      const together = new Set<string>();
      expect(collectAndConvert(stages.cn, text, together), text).toBe(convertWith(stages.cn, text));
      expect([...together].sort(), text).toEqual([...apart].sort());
    }
  });

  it('keeps phrases: 发展→發展 and 头发→頭髮 on the same page', () => {
    const texts = ['经济发展', '理发店的头发', '这里'];
    const { tw, hk } = subsetConverters(texts);
    expect(tw('经济发展')).toBe('經濟發展');
    expect(tw('理发店的头发')).toBe(fullTw('理发店的头发'));
    expect(tw('理发店的头发')).toContain('頭髮');
    expect(tw('这里')).toBe('這裡');
    expect(hk('这里')).toBe('這裏');
  });

  it('converts every report exactly as the full dictionaries do, from a small fraction of them', () => {
    const reports = loadContentReports();
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) {
      const texts = [r.data.title, ...r.body.split('\n')];
      const { dictionary, tw, hk } = subsetConverters(texts);
      for (const t of texts) {
        expect(tw(t)).toBe(fullTw(t));
        expect(hk(t)).toBe(fullHk(t));
      }
      // OpenCC's s2t data is about 1 MB; one report needs a few kB of it.
      expect(dictionary.cn.length).toBeLessThan(40_000);
    }
  });

  it('collects text nodes, attributes and the strings of scripts the page loads (static imports only)', () => {
    const html =
      '<html><head><title>协商档案</title><script type="module" src="/_astro/a.js"></script></head>' +
      '<body><p title="发展">头发<b>里</b></p></body></html>';
    const scripts: Record<string, string> = {
      '/_astro/a.js': 'import{x}from"./b.js";import(`./big.js`);',
      '/_astro/b.js': 'const s=`已复制`;',
      '/_astro/big.js': '全部词典',
    };
    const texts = pageTexts(html, (src) => scripts[src]);
    expect(texts).toEqual(expect.arrayContaining(['协商档案', '发展', '头发', '里', scripts['/_astro/b.js']]));
    expect(texts).not.toContain('全部词典');
  });
  it('keeps a page’s keys as a short string that gives the same keys back, and refuses one that is not', () => {
    const keys = newPageKeys(stages);
    for (const report of loadContentReports()) addText(stages, keys, `${report.data.title}\n${report.body}`);
    addText(stages, keys, '𠀾里发展的云𩽾𩾌鱼，后台');
    const encoded = encodePageKeys(keys);
    const back = newPageKeys(stages);
    expect(addEncodedKeys(stages, back, encoded)).toBe(true);
    expect(pageDictionary(stages, back)).toEqual(pageDictionary(stages, keys));
    expect(encoded.length).toBeLessThan(pageDictionary(stages, keys).cn.length / 3);
    // Cut short, a byte too many, not base64, a key number past the stage's keys: refused, nothing added.
    const huge = btoa(String.fromCharCode(1, 0xff, 0xff, 0x7f, 0, 0));
    for (const bad of [encoded.slice(0, encoded.length - 8), btoa(atob(encoded) + '\u0000'), '%%%', huge]) {
      const into = newPageKeys(stages);
      expect(addEncodedKeys(stages, into, bad), bad.slice(0, 20)).toBe(false);
      expect(pageDictionary(stages, into)).toEqual({ cn: '', tw: '', hk: '' });
    }
  });
});
