import { describe, expect, it } from 'vitest';
import { parseSearchState, searchHref, searchStateToParams } from '../../../src/lib/search/search-url.ts';

describe(parseSearchState, () => {
  it('reads an empty query string as no query, no filters, relevance', () => {
    expect(parseSearchState(new URLSearchParams(''))).toEqual({ q: '', filters: {}, sort: 'relevance' });
  });
  it('reads repeated facets, ignores unknown parameters, blank and repeated values', () => {
    const state = parseSearchState(new URLSearchParams('q=%20钱塘%20%20电商&topic=数字经济&topic=电子商务&topic=数字经济&evil=1&year=&sort=date'));
    expect(state).toEqual({ q: '钱塘 电商', filters: { topic: ['数字经济', '电子商务'] }, sort: 'date' });
  });
});

describe(searchStateToParams, () => {
  it('writes facets in registry order with sorted values, and sort only when it is not the default', () => {
    const params = searchStateToParams({ q: '钱塘', filters: { year: ['2025', '2022'], province: ['浙江省'] }, sort: 'relevance' });
    expect(params.toString()).toBe(new URLSearchParams('q=钱塘&province=浙江省&year=2022&year=2025').toString());
  });
  it('round-trips through parseSearchState', () => {
    const state = { q: '高质量发展', filters: { district: ['杭州市钱塘区'], kind: ['消息'] }, sort: 'date' as const };
    expect(parseSearchState(searchStateToParams(state))).toEqual(state);
  });
});

describe(searchHref, () => {
  it('is /search/ for an empty state and carries filters for pre-filtered links', () => {
    expect(searchHref({})).toBe('/search/');
    expect(searchHref({ filters: { topic: ['数字经济'] } })).toBe(`/search/?topic=${encodeURIComponent('数字经济')}`);
  });
});
