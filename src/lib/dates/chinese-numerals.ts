/**
 * Dates written in Chinese numerals, as speeches and official documents print them:
 * 二〇一一年一月十日, 二0一一年十二月三十一日 (a Latin 0 for 〇 is common in copied text).
 * Years are digit by digit; months and days are counted (十, 十二, 二十一, 三十).
 */
const DIGITS: Record<string, number> = { '〇': 0, '零': 0, '0': 0, '○': 0, 'Ｏ': 0, 'O': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };
const DIGIT = '[〇零0○ＯO一二三四五六七八九]';
const COUNT = '[一二三四五六七八九十]{1,3}';

export const CHINESE_NUMERAL_DATE = new RegExp(`(${DIGIT}{4})年(${COUNT})月(?:(${COUNT})日)?`, 'u');

/** 十 → 10, 十二 → 12, 二十一 → 21, 三十 → 30; undefined for anything else. */
function count(text: string): number | undefined {
  const m = text.match(/^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u);
  if (!m || (!m[2] && m[3])) return undefined;
  if (!m[2]) return m[1] ? DIGITS[m[1]] : undefined;
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[3] ? DIGITS[m[3]] : 0);
}

/** The date in `text` as YYYY-MM-DD (or YYYY-MM without a day), or undefined when there is none or it is impossible. */
export function chineseNumeralDate(text: string): string | undefined {
  const m = text.match(CHINESE_NUMERAL_DATE);
  if (!m) return undefined;
  const year = Number([...m[1]].map((c) => DIGITS[c]).join(''));
  const month = count(m[2]);
  const day = m[3] === undefined ? undefined : count(m[3]);
  if (year < 1900 || year > 2100 || !month || month > 12 || (m[3] !== undefined && (!day || day > 31))) return undefined;
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  return day ? `${ym}-${String(day).padStart(2, '0')}` : ym;
}
