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
    ['浙江日报 数字报纸', /masthead/],
    ['(二0一一年一月十日)', /Chinese numerals/],
    ['00005版:省两会特别报道·新民生', /e-paper page/],
    ['第A03版：要闻', /e-paper page/],
    ['浙江日报 省两会特别报道·新民生 00005 新代表取经 2013-01-26 2891449 2 2013年01月26日 星期六', /e-paper index/],
  ])('removes %j', (text, reason) => {
    expect(reasonOf(text)).toMatch(reason);
  });
  it.each([
    '会上，委员们围绕分享经济、数字经济等议题建言献策。',
    '分享发展机遇，共谋合作未来',
    '区政协主席在会上指出，要把提案办理好。',
    '2023年全区生产总值 1234 亿元 增长 5800 万元',
    '5版面',
    '一年一月',
  ])('keeps the body line %j', (text) => {
    expect(reasonOf(text)).toBeUndefined();
  });
});
