/**
 * Type-ahead search over the gazetteer for the editor's region picker: 钱塘, 朝阳 or `qiantang`
 * find 浙江省杭州市钱塘区 and its namesakes, by Chinese name, short name, toneless pinyin or code
 * prefix. The picker stores the code; the full name is only what the editor reads.
 */
import { pinyin } from 'pinyin-pro';
import { allRegions, fullRegionName, shortRegionName, type Region } from './gazetteer.ts';

export interface RegionHit {
  code: string;
  /** Full name down from the province, e.g. 浙江省杭州市钱塘区. */
  name: string;
  level: Region['level'];
}

interface Indexed {
  region: Region;
  short: string;
  /** Toneless pinyin of the name without spaces: qiantangqu. */
  pinyin: string;
  /** Of the short name: qiantang. */
  shortPinyin: string;
}

let index: Indexed[] | undefined;

function build(): Indexed[] {
  return allRegions().map((region) => {
    const short = shortRegionName(region.name);
    const py = (s: string) => pinyin(s, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();
    return { region, short, pinyin: py(region.name), shortPinyin: py(short) };
  });
}

/**
 * Regions matching `query`, best first: exact name or short name, then names starting with it,
 * then names containing it; within each, province before prefecture before county, then by code.
 */
export function searchRegions(query: string, limit = 20): RegionHit[] {
  const q = query.trim().toLowerCase().replace(/\s+/gu, '');
  if (!q) return [];
  index ??= build();
  const scored: { entry: Indexed; score: number }[] = [];
  for (const entry of index) {
    const { region, short } = entry;
    let score = -1;
    if (/^\d+$/u.test(q)) score = region.code.startsWith(q) ? (region.code === q ? 0 : 1) : -1;
    else if (region.name === q || short === q || entry.shortPinyin === q || entry.pinyin === q) score = 0;
    else if (region.name.startsWith(q) || entry.pinyin.startsWith(q)) score = 1;
    else if (region.name.includes(q)) score = 2;
    if (score >= 0) scored.push({ entry, score });
  }
  const order = { province: 0, city: 1, county: 2 } as const;
  scored.sort((a, b) => a.score - b.score || order[a.entry.region.level] - order[b.entry.region.level] || a.entry.region.code.localeCompare(b.entry.region.code));
  return scored.slice(0, limit).map(({ entry }) => ({ code: entry.region.code, name: fullRegionName(entry.region.code), level: entry.region.level }));
}
