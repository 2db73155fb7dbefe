import { describe, expect, it } from 'vitest';
import { chineseNumeralDate } from '../../../src/lib/dates/chinese-numerals.ts';

describe(chineseNumeralDate, () => {
  it.each([
    ['二〇一一年一月十日', '2011-01-10'],
    ['(二0一一年一月十日)', '2011-01-10'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['一九九九年十月二十一日', '1999-10-21'],
    ['二〇二〇年五月', '2020-05'],
  ])('reads %j as %s', (text, date) => expect(chineseNumeralDate(text)).toBe(date));
  it.each(['二〇一一年十三月一日', '二〇一一年一月三十二日', '一年一月', '二十年', '二〇一一年十十月一日'])('refuses %j', (text) => expect(chineseNumeralDate(text)).toBeUndefined());
});
