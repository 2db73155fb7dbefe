/** `npm run new` and `npm run import` name the same report the same way (one report path). */
import { describe, expect, it } from 'vitest';
import { reportSkeleton } from '../../../src/lib/check/skeleton.ts';
import type { ArticleRecord } from '../../../src/lib/importer/index.ts';
import { reportPath as importPath } from '../../../src/lib/importer/report-file.ts';

describe('one report path for new and import', () => {
  it.each([
    ['2022-08-24', '钱塘区规上工业增加值增长百分之十二点五，民营企业贡献突出'],
    ['2025', '以政协之力服务高质量发展'],
    ['2022-04', 'Web3.0与数字经济：区政协专题协商'],
  ])('%s %s', (date, title) => {
    const fromNew = reportSkeleton({ date, title, regions: ['330114'], outlet: 'hzrb', topics: [], kind: 'news' }).path;
    const fromImport = `content/reports/${importPath({ date, title } as ArticleRecord)}`;
    expect(fromImport).toBe(fromNew);
  });
});
