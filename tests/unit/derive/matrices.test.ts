import { describe, expect, it } from 'vitest';
import { matrixCells, topicRegionMatrix, topicYearMatrix } from '../../../src/lib/derive/matrices.ts';
import { makeReport } from '../helpers/make-report.ts';

describe(topicRegionMatrix, () => {
  it('is empty for no reports', () => {
    expect(topicRegionMatrix([])).toEqual({ rowKeys: [], colKeys: [], cells: [] });
  });
  it('counts a report once per topic and province, at the chosen level', () => {
    const reports = [
      makeReport('a', { topics: ['innovation', 'e-commerce'], regions: ['330114', '330108'] }),
      makeReport('b', { topics: ['innovation'], regions: ['532300'] }),
    ];
    const m = topicRegionMatrix(reports);
    expect(m.rowKeys).toEqual(['innovation', 'e-commerce']);
    expect(m.colKeys).toEqual(['330000', '530000']);
    expect(m.cells).toEqual([
      [1, 1],
      [1, 0],
    ]);
    expect(topicRegionMatrix(reports, 'county').colKeys).toEqual(['330108', '330114']);
  });
});

describe(topicYearMatrix, () => {
  it('orders years oldest first and flattens with zeros', () => {
    const m = topicYearMatrix([makeReport('a', { topics: ['x'], date: '2025' }), makeReport('b', { topics: ['x'], date: '2022-01' })]);
    expect(m.colKeys).toEqual(['2022', '2025']);
    expect(matrixCells(m)).toEqual([
      { row: 'x', col: '2022', count: 1 },
      { row: 'x', col: '2025', count: 1 },
    ]);
  });
  it('keeps a single report without topics out of the rows', () => {
    expect(topicYearMatrix([makeReport('a')])).toEqual({ rowKeys: [], colKeys: ['2022'], cells: [] });
  });
});
