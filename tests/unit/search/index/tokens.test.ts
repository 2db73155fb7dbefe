import { describe, expect, it } from 'vitest';
import { containsPhrase, followerBit, followerBitOf, foldForIndex, isHan, phraseTokens, textOccurrences, textOccurrencesTo } from '../../../../src/lib/search/index/tokens.ts';

function occurrences(text: string, start = 0): { list: [string, number, string | undefined][]; end: number } {
  const list: [string, number, string | undefined][] = [];
  const end = textOccurrences(text, start, (key, position, follower) => list.push([key, position, follower]));
  return { list, end };
}

/**
 * The units as the index read them until December 2026, with one regular expression: each Han
 * character, each run of other letters, digits and marks. The table-driven scanner in tokens.ts
 * must cut every text the same way.
 */
function regexOccurrences(text: string, start = 0): [string, number, string | undefined][] {
  const piece = /(\p{Script=Han})|((?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+)/gu;
  const units: { text: string; han: boolean; joined: boolean }[] = [];
  let end = -1;
  for (const m of foldForIndex(text).matchAll(piece)) {
    const han = m[1] !== undefined;
    units.push({ text: m[0], han, joined: han && units.length > 0 && units[units.length - 1].han && m.index === end });
    end = m.index + m[0].length;
  }
  const out: [string, number, string | undefined][] = [];
  const followerAt = (i: number) => (units[i]?.joined ? units[i].text : undefined);
  units.forEach((unit, i) => {
    out.push([unit.text, start + i, unit.han ? followerAt(i + 1) : undefined]);
    if (unit.han && units[i + 1]?.joined) out.push([unit.text + units[i + 1].text, start + i, followerAt(i + 2)]);
  });
  return out;
}

describe('textOccurrences', () => {
  it('cuts text exactly as the Unicode-property regular expression does (Han, astral Han, marks, digits, lone surrogates, full width)', () => {
    const alphabet = ['钱', '塘', '區', '𠀀', '𪚥', 'a', 'Z', 'é', 'e\u0301', '\u0301', '5', '５', 'Ｇ', '٣', 'ß', 'İ', ' ', '\n', '，', '。', '-', String.fromCharCode(0xd800), String.fromCharCode(0xdc00), '〇', '々', 'ー', 'カ', '한', '\u3000', '²', 'Ⅻ', '_'];
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % alphabet.length;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let k = 0, len = 1 + (n % 23); k < len; k++) text += alphabet[next()];
      expect(occurrences(text, n).list, JSON.stringify(text)).toEqual(regexOccurrences(text, n));
    }
  });

  it('gives the index builder the same tokens, positions and followers without strings (textOccurrencesTo)', () => {
    const alphabet = ['钱', '塘', '區', '𠀀', '𪚥', 'a', 'Z', 'é', 'e\u0301', '5', '５', 'Ｇ', ' ', '，', String.fromCharCode(0xd800), '〇', '々', 'カ'];
    let seed = 11;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % alphabet.length;
    const texts = ['钱塘区', '5G基站119家钱塘', ''];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      // Up to 2,100 characters: longer than the scanner's first scratch arrays.
      for (let k = 0, len = 1 + ((n * 37) % 2100); k < len; k++) text += alphabet[next()];
      texts.push(text);
    }
    for (const [n, text] of texts.entries()) {
      const viaSink: [string, number, string | undefined][] = [];
      const end = textOccurrencesTo(text, n, {
        han: (first, second, position, follower) => viaSink.push([String.fromCharCode(first, ...(second < 0 ? [] : [second])), position, follower < 0 ? undefined : String.fromCodePoint(follower)]),
        other: (key, position, follower) => viaSink.push([key, position, follower < 0 ? undefined : String.fromCodePoint(follower)]),
      });
      const expected = occurrences(text, n);
      expect(viaSink, JSON.stringify(text)).toEqual(expected.list);
      expect(end).toBe(expected.end);
    }
    for (const ch of ['区', '展', '𠀀']) expect(followerBitOf(ch.codePointAt(0)!)).toBe(followerBit(ch));
  });

  it('emits characters and overlapping bigrams with positions and followers (钱塘区)', () => {
    const { list, end } = occurrences('钱塘区');
    expect(list).toEqual([
      ['钱', 0, '塘'],
      ['钱塘', 0, '区'],
      ['塘', 1, '区'],
      ['塘区', 1, undefined],
      ['区', 2, undefined],
    ]);
    expect(end).toBe(3);
  });

  it('counts from `start` and returns the position after the last unit', () => {
    const { list, end } = occurrences('钱塘', 10);
    expect(list).toEqual([
      ['钱', 10, '塘'],
      ['钱塘', 10, undefined],
      ['塘', 11, undefined],
    ]);
    expect(end).toBe(12);
    expect(occurrences('', 4).end).toBe(4);
    expect(occurrences('，。！ ', 4)).toEqual({ list: [], end: 4 });
  });

  it('keeps a lone Han character as a token of its own', () => {
    expect(occurrences('区').list).toEqual([['区', 0, undefined]]);
  });

  it('treats a run of letters and digits as one unit, apart from Han (5G基站)', () => {
    expect(occurrences('5G基站').list).toEqual([
      ['5g', 0, undefined],
      ['基', 1, '站'],
      ['基站', 1, undefined],
      ['站', 2, undefined],
    ]);
  });

  it('never puts Han characters into a word run (119家钱塘)', () => {
    const { list } = occurrences('119家钱塘');
    expect(list.map(([k]) => k)).toEqual(['119', '家', '家钱', '钱', '钱塘', '塘']);
    expect(list[0]).toEqual(['119', 0, undefined]);
    expect(list.find(([k]) => k === '家钱')).toEqual(['家钱', 1, '塘']);
  });

  it('splits Han runs at punctuation and spaces, which take no position', () => {
    const { list, end } = occurrences('钱塘，区 县');
    expect(list).toEqual([
      ['钱', 0, '塘'],
      ['钱塘', 0, undefined],
      ['塘', 1, undefined],
      ['区', 2, undefined],
      ['县', 3, undefined],
    ]);
    expect(end).toBe(4);
  });

  it('folds full width and upper case (ＧＤＰ, Ｇdp → gdp)', () => {
    expect(occurrences('ＧＤＰ增长').list[0]).toEqual(['gdp', 0, undefined]);
    expect(occurrences('Ｇdp').list).toEqual([['gdp', 0, undefined]]);
    expect(foldForIndex('ＡＢＣ１２３　x')).toBe('abc123 x');
  });
});

