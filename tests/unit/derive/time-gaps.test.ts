import { describe, expect, it } from 'vitest';
import { fillTimeGaps } from '../../../src/lib/derive/counts.ts';

describe(fillTimeGaps, () => {
  it('puts the empty years and months between as zero rows, across a year end', () => {
    expect(fillTimeGaps([{ key: '2022', count: 12 }, { key: '2025', count: 1 }]).map((r) => `${r.key}:${r.count}`)).toEqual(['2022:12', '2023:0', '2024:0', '2025:1']);
    expect(fillTimeGaps([{ key: '2022-11', count: 2 }, { key: '2023-02', count: 1 }]).map((r) => r.key)).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
  });
  it('leaves other keys alone', () => {
    expect(fillTimeGaps([{ key: 'zhejiang', count: 2 }, { key: '2025', count: 1 }])).toEqual([{ key: 'zhejiang', count: 2 }, { key: '2025', count: 1 }]);
  });
});
