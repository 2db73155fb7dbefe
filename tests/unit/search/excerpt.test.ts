import { describe, expect, it } from 'vitest';
import { buildExcerpt, findHits } from '../../../src/lib/search/excerpt.ts';

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
