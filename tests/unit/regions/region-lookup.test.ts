/** The one region lookup (src/lib/regions/region-lookup.ts) behind npm run new, --region and the check's hints. */
import { describe, expect, it } from 'vitest';
import { lookupRegion } from '../../../src/lib/regions/region-lookup.ts';
import { resolveRegion } from '../../../src/lib/importer/overrides.ts';

describe(lookupRegion, () => {
  it('finds 钱塘 as 330114 浙江省杭州市钱塘区, by name, short name or code', () => {
    for (const q of ['钱塘', '钱塘区', '330114', ' 钱塘 ']) expect(lookupRegion(q)).toEqual({ code: '330114', name: '浙江省杭州市钱塘区' });
  });
  it('lists candidates with full names for an ambiguous name', () => {
    const found = lookupRegion('朝阳');
    expect('candidates' in found && found.candidates.map((c) => c.name)).toContain('北京市朝阳区');
  });
  it('settles an ambiguous name given with its parents', () => {
    expect(lookupRegion('北京市朝阳区')).toEqual({ code: '110105', name: '北京市朝阳区' });
    expect(lookupRegion('杭州市钱塘区')).toEqual({ code: '330114', name: '浙江省杭州市钱塘区' });
  });
  it('returns no candidates for unknown names and codes, with a did-you-mean for a near name', () => {
    expect(lookupRegion('339999')).toEqual({ candidates: [] });
    expect(lookupRegion('不存在地')).toMatchObject({ candidates: [] });
    expect(lookupRegion('钱糖区')).toEqual({ candidates: [], suggestion: '钱塘区' });
  });
  it('is the lookup npm run new and the importer share: same answer for the same words', () => {
    for (const q of ['钱塘', '义乌', '北京市朝阳区', '330782']) {
      const found = lookupRegion(q);
      expect(resolveRegion(q)).toEqual('code' in found ? found : expect.objectContaining({ error: expect.any(String) }));
    }
  });
});
