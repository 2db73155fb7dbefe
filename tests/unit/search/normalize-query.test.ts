import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normalizeQuery, splitPhrases, toHalfWidth } from '../../../src/lib/search/normalize-query.ts';

describe(toHalfWidth, () => {
  it('leaves an empty string empty', () => {
    expect(toHalfWidth('')).toBe('');
  });
  it('folds full-width letters, digits and the ideographic space', () => {
    expect(toHalfWidth('ＧＤＰ\u3000５Ｇ１２３')).toBe('GDP 5G123');
  });
  it('folds full-width ASCII punctuation (，is U+FF0C) but keeps 。“”、', () => {
    expect(toHalfWidth('（钱塘）！')).toBe('(钱塘)!');
    expect(toHalfWidth('钱塘，滨江。“电商”、')).toBe('钱塘,滨江。“电商”、');
  });
});

describe(normalizeQuery, () => {
  it('turns blank or missing input into an empty query', () => {
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery(null)).toBe('');
    expect(normalizeQuery(' \u3000\t\n ')).toBe('');
  });
  it('trims, collapses whitespace (including zero-width and no-break spaces) and lower-cases Latin letters', () => {
    expect(normalizeQuery('  钱塘\u3000\u3000ＡＩ\u00a0产业 \u200b ')).toBe('钱塘 ai 产业');
  });
  it('cuts a pasted paragraph to MAX_QUERY_LENGTH characters, counting code points', () => {
    expect([...normalizeQuery('钱'.repeat(500))]).toHaveLength(MAX_QUERY_LENGTH);
    expect(normalizeQuery('𠀀'.repeat(MAX_QUERY_LENGTH + 1))).toBe('𠀀'.repeat(MAX_QUERY_LENGTH));
  });
  it('keeps Chinese characters as typed (Traditional folding is a separate step)', () => {
    expect(normalizeQuery('錢塘')).toBe('錢塘');
  });
});

describe(splitPhrases, () => {
  it('returns no phrases for an empty query', () => {
    expect(splitPhrases('')).toEqual([]);
  });
  it('splits on whitespace and punctuation, drops quotes and repeats', () => {
    expect(splitPhrases('钱塘，数字经济 “电商” 钱塘')).toEqual(['钱塘', '数字经济', '电商']);
    expect(splitPhrases('"高质量发展"')).toEqual(['高质量发展']);
  });
});
