import { describe, expect, it } from 'vitest';
import { countByMonth, countByProvince, countByTopic, countByYear } from '../../../src/lib/derive/counts.ts';
import { regionLabel } from '../../../src/lib/derive/labels.ts';
import { summarizeCountTable, summarizeTimeTable } from '../../../src/lib/derive/summaries.ts';
import { makeReport } from '../helpers/make-report.ts';

const provinces = { dimension: '个省份', noun: '省份', label: regionLabel };

describe(summarizeCountTable, () => {
  it('says so when there is nothing to count', () => {
    expect(summarizeCountTable(countByProvince([]), provinces)).toBe('暂无报道。');
    expect(summarizeCountTable(countByTopic([makeReport('a')]), { dimension: '个主题', noun: '主题', label: (k) => k })).toBe('1篇报道均未标注主题。');
  });
  it('names the single region of a single report', () => {
    expect(summarizeCountTable(countByProvince([makeReport('a')]), provinces)).toBe('1篇报道涉及1个省份。');
  });
  it('names the top and the runner-up, ties together in code order', () => {
    const reports = [
      makeReport('a', { regions: ['330114'] }),
      makeReport('b', { regions: ['532300'] }),
      makeReport('c', { regions: ['110105'] }),
      makeReport('d', { regions: ['330108'] }),
      makeReport('e', { regions: ['532300'] }),
    ];
    expect(summarizeCountTable(countByProvince(reports), provinces)).toBe('5篇报道涉及3个省份。并列最多的是浙江省、云南省（各2篇），其次是北京市（1篇）。');
  });
});

describe(summarizeTimeTable, () => {
  it('gives the span, the peak and the year-only reports', () => {
    const reports = [makeReport('a', { date: '2022-04' }), makeReport('b', { date: '2022-04-02' }), makeReport('c', { date: '2023-01' }), makeReport('d', { date: '2023' })];
    const label = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
    expect(summarizeTimeTable(countByMonth(reports), { label, noun: '月份' })).toBe('3篇报道，从2022年4月到2023年1月。最多的是2022年4月（2篇）。另有1篇只知年份，不计入月份。');
    expect(summarizeTimeTable(countByYear([reports[0]]), { label: (y) => `${y}年`, noun: '年份' })).toBe('1篇报道，都在2022年。');
  });
});

describe(regionLabel, () => {
  it('qualifies districts by their city, and municipal districts by the municipality', () => {
    expect(regionLabel('330114')).toBe('杭州市钱塘区');
    expect(regionLabel('110105')).toBe('北京市朝阳区');
    expect(regionLabel('330000')).toBe('浙江省');
    expect(regionLabel('999999')).toBe('999999');
  });
});
