import { describe, expect, it } from 'vitest';
import { neighboursInRegion } from '../../../src/lib/reader/prev-next.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(neighboursInRegion, () => {
  it('is undefined for an unknown id', () => {
    expect(neighboursInRegion([], 'nope')).toBeUndefined();
  });
  it('has no neighbours when the report is alone in its province', () => {
    const only = makeReport('a', { regions: ['330114'] });
    const elsewhere = makeReport('b', { regions: ['530000'] });
    expect(neighboursInRegion([only, elsewhere], 'a')).toEqual({ region: '330114', older: undefined, newer: undefined });
  });
  it('walks up to the nearest place with other reports when its own has none', () => {
    const qiantang = makeReport('qiantang', { regions: ['330114'], date: '2022-08-24' });
    const binjiang = makeReport('binjiang', { regions: ['330108'], date: '2022-04-01' });
    const jiaxing = makeReport('jiaxing', { regions: ['330400'], date: '2022-09' });
    expect(neighboursInRegion([qiantang, binjiang, jiaxing], 'qiantang')).toEqual({ region: '330100', older: binjiang, newer: undefined });
    expect(neighboursInRegion([qiantang, jiaxing], 'qiantang')).toEqual({ region: '330000', older: undefined, newer: jiaxing });
  });
  it('walks the first region and the places below it, in date order whatever the input order', () => {
    const city = makeReport('city', { regions: ['330100'], date: '2022-05-01' });
    const district = makeReport('district', { regions: ['330114'], date: '2022-03-01' });
    const older = makeReport('older', { regions: ['330108'], date: '2021' });
    const province = makeReport('province', { regions: ['330000'], date: '2022-04-01' });
    const n = neighboursInRegion([older, district, province, city], 'city');
    expect(n?.region).toBe('330100');
    expect(n?.newer).toBeUndefined();
    expect(n?.older?.id).toBe('district');
    // Reports about wider areas (the city) or a sibling district are not "in 钱塘区"; 钱塘区 has
    // no other report, so the walk moves up to 杭州市, where the sibling district's report is.
    expect(neighboursInRegion([older, district, province, city], 'district')).toEqual({ region: '330100', newer: city, older });
  });
  it('breaks ties on the same date by id, like every list', () => {
    const a = makeReport('2022/a', { date: '2022-08' });
    const b = makeReport('2022/b', { date: '2022-08' });
    const c = makeReport('2022/c', { date: '2022-08' });
    const n = neighboursInRegion([c, a, b], '2022/b');
    expect([n?.newer?.id, n?.older?.id]).toEqual(['2022/a', '2022/c']);
  });
  it('counts a report once when it names the region twice', () => {
    const twice = makeReport('twice', { regions: ['330114', '330100'], date: '2022-02-01' });
    const here = makeReport('here', { regions: ['330114'], date: '2022-03-01' });
    expect(neighboursInRegion([twice, here], 'here')?.older?.id).toBe('twice');
  });
});
