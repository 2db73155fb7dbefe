import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/lib/importer/decode.ts';
import { parseByline, readLead } from '../../../src/lib/importer/steps/read-byline.ts';
import { inferYear } from '../../../src/lib/importer/steps/read-date.ts';
import { pickTitle } from '../../../src/lib/importer/steps/read-fields.ts';
import { homeRegions, pickRegions, scoreRegions } from '../../../src/lib/importer/steps/find-regions.ts';
import { segmentArticles } from '../../../src/lib/importer/steps/split-articles.ts';
import { stripInline } from '../../../src/lib/importer/steps/strip-chrome.ts';
import { pinyinSlug } from '../../../src/lib/archive/report-path.ts';
import type { Line } from '../../../src/lib/importer/types.ts';

const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ text, n: i + 1, kind: 'para' }));
const codes = (headline: string, body: string) => pickRegions(scoreRegions(headline, '', body)).map((s) => s.region.code);

describe(decodeBytes, () => {
  it('reports empty input', () => expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'the file is empty' }));
  it('reads GBK and Big5 by detection', () => {
    const text = '政协委员围绕民营经济高质量发展建言献策，提出意见建议十二条。';
    expect(decodeBytes(iconv.encode(text, 'gbk'))).toMatchObject({ ok: true, encoding: 'gbk', text });
    const hant = '政協委員圍繞民營經濟高質量發展建言獻策，提出意見建議十二條。';
    expect(decodeBytes(iconv.encode(hant, 'big5'))).toMatchObject({ ok: true, encoding: 'big5', text: hant });
  });
  it('strips a UTF-8 BOM', () => expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toMatchObject({ ok: true, text: 'A', bom: true }));
});

describe(parseByline, () => {
  it('splits reporters and correspondents by their labels', () => {
    expect(parseByline('(记者 吕金平 通讯员 李茜茜 赵学志)')).toEqual({ reporters: ['吕金平'], correspondents: ['李茜茜', '赵学志'] });
    expect(parseByline('(通讯员 刘颖 记者 张原 李宇馨)')).toEqual({ reporters: ['张原', '李宇馨'], correspondents: ['刘颖'] });
    expect(parseByline('记者 史俊杰 钱塘微融圈 糜利萍')).toEqual({ reporters: ['史俊杰'], correspondents: ['糜利萍'] });
  });
});

describe(readLead, () => {
  const lead = (text: string) => readLead({ text, n: 1, kind: 'para' });
  it('reads a dateline with the byline in parentheses', () => {
    expect(lead('人民政协网杭州4月1日电 (记者 鲍蔓华)连续两年')).toMatchObject({ outlet: '人民政协网', place: '杭州', month: 4, day: 1, rest: '连续两年' });
  });
  it('reads a bare byline after 本报讯 and keeps the body', () => {
    const r = lead('本报讯 记者 张三 通讯员 李四 近日，某区政协召开会议。');
    expect(r.rest).toBe('近日，某区政协召开会议。');
    expect(parseByline(r.byline ?? '')).toEqual({ reporters: ['张三'], correspondents: ['李四'] });
  });
  it('reads a 文/ byline line', () => {
    const r = lead('文/王五');
    expect(r.rest).toBe('');
    expect(parseByline(r.byline ?? '').reporters).toEqual(['王五']);
  });
  it('reads datelines without a place or a day, and 消息 forms', () => {
    expect(lead('台海网10月11日讯 (通讯员 郭扬 记者 焦修博)日前，云霄县')).toMatchObject({ outlet: '台海网', month: 10, day: 11, rest: '日前，云霄县' });
    expect(lead('中国菏泽网消息(记者 张慧)9月11日')).toMatchObject({ outlet: '中国菏泽网', byline: '(记者 张慧)', rest: '9月11日' });
    expect(lead('长乐新闻网讯 1月27日，区政协')).toMatchObject({ outlet: '长乐新闻网', rest: '1月27日，区政协' });
    expect(lead('台湾网10月21日烟台消息 日前，')).toMatchObject({ outlet: '台湾网', place: '烟台', month: 10, day: 21 });
    expect(lead('本报杭州1月25日讯 今天上午')).toMatchObject({ outlet: '本报', place: '杭州', month: 1, day: 25 });
    expect(lead('新华社北京10月1日电 国庆')).toMatchObject({ outlet: '新华社', place: '北京' });
  });
  it('leaves ordinary text alone', () => {
    expect(lead('委员们建议加快发展。')).toEqual({ rest: '委员们建议加快发展。' });
    expect(lead('大会消息称，委员们建议加快发展。')).toEqual({ rest: '大会消息称，委员们建议加快发展。' });
  });
});

describe(pickTitle, () => {
  it('reads kicker, title and subtitle; a —— line is the subtitle', () => {
    expect(pickTitle(['引题', '主题', '副题'])).toEqual({ kicker: '引题', title: '主题', subtitle: '副题' });
    expect(pickTitle(['商量，让商圈更有味道', '——槐荫区政协小记'])).toEqual({ title: '商量，让商圈更有味道', subtitle: '槐荫区政协小记', kicker: undefined });
  });
});

