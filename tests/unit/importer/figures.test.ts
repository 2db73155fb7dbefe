/** find-figures.ts: labels from the clause before a number, or the noun after it when the clause does not name the thing. */
import { describe, expect, it } from 'vitest';
import { findFiguresIn, improveLabel } from '../../../src/lib/importer/steps/find-figures.ts';

describe(improveLabel, () => {
  it('keeps a clause that names the thing', () => expect(improveLabel('钱塘区规上工业战略性新兴产业增加值', '，同比增长')).toBe('钱塘区规上工业战略性新兴产业增加值'));
  it('completes an open clause with the noun after the number', () => {
    expect(improveLabel('关于产业的', '提案')).toBe('关于产业的提案');
    expect(improveLabel('在区政协十届三次会议收到的', '提案中')).toBe('区政协十届三次会议收到的提案');
  });
  it('takes the noun alone after a list, examples (等) or another number', () => {
    expect(improveLabel('60公里生态海岸线和', '江海湿地')).toBe('江海湿地');
    expect(improveLabel('浙江解纷码等', '省市系统')).toBe('省市系统');
    expect(improveLabel('', '生态海岸线和77平方公里')).toBe('生态海岸线');
  });
});

describe(findFiguresIn, () => {
  it('reads figures with labels, and skips amounts that only size a noun (10亿元以上企业)', () => {
    expect(findFiguresIn('富阳有汽车产业相关规模以上企业73家，其中年产值10亿元以上企业5家。').map((f) => `${f.value}${f.unit}`)).toEqual(['73家', '5家']);
    expect(findFiguresIn('拥有60公里生态海岸线和77平方公里江海湿地。')).toEqual([
      { label: '生态海岸线', value: '60', unit: '公里' },
      { label: '江海湿地', value: '77', unit: '平方公里' },
    ]);
  });
});
