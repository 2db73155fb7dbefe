import { describe, expect, it } from 'vitest';
import { datePhraseZh, formatGbt7714, formatPlainCitation, pageNumberOf, type CitationInput } from '../../../src/lib/reader/citation.ts';

const base: CitationInput = {
  title: '钱塘江畔迎接高远未来',
  reporters: ['鲍蔓华'],
  outletName: '人民政协报',
  outletKind: 'newspaper',
  date: '2022-04-01',
  dateInferred: false,
  page: '第3版',
  url: 'https://example.org/reports/2022/x/',
};

describe(formatGbt7714, () => {
  it('cites a report with no reporter by its title first', () => {
    expect(formatGbt7714({ ...base, reporters: [] })).toBe('钱塘江畔迎接高远未来[N/OL]. 人民政协报, 2022-04-01(3). https://example.org/reports/2022/x/.');
  });
  it('lists at most three authors, then 等', () => {
    expect(formatGbt7714({ ...base, reporters: ['甲', '乙', '丙', '丁'] })).toMatch(/^甲, 乙, 丙, 等\. /);
  });
  it('brackets an inferred date, as GB/T 7714 does for supplied data', () => {
    expect(formatGbt7714({ ...base, dateInferred: true })).toContain('人民政协报, [2022-04-01](3).');
  });
  it('cites web outlets as [EB/OL] without a page number', () => {
    expect(formatGbt7714({ ...base, outletKind: 'news-site', outletName: '人民政协网' })).toBe(
      '鲍蔓华. 钱塘江畔迎接高远未来[EB/OL]. 人民政协网, 2022-04-01. https://example.org/reports/2022/x/.',
    );
  });
});

describe(formatPlainCitation, () => {
  it('names title, outlet, date in words, page, reporters and the archive URL', () => {
    expect(formatPlainCitation(base)).toBe('《钱塘江畔迎接高远未来》，人民政协报，2022年4月1日，第3版，记者鲍蔓华。协商档案：https://example.org/reports/2022/x/');
  });
  it('says when the date is inferred', () => {
    expect(formatPlainCitation({ ...base, dateInferred: true, page: undefined, date: '2022-08' })).toContain('2022年8月（日期为推定）');
  });
});

describe(pageNumberOf, () => {
  it('handles a missing page', () => expect(pageNumberOf(undefined)).toBeUndefined());
  it('keeps the printed digits', () => {
    expect(pageNumberOf('第3版')).toBe('3');
    expect(pageNumberOf('05版：要闻')).toBe('05');
  });
});

describe(datePhraseZh, () => {
  it('writes each precision without leading zeros', () => {
    expect(datePhraseZh('2022')).toBe('2022年');
    expect(datePhraseZh('2022-08')).toBe('2022年8月');
    expect(datePhraseZh('2022-08-05')).toBe('2022年8月5日');
  });
});
