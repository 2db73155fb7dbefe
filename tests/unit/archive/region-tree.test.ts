import { describe, expect, it } from 'vitest';
import { buildRegionTree } from '../../../src/lib/archive/region-tree.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(buildRegionTree, () => {
  it('is empty for no reports', () => {
    const { roots, index } = buildRegionTree([]);
    expect(roots).toEqual([]);
    expect(index.size).toBe(0);
  });
  it('files a district report under its city and province', () => {
    const { roots, index } = buildRegionTree([makeReport('qt', { regions: ['330114'] })]);
    expect(roots.map((r) => r.code)).toEqual(['330000']);
    expect(roots[0].children.map((c) => c.code)).toEqual(['330100']);
    expect(roots[0].children[0].children.map((c) => c.code)).toEqual(['330114']);
    expect(index.get('330100')?.reportIds).toEqual(['qt']);
    expect(index.get('330100')?.directReportIds).toEqual([]);
    expect(index.get('330114')?.directReportIds).toEqual(['qt']);
  });
  it('counts a report naming two districts of one city once for the city', () => {
    const { index } = buildRegionTree([makeReport('two', { regions: ['330114', '330108'] })]);
    expect(index.get('330100')?.reportIds).toEqual(['two']);
    expect(index.get('330000')?.reportIds).toEqual(['two']);
    expect(index.get('330100')?.children.map((c) => c.code)).toEqual(['330108', '330114']);
  });
  it('puts municipality districts directly under the municipality', () => {
    const { roots } = buildRegionTree([makeReport('hc', { regions: ['500117'] })]);
    expect(roots[0].code).toBe('500000');
    expect(roots[0].children.map((c) => c.code)).toEqual(['500117']);
  });
  it('keeps input order in report lists and sorts provinces by code', () => {
    const { roots, index } = buildRegionTree([
      makeReport('new', { regions: ['532300'] }),
      makeReport('old', { regions: ['330782'] }),
      makeReport('older', { regions: ['330000'] }),
    ]);
    expect(roots.map((r) => r.code)).toEqual(['330000', '530000']);
    expect(index.get('330000')?.reportIds).toEqual(['old', 'older']);
    expect(index.get('330000')?.directReportIds).toEqual(['older']);
  });
});
