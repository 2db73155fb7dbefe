import { describe, expect, it } from 'vitest';
import { calendarDayIn, isFutureDate, readDate } from '../../../src/lib/check/dates.ts';
import { parseReportFileName, pinyinSlug, reportPath } from '../../../src/lib/archive/report-path.ts';
import { classifyPath } from '../../../src/lib/check/layout.ts';
import { formatFieldPath, sortProblems, type Problem } from '../../../src/lib/check/problem.ts';
import { nearbyRegionCodes, regionCandidates, rewriteDate } from '../../../src/lib/check/suggest.ts';
import { suggestEntry } from '../../../src/lib/taxonomy/registry-lookup.ts';

describe(calendarDayIn, () => {
  it('uses the day in China, whatever the machine zone', () => {
    // 2026-11-23 20:30 UTC is already 24 November in Beijing.
    expect(calendarDayIn(new Date(Date.UTC(2026, 10, 23, 20, 30)))).toBe('2026-11-24');
    expect(calendarDayIn(new Date(Date.UTC(2026, 10, 23, 15, 59)))).toBe('2026-11-23');
    expect(calendarDayIn(new Date(Date.UTC(2026, 10, 23, 12)), 'Pacific/Kiritimati')).toBe('2026-11-24');
  });
});

describe(isFutureDate, () => {
  it('compares partial dates by their earliest day', () => {
    expect(isFutureDate('2026-11-24', '2026-11-23')).toBe(true);
    expect(isFutureDate('2026-11-23', '2026-11-23')).toBe(false);
    expect(isFutureDate('2026-11', '2026-11-23')).toBe(false);
    expect(isFutureDate('2026-12', '2026-11-23')).toBe(true);
    expect(isFutureDate('2027', '2026-11-23')).toBe(true);
  });
});

describe(readDate, () => {
  it('reads YAML dates, years and strings; rejects the rest', () => {
    expect(readDate(new Date(Date.UTC(2022, 3, 1)))).toBe('2022-04-01');
    expect(readDate(2022)).toBe('2022');
    expect(readDate('2022-02-30')).toBeUndefined();
  });
});

describe(pinyinSlug, () => {
  it('writes toneless pinyin, one syllable per hyphen, capped', () => {
    expect(pinyinSlug('钱塘江畔迎接高远未来')).toBe('qian-tang-jiang-pan-ying-jie-gao-yuan');
    expect(pinyinSlug('区政协召开2022年第1次会议')).toBe('qu-zheng-xie-zhao-kai-2022-nian-di');
    expect(pinyinSlug('一二三四五六七八九十一二三四')).toBe('yi-er-san-si-wu-liu-qi-ba');
    expect(pinyinSlug('！！')).toBe('report');
  });
  it('puts the file in its year folder', () => {
    expect(reportPath('2022-08', '南开特色产业')).toBe('content/reports/2022/2022-08-nan-kai-te-se-chan-ye.md');
  });
});

describe(parseReportFileName, () => {
  it('splits date and slug at any precision', () => {
    expect(parseReportFileName('2022-08-nan-kai.md')).toEqual({ date: '2022-08', slug: 'nan-kai' });
    expect(parseReportFileName('2022-wen-zheng.md')).toEqual({ date: '2022', slug: 'wen-zheng' });
    expect(parseReportFileName('2022-04-01-a.md')).toEqual({ date: '2022-04-01', slug: 'a' });
    expect(parseReportFileName('Nan-Kai.md')).toBeNull();
  });
});

describe(classifyPath, () => {
  it('knows registries, reports, images and hidden files', () => {
    expect(classifyPath('content/topics.yaml').role).toBe('registry');
    expect(classifyPath('content/reports/2022/2022-x.md').role).toBe('report');
    expect(classifyPath('content/reports/2022/photo.jpg').role).toBe('asset');
    expect(classifyPath('content/reports/2022/.DS_Store').role).toBe('ignored');
    expect(classifyPath('content/reports/2022/a.svg').problems[0].code).toBe('unsupported-file');
  });
});

describe(suggestEntry, () => {
  const topics = [
    { id: 'private-economy', name: '民营经济' },
    { id: 'e-commerce', name: '电子商务' },
  ];
  it('matches near ids and near Chinese names', () => {
    expect(suggestEntry('民营经纪', topics)?.id).toBe('private-economy');
    expect(suggestEntry('ecommerce', topics)?.id).toBe('e-commerce');
    expect(suggestEntry('乡村振兴', topics)).toBeUndefined();
  });
});

describe(regionCandidates, () => {
  it('lists full names for a short name', () => {
    expect(regionCandidates('钱塘')).toEqual(['330114 浙江省杭州市钱塘区']);
  });
  it('lists every candidate for an ambiguous name', () => {
    expect(regionCandidates('朝阳').length).toBeGreaterThan(1);
  });
});

describe(nearbyRegionCodes, () => {
  it('offers codes one digit away', () => {
    expect(nearbyRegionCodes('330124')).toContain('330114 浙江省杭州市钱塘区');
    expect(nearbyRegionCodes('abc')).toEqual([]);
  });
});

describe(rewriteDate, () => {
  it('rewrites Chinese and slashed dates', () => {
    expect(rewriteDate('2022年4月1日')).toBe('2022-04-01');
    expect(rewriteDate('2022/4/1')).toBe('2022-04-01');
    expect(rewriteDate('2022年8月')).toBe('2022-08');
    expect(rewriteDate('去年')).toBeUndefined();
  });
});

describe(formatFieldPath, () => {
  it('writes list indexes in brackets', () => {
    expect(formatFieldPath(['figures', 0, 'value'])).toBe('figures[0].value');
    expect(formatFieldPath([])).toBe('');
  });
});

describe(sortProblems, () => {
  it('orders by file in code-point order, then line', () => {
    const p = (file: string, line: number): Problem => ({ severity: 'error', code: 'bom', file, line, message: '' });
    expect(sortProblems([p('b', 1), p('a', 9), p('a', 2)]).map((x) => `${x.file}${x.line}`)).toEqual(['a2', 'a9', 'b1']);
  });
});
