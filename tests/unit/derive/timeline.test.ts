import { describe, expect, it } from 'vitest';
import { buildTimeline, groupTimeline, recentTimeline, reportTimelineEntries, timelineOfYear, timelineYearCounts } from '../../../src/lib/derive/timeline.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(buildTimeline, () => {
  it('is empty for no reports', () => {
    expect(buildTimeline([])).toEqual([]);
    expect(groupTimeline([])).toEqual([]);
  });
  it('merges report dates and events oldest first, events before reports on the same date', () => {
    const entries = buildTimeline([
      makeReport('b', { date: '2022-04-01', events: [{ date: '2022-04-01', label: '召开会议' }, { date: '2021', label: '成立' }] }),
      makeReport('a', { date: '2022-04-01' }),
    ]);
    expect(entries.map((e) => [e.date, e.kind, e.reportId])).toEqual([
      ['2021', 'event', 'b'],
      ['2022-04-01', 'event', 'b'],
      ['2022-04-01', 'report', 'a'],
      ['2022-04-01', 'report', 'b'],
    ]);
  });
  it('gives events their own region and the report certainty', () => {
    const [own, event] = reportTimelineEntries(
      makeReport('a', { dateCertainty: 'inferred', dateNote: 'x', regions: ['330114'], events: [{ date: '2022-03', label: 'e', region: '330108' }] }),
    );
    expect([own.certainty, own.precision, own.regions]).toEqual(['inferred', 'day', ['330114']]);
    expect([event.certainty, event.precision, event.regions]).toEqual(['inferred', 'month', ['330108']]);
  });
});

describe(groupTimeline, () => {
  it('groups by year then month, year-only entries first in their year', () => {
    const groups = groupTimeline(
      buildTimeline([makeReport('a', { date: '2022-08-03' }), makeReport('b', { date: '2022' }), makeReport('c', { date: '2022-01' }), makeReport('d', { date: '2020-08-01' })]),
    );
    expect(groups.map((y) => [y.year, y.months.map((m) => [m.month, m.entries.map((e) => e.reportId)])])).toEqual([
      [2020, [[8, ['d']]]],
      [2022, [[null, ['b']], [1, ['c']], [8, ['a']]]],
    ]);
  });
  it('handles a single report', () => {
    const groups = groupTimeline(buildTimeline([makeReport('a', { date: '2019' })]));
    expect(groups).toHaveLength(1);
    expect(groups[0].months[0].month).toBeNull();
  });
});

describe(recentTimeline, () => {
  it('keeps the newest entries, oldest first, and all of a short timeline', () => {
    const entries = buildTimeline(['2020', '2021', '2022', '2023'].map((date) => makeReport(date, { date })));
    expect(recentTimeline(entries, 2).map((e) => e.date)).toEqual(['2022', '2023']);
    expect(recentTimeline(entries, 10)).toHaveLength(4);
    expect(recentTimeline([], 2)).toEqual([]);
  });
});

describe(timelineYearCounts, () => {
  it('counts entries per year, oldest first, and nothing for an empty timeline', () => {
    const entries = buildTimeline([
      makeReport('a', { date: '2022-08-18', events: [{ date: '2021-03', label: '启动' }] }),
      makeReport('b', { date: '2022' }),
    ]);
    expect(timelineYearCounts(entries)).toEqual([
      { year: 2021, count: 1 },
      { year: 2022, count: 2 },
    ]);
    expect(timelineYearCounts([])).toEqual([]);
  });
});

describe(timelineOfYear, () => {
  it('keeps one year, year-only entries before dated ones', () => {
    const entries = buildTimeline([makeReport('a', { date: '2022-08-18' }), makeReport('b', { date: '2022' }), makeReport('c', { date: '2021' })]);
    expect(timelineOfYear(entries, 2022).map((e) => e.date)).toEqual(['2022', '2022-08-18']);
    expect(timelineOfYear(entries, 2030)).toEqual([]);
  });
});
