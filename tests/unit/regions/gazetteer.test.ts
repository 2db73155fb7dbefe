import { describe, expect, it } from 'vitest';
import {
  findRegionsByName,
  fullRegionName,
  isKnownRegionCode,
  isWithin,
  levelOfCode,
  shortRegionName,
} from '../../../src/lib/regions/gazetteer.ts';

describe(isKnownRegionCode, () => {
  it('knows divisions created in 2021 (钱塘区) and rejects made-up codes', () => {
    expect(isKnownRegionCode('330114')).toBe(true);
    expect(isKnownRegionCode('339999')).toBe(false);
    expect(isKnownRegionCode('')).toBe(false);
  });
});

describe(fullRegionName, () => {
  it('joins province, city and district, without doubling municipalities', () => {
    expect(fullRegionName('330114')).toBe('浙江省杭州市钱塘区');
    expect(fullRegionName('500117')).toBe('重庆市合川区');
    expect(fullRegionName('999999')).toBe('');
  });
});

describe(levelOfCode, () => {
  it('reads the level from the code shape', () => {
    expect(levelOfCode('330000')).toBe('province');
    expect(levelOfCode('330100')).toBe('city');
    expect(levelOfCode('330114')).toBe('county');
  });
});

describe(shortRegionName, () => {
  it('drops the administrative suffix but never below two characters', () => {
    expect(shortRegionName('钱塘区')).toBe('钱塘');
    expect(shortRegionName('楚雄彝族自治州')).toBe('楚雄');
    expect(shortRegionName('宁夏回族自治区')).toBe('宁夏');
    expect(shortRegionName('陇县')).toBe('陇县');
  });
});

describe(findRegionsByName, () => {
  it('finds 钱塘 as 钱塘区 and ranks higher levels first for ambiguous names', () => {
    expect(findRegionsByName('钱塘').map((r) => r.code)).toContain('330114');
    const nankai = findRegionsByName('南开区').map((r) => r.code);
    expect(nankai).toContain('120104');
    expect(findRegionsByName('')).toEqual([]);
  });
});

describe(isWithin, () => {
  it('is true for the region itself and its ancestors only', () => {
    expect(isWithin('330114', '330114')).toBe(true);
    expect(isWithin('330114', '330000')).toBe(true);
    expect(isWithin('330114', '320000')).toBe(false);
  });
});
