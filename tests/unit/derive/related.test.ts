import { describe, expect, it } from 'vitest';
import { relate, relatedReports } from '../../../src/lib/derive/related.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(relate, () => {
  it('scores the hierarchy: a shared district is also a shared city and province', () => {
    const r = relate(makeReport('a', { regions: ['330114'] }), makeReport('b', { regions: ['330114'] }));
    expect(r).toMatchObject({ score: 3, sharedRegions: ['330114'] });
    const city = relate(makeReport('a', { regions: ['330114'] }), makeReport('b', { regions: ['330108'] }));
    expect(city).toMatchObject({ score: 2, sharedRegions: ['330100'] });
  });
  it('adds 2 per shared topic and 1 per shared keyword, and is null when nothing is shared', () => {
    const r = relate(
      makeReport('a', { regions: ['532300'], topics: ['innovation', 'talent'], keywords: ['企业'] }),
      makeReport('b', { regions: ['330114'], topics: ['innovation'], keywords: ['企业', '产业'] }),
    );
    expect(r).toMatchObject({ score: 3, sharedRegions: [], sharedTopics: ['innovation'], sharedKeywords: ['企业'] });
    expect(relate(makeReport('a', { regions: ['532300'] }), makeReport('b', { regions: ['330114'] }))).toBeNull();
  });
});

describe(relatedReports, () => {
  it('is empty for no reports and for a single report', () => {
    expect(relatedReports([]).size).toBe(0);
    expect(relatedReports([makeReport('a')]).get('a')).toEqual([]);
  });
  it('ranks by score, then newest first, then id, whatever the input order', () => {
    const reports = [
      makeReport('x', { regions: ['330114'], topics: ['innovation'] }),
      makeReport('c', { regions: ['330108'], date: '2020' }),
      makeReport('b', { regions: ['330108'], date: '2021' }),
      makeReport('a', { regions: ['330108'], date: '2021' }),
      makeReport('d', { regions: ['330114'], topics: ['innovation'] }),
    ];
    const expected = ['d', 'a', 'b', 'c'];
    expect(relatedReports(reports).get('x')!.map((r) => r.id)).toEqual(expected);
    expect(relatedReports([...reports].reverse()).get('x')!.map((r) => r.id)).toEqual(expected);
    expect(relatedReports(reports, { limit: 2 }).get('x')!.map((r) => r.id)).toEqual(['d', 'a']);
  });
  it('never lists a report as related to itself', () => {
    const related = relatedReports([makeReport('a'), makeReport('b')]);
    expect(related.get('a')!.map((r) => r.id)).toEqual(['b']);
  });
  it('with a small window still finds the nearest sharers of a crowded feature', () => {
    const reports = Array.from({ length: 20 }, (_, i) => makeReport(`r${String(i).padStart(2, '0')}`, { date: `20${10 + i}` }));
    const related = relatedReports(reports, { window: 2, limit: 10 });
    // Newest first r19, r18 …: r10 sees its two neighbours on each side in date order.
    expect(related.get('r10')!.map((r) => r.id)).toEqual(['r12', 'r11', 'r09', 'r08']);
  });
});
