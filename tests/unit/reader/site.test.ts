import { describe, expect, it } from 'vitest';
import { describeReport, documentTitle, SITE_NAME } from '../../../src/lib/reader/site.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(documentTitle, () => {
  it('is just the site name on the home page', () => expect(documentTitle(SITE_NAME)).toBe('协商档案'));
  it('puts the page first, the site second', () => expect(documentTitle('钱塘区')).toBe('钱塘区 · 协商档案'));
});

describe(describeReport, () => {
  const outlets = [{ id: 'rmzxb', name: '人民政协报', kind: 'newspaper' as const }];
  it('falls back to the outlet id when the registry lacks it', () => {
    expect(describeReport(makeReport('r', { outlet: 'unknown' }), outlets)).toMatch(/^unknown2022年8月18日报道/);
  });
  it('says outlet, date in words and every place in full', () => {
    const report = makeReport('r', { date: '2022-08', regions: ['330114', '530000'] });
    expect(describeReport(report, outlets)).toBe('人民政协报2022年8月报道，地区：浙江省杭州市钱塘区、云南省。');
  });
  it('leads with the subtitle', () => {
    expect(describeReport(makeReport('r', { subtitle: '副题' }), outlets).startsWith('副题。人民政协报')).toBe(true);
  });
});