describe('phraseTokens', () => {
  it('cuts a Han run into bigrams with the next character as follower', () => {
    expect(phraseTokens('钱塘区')).toEqual([
      { key: '钱塘', offset: 0, follower: '区' },
      { key: '塘区', offset: 1 },
    ]);
    expect(phraseTokens('高质量发展')).toEqual([
      { key: '高质', offset: 0, follower: '量' },
      { key: '质量', offset: 1, follower: '发' },
      { key: '量发', offset: 2, follower: '展' },
      { key: '发展', offset: 3 },
    ]);
  });

  it('looks up a lone character or a two-character phrase as one token', () => {
    expect(phraseTokens('区')).toEqual([{ key: '区', offset: 0 }]);
    expect(phraseTokens('钱塘')).toEqual([{ key: '钱塘', offset: 0 }]);
  });

  it('handles words next to Han characters (5G基站, 119家钱塘)', () => {
    expect(phraseTokens('5G基站')).toEqual([
      { key: '5g', offset: 0 },
      { key: '基站', offset: 1 },
    ]);
    expect(phraseTokens('119家钱塘')).toEqual([
      { key: '119', offset: 0 },
      { key: '家钱', offset: 1, follower: '塘' },
      { key: '钱塘', offset: 2 },
    ]);
    expect(phraseTokens('基站5G')).toEqual([
      { key: '基站', offset: 0 },
      { key: '5g', offset: 2 },
    ]);
  });

  it('is empty for a phrase without letters, digits or Han', () => {
    expect(phraseTokens('')).toEqual([]);
    expect(phraseTokens('，。！？ ')).toEqual([]);
  });
});

