import { describe, expect, it } from 'vitest';
import { regionSearchFilters, reportSearchData } from '../../../src/lib/search/build/report-search-data.ts';
import type { Report } from '../../../src/lib/archive/types.ts';

const report = (data: Partial<Report['data']>): Report =>
  ({ id: 'x', data: { date: '2022-08', outlet: 'hzrb', kind: 'news', regions: [], topics: [], ...data } }) as Report;
const outlets = [{ id: 'hzrb', name: '杭州日报' }] as never[];
const topics = [{ id: 'digital-economy', name: '数字经济' }] as never[];

describe(reportSearchData, () => {
  it('gives year, kind and outlet even without regions or topics', () => {
    const data = reportSearchData(report({}), outlets, topics);
    expect(data.filters).toMatchObject({ province: [], city: [], district: [], topic: [], year: ['2022'], kind: ['消息'], outlet: ['杭州日报'] });
  });
  it('names districts with their city, and a municipality as its own city', () => {
    const data = reportSearchData(report({ regions: ['330114', '500117'], topics: ['digital-economy'] }), outlets, topics);
    expect(data.filters.province).toEqual(['浙江省', '重庆市']);
    expect(data.filters.city).toEqual(['杭州市', '重庆市']);
    expect(data.filters.district).toEqual(['杭州市钱塘区', '重庆市合川区']);
    expect(data.filters.topic).toEqual(['数字经济']);
    expect(data.meta.region).toBe('浙江省杭州市钱塘区');
  });
  it('files a city-level report under its province and city only', () => {
    const data = reportSearchData(report({ regions: ['640100', '640000'] }), outlets, topics);
    expect(data.filters.province).toEqual(['宁夏回族自治区']);
    expect(data.filters.city).toEqual(['银川市']);
    expect(data.filters.district).toEqual([]);
  });
});

describe(regionSearchFilters, () => {
  it('is empty for an unknown code', () => {
    expect(regionSearchFilters('999999')).toEqual({});
  });
  it('selects a province, a city, or a district named with its city, as reports are filed', () => {
    expect(regionSearchFilters('330000')).toEqual({ province: ['浙江省'] });
    expect(regionSearchFilters('330100')).toEqual({ city: ['杭州市'] });
    expect(regionSearchFilters('330114')).toEqual({ district: ['杭州市钱塘区'] });
    expect(regionSearchFilters('500117')).toEqual({ district: ['重庆市合川区'] });
    const filed = reportSearchData(report({ regions: ['500117'] }), outlets, topics).filters.district;
    expect(filed).toEqual(regionSearchFilters('500117').district);
  });
});
