import { describe, expect, it } from 'vitest';
import { groupByTopic, groupByYear, groupReports } from '../../../src/lib/archive/group.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(groupReports, () => {
  it('returns no groups for no reports', () => {
    expect(groupReports([], (r) => [r.id])).toEqual([]);
  });
  it('counts a report once per key even if the key repeats', () => {
    const groups = groupReports([makeReport('a', { topics: ['x', 'x'] })], (r) => r.data.topics);
    expect(groups).toHaveLength(1);
    expect(groups[0].reports.map((r) => r.id)).toEqual(['a']);
  });
});

describe(groupByYear, () => {
  it('groups partial dates by year, newest year first, keeping input order inside', () => {
    const groups = groupByYear([
      makeReport('a', { date: '2022-08-18' }),
      makeReport('b', { date: '2025' }),
      makeReport('c', { date: '2022-04' }),
    ]);
    expect(groups.map((g) => [g.key, g.reports.map((r) => r.id)])).toEqual([
      ['2025', ['b']],
      ['2022', ['a', 'c']],
    ]);
  });
});

describe(groupByTopic, () => {
  it('files a report under each of its topics', () => {
    const groups = groupByTopic([makeReport('a', { topics: ['e-commerce', 'innovation'] }), makeReport('b')]);
    expect(groups.map((g) => g.key)).toEqual(['e-commerce', 'innovation']);
  });
});
