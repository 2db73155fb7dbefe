/**
 * Numbers and their units as unbreakable pieces: on a phone a narrow table cell may otherwise
 * break 2024年 into 2024 / 年 or 220万平方米 into 220万平 / 方米 (CJK text may break between any
 * two characters). Pure: the component wraps the `keep` pieces in a no-wrap span.
 */

/** Characters that read as part of a quantity after a number: units, magnitudes, date parts. */
const UNIT = '年月日号时分秒个家项名条篇元角万亿千百十米方平公里吨斤克升人次户座所件台处批场期届余多%‰度倍岁周天亩辆只位';
const QUANTITY = new RegExp(`[-+]?\\d+(?:[.,，]\\d+)*(?:[${UNIT}]{1,6})?`, 'gu');

export interface Piece {
  text: string;
  /** True for a number with its unit, which must stay on one line. */
  keep: boolean;
}

/** `text` cut into pieces; numbers with their units are `keep` pieces, the rest is free text. */
export function keepQuantitiesTogether(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(QUANTITY)) {
    // A lone digit without a unit cannot be split anyway.
    if (m[0].length < 2) continue;
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), keep: false });
    pieces.push({ text: m[0], keep: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), keep: false });
  return pieces;
}
