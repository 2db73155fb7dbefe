/** joinBrokenLines: a line the scraper cut inside an open quote joins the next one instead of becoming a caption. */
import { describe, expect, it } from 'vitest';
import { joinBrokenLines } from '../../../src/lib/importer/steps/read-fields.ts';

const para = (text: string, n: number) => ({ text, n, kind: 'para' as const });

describe(joinBrokenLines, () => {
  it('joins a line that ends inside an open quote', () => {
    expect(joinBrokenLines([para('“南开区域文化内涵挖掘利用不够、文旅消费地标品牌引领', 1), para('力不强。”蔡玉胜委员说。', 2)]).map((l) => l.text)).toEqual(['“南开区域文化内涵挖掘利用不够、文旅消费地标品牌引领力不强。”蔡玉胜委员说。']);
  });
  it('leaves a short line with balanced quotes alone (a caption or heading)', () => {
    expect(joinBrokenLines([para('开展“三联三促”活动', 1), para('日前，宿迁市政协开展活动。', 2)])).toHaveLength(2);
  });
});