describe(inferYear, () => {
  it('takes the latest year, one more when that year is told as past and the text says 今年', () => {
    expect(inferYear('今年开局后……在2021年，区政协召开了协商会。', '')?.year).toBe(2022);
    expect(inferYear('2024年，政协聚焦产业。2025年，政协已启动调研。', '')?.year).toBe(2025);
    expect(inferYear('没有年份', '')).toBeUndefined();
  });
});

describe(segmentArticles, () => {
  it('keeps a page with one article whole', () => expect(segmentArticles(lines('标题', '本报讯(记者 王磊)正文。'))).toHaveLength(1));
  it('reads a byline line above a dateline as one article (e-paper)', () => {
    expect(segmentArticles(lines('新代表取经', '记者 方力', '本报杭州1月25日讯 今天上午，省人大会议开幕。', '代表们热议报告。'))).toHaveLength(1);
  });
  it('splits at 本报讯 and gives a trailing headline back to the article it follows', () => {
    const page = lines(
      '甲市政协调研电商产业',
      '本报讯(记者 王磊)甲市政协近日调研电商产业，委员们走访了多家电商企业，提出意见建议。',
      '本报讯(记者 李明)乙县政协组织委员视察乡村振兴工作，委员们察看了多个农业园区，提出了建议。',
      '乙县政协视察乡村振兴工作',
      '丙区政协协商营商环境',
      '本报讯(记者 赵强)丙区政协召开营商环境专题协商会，委员们围绕优化营商环境建言献策。',
    );
    expect(segmentArticles(page).map((s) => s.headline.map((l) => l.text))).toEqual([['甲市政协调研电商产业'], ['乙县政协视察乡村振兴工作'], ['丙区政协协商营商环境']]);
  });
});

describe(pickRegions, () => {
  it('finds nothing in text without places', () => expect(codes('标题', '没有地名的正文。')).toEqual([]));
  it('resolves a district by the city named nearby', () => expect(codes('鼓楼区政协召开协商会', '南京市鼓楼区政协近日召开协商会。鼓楼区委书记出席。')).toEqual(['320106']));
  it('does not take 钱塘江 for 钱塘区 or 高兴和 for 兴和县', () => expect(codes('滨江区政协', '杭州市滨江区政协很高兴和企业一起，汇入钱塘江。滨江区政协')).toEqual(['330108']));
  it('reads 政协第八届宁海县委员会 as the subject', () => expect(codes('', '今天，政协第八届宁海县委员会第五次会议开幕了。县政协继往开来。')).toEqual(['330226']));
  it('leaves out where visitors are posted (驻德州市…干部)', () => expect(codes('驻德州市挂职干部来调研', '驻德州市挂职干部一行来调研。')).toEqual([]));
  it('takes a town to its county when the text settles which (祁山镇 and 平里镇 → 祁门县)', () => {
    expect(codes('祁山镇人大：履职接地气', '祁山镇人大组织代表前往平里镇茶叶基地视察。')).toEqual(['341024']);
    // 祁山镇 is in 祁门县 (安徽) and in 礼县 (甘肃): alone it says neither.
    expect(codes('祁山镇人大：履职接地气', '祁山镇人大组织代表视察。')).toEqual([]);
  });
  it('takes Taiwan localities to 710000, the only code GB/T 2260 has', () => expect(codes('台北市万华区凶宅将拍卖', '位于台北市万华区的房子将拍卖。')).toEqual(['710000']));
  it('counts a short city name said again and again as a word of its own', () => expect(codes('外媒眼中的长假', '外媒关注武汉。武汉很热闹。在武汉，游客很多。')).toEqual(['420100']));
});

describe('regions named only by the outlet (区政协, 我市, 省人大)', () => {
  const home = (outlet: string, headline: string, body: string) => pickRegions(scoreRegions(headline, '', body, homeRegions([outlet]))).map((s) => s.region.code);
  it('gives 区政协 the district of 谢家集区人民政府', () => expect(home('谢家集区人民政府', '区政协重点提案协商会召开', '区委书记出席，区政协主席主持。')).toEqual(['340404']));
  it('gives 我市 and 市人大 the city of 中国菏泽网', () => expect(home('中国菏泽网', '挂职干部来菏调研', '一行来我市调研。市人大常委会副主任参加。')).toEqual(['371700']));
  it('gives 省人大 the province of 浙江日报', () => expect(home('浙江日报', '新代表取经', '省十二届人大一次会议开幕。')).toEqual(['330000']));
  it('does not read 社区 or 园区 as the district', () => expect(home('谢家集区人民政府', '社区委员会', '园区委员会和社区委员会开会。')).toEqual([]));
  it('needs the outlet to name a place', () => expect(home('人民政协网', '区政协协商会召开', '区委书记出席，区政协主席主持。')).toEqual([]));
});

describe(stripInline, () => {
  it('cuts a paywall notice out of a line and records it', () => {
    const r = stripInline({ text: '加快构 ……(快文网省略888字，正式会员可完整阅读)…… (三)要深化', n: 2, kind: 'para' });
    expect(r.parts).toEqual(['加快构……', '(三)要深化']);
    expect(r.removed[0].reason).toBe('paywall notice');
  });
});

describe(pinyinSlug, () => {
  it('spells the first words in pinyin', () => expect(pinyinSlug('钱塘江畔迎接高远未来')).toBe('qian-tang-jiang-pan-ying-jie-gao-yuan'));
});
