import { describe, expect, it } from 'vitest';
import { relate, relatedReports, topRanks } from '../../../src/lib/derive/related.ts';
import { compareReportsNewestFirst } from '../../../src/lib/archive/sort.ts';
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
  it('matches a brute-force ranking on a small archive (every posting list fits the window)', () => {
    const codes = ['330114', '330108', '330183', '532301', '500117', '110105'];
    const topics = ['innovation', 'talent', 'e-commerce', 'manufacturing'];
    const words = ['企业', '产业', '协商', '电商'];
    // A fixed pseudo-random archive of 30 reports: no Math.random, so the test is repeatable.
    const pick = <T,>(xs: T[], i: number, k: number) => xs.filter((_, j) => (i * 7 + j * k) % 3 === 0);
    const reports = Array.from({ length: 30 }, (_, i) =>
      makeReport(`r${String(i).padStart(2, '0')}`, {
        date: `20${10 + (i % 7)}`,
        regions: [codes[i % codes.length]],
        topics: pick(topics, i, 5),
        keywords: pick(words, i, 11),
      }),
    );
    const sorted = [...reports].sort(compareReportsNewestFirst);
    const related = relatedReports(reports, { limit: 30 });
    for (const a of reports) {
      const brute = sorted
        .filter((b) => b.id !== a.id)
        .map((b, rank) => ({ rank, rel: relate(a, b) }))
        .filter((x) => x.rel !== null)
        .sort((x, y) => y.rel!.score - x.rel!.score || x.rank - y.rank)
        .map((x) => x.rel);
      expect(related.get(a.id), a.id).toEqual(brute);
    }
  });
});

describe(topRanks, () => {
  it('keeps the k best by score, ties by lower rank, like a full sort', () => {
    const score = Int32Array.from([3, 1, 3, 0, 5, 1, 3, 2]);
    const ranks = [7, 6, 5, 4, 3, 2, 1, 0];
    const full = [...ranks].sort((a, b) => score[b] - score[a] || a - b);
    for (const k of [1, 3, 5, 8, 10]) expect(topRanks(ranks, score, k)).toEqual(full.slice(0, k));
    expect(topRanks([], score, 3)).toEqual([]);
  });
});
