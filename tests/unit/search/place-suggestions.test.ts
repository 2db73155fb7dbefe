import { describe, expect, it } from 'vitest';
import { namesPlace, placeSuggestions } from '../../../src/lib/search/browser/place-suggestions.ts';

describe(namesPlace, () => {
  it('never matches one character or an empty phrase', () => {
    expect(namesPlace('杭州市钱塘区', '')).toBe(false);
    expect(namesPlace('杭州市钱塘区', '区')).toBe(false);
  });
  it('matches a place named with or without its suffix, only at the end', () => {
    expect(namesPlace('杭州市钱塘区', '钱塘')).toBe(true);
    expect(namesPlace('杭州市钱塘区', '钱塘区')).toBe(true);
    expect(namesPlace('云南省', '云南')).toBe(true);
    expect(namesPlace('楚雄彝族自治州', '楚雄彝族')).toBe(true);
    expect(namesPlace('杭州市钱塘区', '杭州')).toBe(false);
    expect(namesPlace('杭州市钱塘区', '塘区')).toBe(false);
  });
});

describe(placeSuggestions, () => {
  it('suggests nothing without counts', () => {
    expect(placeSuggestions(['钱塘'], {}, {})).toEqual([]);
  });
  it('offers matching districts, cities and provinces with reports, not those already selected', () => {
    const counts = { district: { 杭州市钱塘区: 2, 杭州市滨江区: 1 }, city: { 杭州市: 3 }, province: { 浙江省: 3 } };
    expect(placeSuggestions(['钱塘'], counts, {})).toEqual([{ facet: 'district', value: '杭州市钱塘区', count: 2 }]);
    expect(placeSuggestions(['杭州'], counts, {})).toEqual([{ facet: 'city', value: '杭州市', count: 3 }]);
    expect(placeSuggestions(['钱塘'], counts, { district: ['杭州市钱塘区'] })).toEqual([]);
    expect(placeSuggestions(['钱塘'], { district: { 杭州市钱塘区: 0 } }, {})).toEqual([]);
  });
});
