/** The editor's region picker search: Chinese names, short names, pinyin and codes (issue 16). */
import { describe, expect, it } from 'vitest';
import { searchRegions } from '../../../src/lib/regions/search.ts';

describe('searchRegions', () => {
  it('finds 钱塘区 by its short name and by toneless pinyin, with the full name', () => {
    for (const q of ['钱塘', 'qiantang', 'QianTang', '钱塘区', '330114']) expect(searchRegions(q)[0]).toEqual({ code: '330114', name: '浙江省杭州市钱塘区', level: 'county' });
  });

  it('lists every 朝阳 with its full name so the editor can tell them apart', () => {
    const hits = searchRegions('朝阳');
    expect(hits.map((h) => h.code)).toEqual(expect.arrayContaining(['110105', '220104', '211300', '211321']));
    expect(hits.find((h) => h.code === '110105')!.name).toBe('北京市朝阳区');
    expect(hits.find((h) => h.code === '220104')!.name).toBe('吉林省长春市朝阳区');
  });

  it('gives nothing for an empty query', () => {
    expect(searchRegions('  ')).toEqual([]);
  });
});
