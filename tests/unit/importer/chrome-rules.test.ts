/** Page chrome lines that copied pages carry, removed with a reason, and body lines that must stay. */
import { describe, expect, it } from 'vitest';
import { LINE_RULES } from '../../../src/lib/importer/steps/strip-chrome.ts';

const reasonOf = (text: string) => LINE_RULES.find((r) => r.test(text))?.reason;

describe('chrome line rules', () => {
  it.each([
    ['分享:', /widget/],
    ['字号：', /widget/],
    ['【字体：大 中 小】', /widget/],
    ['IMG_0265(1).jpg', /image file/],
    ['本文地址:http://www.example.com/a/3384.html', /address or reprint/],
    ['本文系作者授权发表,未经许可,不得转载。', /address or reprint/],
    ['原标题:以精准询问促履职实效 用务实举措解群众难题', /原标题/],
    ['相关内容', /related/],
  ])('removes %j', (text, reason) => {
    expect(reasonOf(text)).toMatch(reason);
  });
  it.each([
    '会上，委员们围绕分享经济、数字经济等议题建言献策。',
    '分享发展机遇，共谋合作未来',
    '区政协主席在会上指出，要把提案办理好。',
  ])('keeps the body line %j', (text) => {
    expect(reasonOf(text)).toBeUndefined();
  });
});
