import { describe, expect, it } from 'vitest';
import { charsWithTrailByte, realignShiftedRun, repairShiftedGbk } from '../../../src/lib/text/mojibake.ts';

describe(repairShiftedGbk, () => {
  it('leaves clean text alone', () => expect(repairShiftedGbk('協(xié)商')).toEqual({ text: '協(xié)商', repaired: [] }));
  it('restores a character whose lead byte was lost, named by the next annotation', () => {
    expect(repairShiftedGbk('多舉措?yún)f(xié)調(diào)').text).toBe('多舉措協調(diào)');
  });
  it('re-reads a run decoded one byte off when jieba knows the word', () => {
    expect(repairShiftedGbk('需要我們?nèi)翰呷毫,共謀').text).toBe('需要我們群策群力,共謀');
  });
  it('leaves what it cannot be sure of (a whole character lost)', () => {
    expect(repairShiftedGbk('領(lǐng)域?qū)<抑髦v的').repaired).toEqual([]);
  });
});

describe(charsWithTrailByte, () => {
  it('finds 協 from trail byte f (0x66) and xié', () => expect(charsWithTrailByte('f', 'xié')).toEqual(['協']));
});

describe(realignShiftedRun, () => {
  it('refuses odd byte counts', () => expect(realignShiftedRun('', '毫', '')).toBeUndefined());
});
