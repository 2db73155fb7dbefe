/**
 * "Did you mean the place?": when a phrase names a province, city or district without its suffix
 * (钱塘 for 杭州市钱塘区), offer that facet value, so a reader can narrow from "mentions 钱塘" to
 * "filed under 钱塘区". Works on the facet values the index returns; no gazetteer in the browser.
 */
import type { FacetKey } from '../facets.ts';

const PLACE_FACETS: readonly FacetKey[] = ['district', 'city', 'province'];
// Administrative suffixes a reader leaves out (longest first, so 自治州 wins over 州).
const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '新区', '地区', '省', '市', '区', '县', '旗', '盟', '州'];

export interface PlaceSuggestion {
  facet: FacetKey;
  value: string;
  count: number;
}

/**
 * True when the last name in `value` (杭州市钱塘区 → 钱塘区) is `phrase`, with or without its
 * administrative suffix: the match must start the value or follow another name's suffix.
 */
export function namesPlace(value: string, phrase: string): boolean {
  if ([...phrase].length < 2) return false;
  const startsName = (name: string) => {
    if (!value.endsWith(name)) return false;
    const before = value.slice(0, value.length - name.length);
    return before === '' || /(省|市|区|县|旗|盟|州)$/u.test(before);
  };
  if (/(省|市|区|县|旗|盟|州)$/u.test(phrase) && startsName(phrase)) return true;
  return SUFFIXES.some((suffix) => startsName(phrase + suffix));
}

/**
 * Facet values (district first, then city, province) that the phrases name, with their counts,
 * skipping values already selected; at most `limit`, most reports first.
 */
export function placeSuggestions(
  phrases: readonly string[],
  counts: Partial<Record<string, Record<string, number>>>,
  selected: Partial<Record<FacetKey, string[]>>,
  limit = 3,
): PlaceSuggestion[] {
  const out: PlaceSuggestion[] = [];
  for (const facet of PLACE_FACETS) {
    for (const [value, count] of Object.entries(counts[facet] ?? {})) {
      if (count > 0 && !selected[facet]?.includes(value) && phrases.some((p) => namesPlace(value, p))) {
        out.push({ facet, value, count });
      }
    }
  }
  // Stable: more reports first, then district before city before province, then Chinese collation.
  out.sort((a, b) => b.count - a.count || PLACE_FACETS.indexOf(a.facet) - PLACE_FACETS.indexOf(b.facet) || a.value.localeCompare(b.value, 'zh-Hans-CN'));
  return out.slice(0, limit);
}
