import { describe, expect, it } from 'vitest';
import { buildExcerpt, findHits, highlight, joinLines } from '../../../src/lib/search/browser/excerpt.ts';

describe(findHits, () => {
  it('finds nothing in empty text or for no phrases', () => {
    expect(findHits('', ['钱塘'])).toEqual([]);
    expect(findHits('钱塘', [])).toEqual([]);
  });
  it('returns every occurrence, overlapping hits merged', () => {
    expect(findHits('钱塘区钱塘江', ['钱塘'])).toEqual([[0, 2], [3, 5]]);
    expect(findHits('数字经济', ['数字', '字经'])).toEqual([[0, 3]]);
  });
});

describe(buildExcerpt, () => {
  it('starts at the beginning when nothing matches', () => {
    expect(buildExcerpt('短文', ['钱塘'])).toEqual([{ text: '短文', hit: false }]);
  });
  it('marks the hits inside a window around the first one, with ellipses at cut ends', () => {
    const text = `${'甲'.repeat(100)}钱塘${'乙'.repeat(100)}`;
    const pieces = buildExcerpt(text, ['钱塘'], 40);
    expect(pieces[0]).toEqual({ text: '…', hit: false });
    expect(pieces.filter((p) => p.hit)).toEqual([{ text: '钱塘', hit: true }]);
    expect(pieces.at(-1)).toEqual({ text: '…', hit: false });
    expect(pieces.map((p) => p.text).join('').length).toBe(42);
  });
});

describe('excerpts and headlines (issue 20 item 7)', () => {
  it('joins the lines of a page without a space next to Chinese text, one space between Latin words', () => {
    expect(joinLines('第一段。\n此外，第二段')).toBe('第一段。此外，第二段');
    expect(joinLines('推进 5G\n网络')).toBe('推进5G网络');
    expect(joinLines('GDP\n growth')).toBe('GDP growth');
    expect(buildExcerpt('第一段。\n此外钱塘', ['钱塘']).map((p) => p.text).join('')).toBe('第一段。此外钱塘');
  });
  it('never cuts a hit at the end of the window', () => {
    // Window of 12: starts 3 before 钱塘 (at 7) and would end at 19, inside 高质量发展 (15–20).
    const pieces = buildExcerpt(`${'甲'.repeat(10)}钱塘${'乙'.repeat(3)}高质量发展${'丙'.repeat(30)}`, ['钱塘', '高质量发展'], 12);
    expect(pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['钱塘', '高质量发展']);
    expect(pieces.at(-1)).toEqual({ text: '…', hit: false });
  });
  it('highlights every hit in a headline', () => {
    expect(highlight('钱塘江畔看钱塘', ['钱塘'])).toEqual([
      { text: '钱塘', hit: true },
      { text: '江畔看', hit: false },
      { text: '钱塘', hit: true },
    ]);
    expect(highlight('无关标题', ['钱塘'])).toEqual([{ text: '无关标题', hit: false }]);
  });
});
