/** find-events.ts: dated happenings with short labels from the text; years only when the article's date settles them. */
import { describe, expect, it } from 'vitest';
import { findEventsIn, shortenPlaces } from '../../../src/lib/importer/steps/find-events.ts';

const AUG_2022 = { year: 2022, month: 8, stated: false };

describe(findEventsIn, () => {
  it('takes the year from the article for 月日 dates and one clause as the label, places shortened', () => {
    expect(findEventsIn('……8月17日，云南省楚雄彝族自治州政协2022年经济运行恳谈会召开，与会政协委员围桌而坐。', AUG_2022)).toEqual([{ date: '2022-08-17', label: '楚雄州政协2022年经济运行恳谈会召开' }]);
  });
  it('keeps a stated year and month, and needs no article date for it', () => {
    expect(findEventsIn('2021年3月，钱塘科学城正式启动建设，依托华东最大高教园区。', undefined)).toEqual([{ date: '2021-03', label: '钱塘科学城正式启动建设' }]);
  });
  it('leaves out 月日 dates whose year is in doubt: no article date, or a month after the article’s', () => {
    expect(findEventsIn('8月17日，楚雄州政协经济运行恳谈会召开。', undefined)).toEqual([]);
    expect(findEventsIn('11月3日，楚雄州政协经济运行恳谈会召开。', AUG_2022)).toEqual([]);
    expect(findEventsIn('11月3日，楚雄州政协经济运行恳谈会召开。', { year: 2022, stated: false })).toEqual([]);
  });
  it('a bare year needs an act (召开, 启动 …): names, periods and narrative are no events', () => {
    expect(findEventsIn('早在2022年富阳召开全区产业强区大会，会上提出要坚定不移实施产业强区主战略。', undefined)).toEqual([{ date: '2022', label: '富阳召开全区产业强区大会' }]);
    expect(findEventsIn('2022年是党的二十大召开之年。楚雄州政协2022年经济运行恳谈会召开。2021年以来，钱塘区召开会议。', undefined)).toEqual([]);
    expect(findEventsIn('2024年，富阳政协进一步聚焦产业强区主战略。', undefined)).toEqual([]);
  });
  it('joins the next clause when it names the act (在2021年，X围绕…，召开了…)', () => {
    expect(findEventsIn('在2021年，滨江区政协围绕推进高端制造业发展，召开了常委会专题议政性协商会。', undefined)).toEqual([{ date: '2021', label: '滨江区政协围绕推进高端制造业发展，召开了常委会专题议政性协商会' }]);
  });
  it('puts the actor from the start of the sentence in front of a clause that opens with the act', () => {
    expect(findEventsIn('市政协第一时间与市工商联、残联等部门沟通，8月9日，举办“余快协商·企业家局长面对面”专题协商座谈会，邀请相关部门参与。', AUG_2022)).toEqual([{ date: '2022-08-09', label: '市政协举办“余快协商·企业家局长面对面”专题协商座谈会' }]);
  });
  it('turns “召开的 X” into “X 召开” and “自6月开展以来” into “开展”', () => {
    expect(findEventsIn('在今年召开的区政协十七届一次会议期间，区政协经济委提交了提案。', AUG_2022)).toEqual([{ date: '2022', label: '区政协十七届一次会议召开' }]);
    expect(findEventsIn('专项行动自6月开展以来，市县两级政协联动。', AUG_2022)).toEqual([{ date: '2022-06', label: '专项行动开展' }]);
  });
  it('日前/近日 take the article’s month only when its day is stated, else its year; 去年 is the year before', () => {
    const text = '日前，宿迁市政协赴政协委员企业开展“三联三促”活动。';
    expect(findEventsIn(text, AUG_2022)).toEqual([{ date: '2022', label: '宿迁市政协赴政协委员企业开展“三联三促”活动' }]);
    expect(findEventsIn(text, { year: 2022, month: 8, day: 24, stated: true })[0].date).toBe('2022-08');
    expect(findEventsIn('去年底，市第十五次党代会提出数字化改革。', AUG_2022)).toEqual([{ date: '2021', label: '市第十五次党代会提出数字化改革' }]);
  });
});

describe(shortenPlaces, () => {
  it('drops places that only lead to a nearer one, and shortens 自治州', () => {
    expect(shortenPlaces('陕西省宝鸡市陇县政协组织委员')).toBe('陇县政协组织委员');
    expect(shortenPlaces('宁夏回族自治区政协组织委员')).toBe('宁夏回族自治区政协组织委员');
    expect(shortenPlaces('云南省楚雄彝族自治州政协')).toBe('楚雄州政协');
  });
});
