import { describe, expect, it } from 'vitest';
import { deriveArchiveIndex, indexEntries } from '../../../src/lib/derive/archive-index.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(deriveArchiveIndex, () => {
  it('handles an empty archive', () => {
    const index = deriveArchiveIndex([]);
    expect(index.reports).toEqual([]);
    expect(index.counts.year.rows).toEqual([]);
    expect(index.timeline).toEqual([]);
    expect(index.timelineByRegion.size).toBe(0);
  });
  it('files region timelines under every place above, and topic timelines per topic', () => {
    const index = deriveArchiveIndex([
      makeReport('a', { regions: ['330114'], topics: ['innovation'], events: [{ date: '2021', label: '在云南', region: '532300' }] }),
      makeReport('b', { regions: ['330108'], date: '2020' }),
    ]);
    const ids = (code: string) => index.timelineByRegion.get(code)?.map((e) => `${e.reportId}:${e.kind}`);
    expect(ids('330000')).toEqual(['b:report', 'a:report']);
    expect(ids('330114')).toEqual(['a:report']);
    expect(ids('530000')).toEqual(['a:event']);
    expect(index.timelineByTopic.get('innovation')!.map((e) => e.kind)).toEqual(['event', 'report']);
  });
  it('gives the same result for any input order', () => {
    const reports = [makeReport('a', { topics: ['x'] }), makeReport('b', { topics: ['x'], date: '2021' }), makeReport('c', { regions: ['532300'] })];
    const forward = deriveArchiveIndex(reports);
    const backward = deriveArchiveIndex([...reports].reverse());
    expect(backward.counts).toEqual(forward.counts);
    expect([...backward.related]).toEqual([...forward.related]);
    expect(backward.timeline).toEqual(forward.timeline);
  });
});

describe(indexEntries, () => {
  it('lists an entry once per key', () => {
    expect(indexEntries([{ k: ['a', 'a', 'b'] }], (e) => e.k).get('a')).toHaveLength(1);
  });
});
