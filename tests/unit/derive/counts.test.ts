import { describe, expect, it } from 'vitest';
import {
  countByBody,
  countByCity,
  countByDistrict,
  countByKind,
  countByMonth,
  countByOutlet,
  countByProvince,
  countByTopic,
  countByYear,
  tally,
} from '../../../src/lib/derive/counts.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(tally, () => {
  it('gives no rows and nothing unassigned for no reports', () => {
    expect(tally([], (r) => [r.id])).toEqual({ rows: [], counted: 0, unassigned: 0 });
  });
  it('counts a single report once even when a key repeats', () => {
    expect(tally([makeReport('a', { topics: ['x', 'x'] })], (r) => r.data.topics)).toEqual({
      rows: [{ key: 'x', count: 1 }],
      counted: 1,
      unassigned: 0,
    });
  });
  it('breaks count ties on the key, whatever the input order', () => {
    const reports = [makeReport('a', { topics: ['z'] }), makeReport('b', { topics: ['m'] }), makeReport('c', { topics: ['z', 'm', 'q'] })];
    const expected = ['m', 'z', 'q'];
    expect(tally(reports, (r) => r.data.topics).rows.map((r) => r.key)).toEqual(expected);
    expect(tally([...reports].reverse(), (r) => r.data.topics).rows.map((r) => r.key)).toEqual(expected);
  });
});

describe(countByYear, () => {
  it('counts partial dates by year, oldest first', () => {
    const t = countByYear([makeReport('a', { date: '2025' }), makeReport('b', { date: '2022-08' }), makeReport('c', { date: '2022-04-01' })]);
    expect(t.rows).toEqual([
      { key: '2022', count: 2 },
      { key: '2025', count: 1 },
    ]);
  });
});

describe(countByMonth, () => {
  it('leaves year-only dates unassigned', () => {
    const t = countByMonth([makeReport('a', { date: '2025' }), makeReport('b', { date: '2022-08' }), makeReport('c', { date: '2022-08-01' })]);
    expect(t.rows).toEqual([{ key: '2022-08', count: 2 }]);
    expect(t.unassigned).toBe(1);
  });
});

describe(countByProvince, () => {
  it('counts a report once per province even with several places in it', () => {
    const t = countByProvince([
      makeReport('a', { regions: ['330114', '330108'] }),
      makeReport('b', { regions: ['330100'] }),
      makeReport('c', { regions: ['532300'] }),
    ]);
    expect(t.rows).toEqual([
      { key: '330000', count: 2 },
      { key: '530000', count: 1 },
    ]);
  });
});

describe(countByCity, () => {
  it('counts two districts of one city once for the city, and leaves province-only reports unassigned', () => {
    const t = countByCity([makeReport('a', { regions: ['330114', '330108'] }), makeReport('b', { regions: ['330000'] })]);
    expect(t.rows).toEqual([{ key: '330100', count: 1 }]);
    expect(t.unassigned).toBe(1);
  });
  it('gives municipal districts no city (they sit directly under 北京市)', () => {
    expect(countByCity([makeReport('a', { regions: ['110105'] })]).rows).toEqual([]);
  });
});

describe(countByDistrict, () => {
  it('counts each listed district', () => {
    const t = countByDistrict([makeReport('a', { regions: ['330114', '330108'] }), makeReport('b', { regions: ['330114'] })]);
    expect(t.rows).toEqual([
      { key: '330114', count: 2 },
      { key: '330108', count: 1 },
    ]);
  });
});

describe(countByTopic, () => {
  it('counts reports without topics as unassigned', () => {
    const t = countByTopic([makeReport('a'), makeReport('b', { topics: ['innovation'] })]);
    expect(t).toEqual({ rows: [{ key: 'innovation', count: 1 }], counted: 1, unassigned: 1 });
  });
});

describe(countByKind, () => {
  it('counts every report exactly once', () => {
    const t = countByKind([makeReport('a', { kind: 'news' }), makeReport('b', { kind: 'speech' }), makeReport('c', { kind: 'news' })]);
    expect(t.rows).toEqual([
      { key: 'news', count: 2 },
      { key: 'speech', count: 1 },
    ]);
    expect(t.unassigned).toBe(0);
  });
});

describe(countByOutlet, () => {
  it('ties break on the outlet id', () => {
    const t = countByOutlet([makeReport('a', { outlet: 'rmzxw' }), makeReport('b', { outlet: 'hzrb' })]);
    expect(t.rows.map((r) => r.key)).toEqual(['hzrb', 'rmzxw']);
  });
});

describe(countByBody, () => {
  it('counts a report about 政协 and 人大 for both', () => {
    const t = countByBody([makeReport('a', { bodies: ['cppcc', 'congress'] }), makeReport('b', { bodies: ['cppcc'] })]);
    expect(t.rows).toEqual([
      { key: 'cppcc', count: 2 },
      { key: 'congress', count: 1 },
    ]);
  });
});
