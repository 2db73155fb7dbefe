import { describe, expect, it } from 'vitest';
import { sortReportsNewestFirst } from '../../../src/lib/archive/sort.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(sortReportsNewestFirst, () => {
  it('handles an empty list', () => {
    expect(sortReportsNewestFirst([])).toEqual([]);
  });
  it('puts the newest first and a precise date after the bare month that contains it', () => {
    const ids = sortReportsNewestFirst([
      makeReport('a', { date: '2022-08' }),
      makeReport('b', { date: '2022-08-18' }),
      makeReport('c', { date: '2021' }),
      makeReport('d', { date: '2025' }),
    ]).map((r) => r.id);
    expect(ids).toEqual(['d', 'b', 'a', 'c']);
  });
  it('breaks ties on id so the order is stable whatever the input order', () => {
    const one = [makeReport('z', { date: '2022-08-18' }), makeReport('m', { date: '2022-08-18' })];
    const two = [...one].reverse();
    expect(sortReportsNewestFirst(one).map((r) => r.id)).toEqual(['m', 'z']);
    expect(sortReportsNewestFirst(two).map((r) => r.id)).toEqual(['m', 'z']);
  });
  it('does not mutate its input', () => {
    const input = [makeReport('a', { date: '2020' }), makeReport('b', { date: '2024' })];
    sortReportsNewestFirst(input);
    expect(input.map((r) => r.id)).toEqual(['a', 'b']);
  });
});
