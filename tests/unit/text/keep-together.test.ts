import { describe, expect, it } from 'vitest';
import { keepQuantitiesTogether } from '../../../src/lib/text/keep-together.ts';

describe(keepQuantitiesTogether, () => {
  it('keeps a number with its unit and leaves the rest free', () => {
    expect(keepQuantitiesTogether('平台归集人口数据（截至2022年7月初）')).toEqual([
      { text: '平台归集人口数据（截至', keep: false },
      { text: '2022年', keep: true },
      { text: '7月', keep: true },
      { text: '初）', keep: false },
    ]);
    expect(keepQuantitiesTogether('创新平台面积220万平方米')).toEqual([
      { text: '创新平台面积', keep: false },
      { text: '220万平方米', keep: true },
    ]);
    expect(keepQuantitiesTogether('增长15.6%')).toEqual([{ text: '增长', keep: false }, { text: '15.6%', keep: true }]);
    expect(keepQuantitiesTogether('没有数字')).toEqual([{ text: '没有数字', keep: false }]);
  });
});