describe('followerBit and isHan', () => {
  it('gives one of eight bits, stable per character', () => {
    const bits = new Set<number>();
    for (let cp = 0x4e00; cp < 0x4e00 + 400; cp++) {
      const bit = followerBit(String.fromCodePoint(cp));
      expect([1, 2, 4, 8, 16, 32, 64, 128]).toContain(bit);
      bits.add(bit);
    }
    expect(bits.size).toBe(8);
    // Pinned: the browser reads bits the build wrote.
    expect([followerBit('区'), followerBit('展'), followerBit('塘')]).toEqual([64, 8, 8]);
  });

  it('recognises Han characters only', () => {
    expect(['钱', '𠀀', '〇'].map(isHan)).toEqual([true, true, true]);
    expect(['a', '5', '，', 'あ', '한'].map(isHan)).toEqual([false, false, false, false, false]);
  });
});

describe('containsPhrase', () => {
  it('finds a phrase in the headline or in the text', () => {
    expect(containsPhrase('钱塘区规上工业', '', '钱塘区')).toBe(true);
    expect(containsPhrase('标题', '推动钱塘区发展', '钱塘区')).toBe(true);
    expect(containsPhrase('标题', '推动钱塘区发展', '区发')).toBe(true);
    expect(containsPhrase('标题', '推动钱塘区发展', '钱')).toBe(true);
    expect(containsPhrase('标题', '推动钱塘发展', '钱塘区')).toBe(false);
  });

  it('does not accept the pieces of a phrase found apart (ab … bc is not abc)', () => {
    expect(containsPhrase('', '钱塘 塘区', '钱塘区')).toBe(false);
    expect(containsPhrase('', '钱塘新区和塘区', '钱塘区')).toBe(false);
    expect(containsPhrase('', '质量和量发展', '质量发展')).toBe(false);
    expect(containsPhrase('', '质量发展', '质量发展')).toBe(true);
  });

  it('does not let a phrase run from the headline into the text', () => {
    expect(containsPhrase('推动钱', '塘区发展', '钱塘')).toBe(false);
    expect(containsPhrase('推动钱', '塘区发展', '钱塘区')).toBe(false);
    expect(containsPhrase('推动钱塘', '区发展', '钱塘区')).toBe(false);
    expect(containsPhrase('推动钱塘区', '发展', '钱塘区')).toBe(true);
  });

  it('does not match across punctuation in the text', () => {
    expect(containsPhrase('', '钱塘，区', '钱塘区')).toBe(false);
    expect(containsPhrase('', '钱。塘', '钱塘')).toBe(false);
  });

  it('matches mixed words exactly, folded (5G基站, ＧＤＰ)', () => {
    expect(containsPhrase('', '建成5G基站300个', '5g基站')).toBe(true);
    expect(containsPhrase('', '建成5G基站300个', '5G基站')).toBe(true);
    expect(containsPhrase('', '地区ＧＤＰ增长', 'gdp增长')).toBe(true);
    // A word is a whole run: 5g does not match inside 5g5 or 15g.
    expect(containsPhrase('', '建成15G基站', '5g基站')).toBe(false);
    expect(containsPhrase('', '119家钱塘企业', '119家')).toBe(true);
    expect(containsPhrase('', '1119家钱塘企业', '119家')).toBe(false);
  });

  it('is false for an empty or punctuation-only phrase', () => {
    expect(containsPhrase('钱塘', '钱塘', '')).toBe(false);
    expect(containsPhrase('钱塘', '钱塘', '，')).toBe(false);
  });
});
