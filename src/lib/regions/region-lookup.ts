/**
 * The one lookup of a region by what an editor types: a GB/T 2260 code, a name or short name
 * (钱塘区, 钱塘, 义乌), or a name with its parents that settles an ambiguous one (北京市朝阳区,
 * 浙江省杭州市钱塘区). `npm run new`, the importer's --region and the check's hints use it.
 */
import { didYouMean } from '../text/did-you-mean.ts';
import { allRegions, findRegionsByName, fullRegionName, getRegion } from './gazetteer.ts';

/** One region, or every candidate (with full names) when the name is ambiguous or unknown, plus a did-you-mean for an unknown name. */
export type RegionLookup = { code: string; name: string } | { candidates: { code: string; name: string }[]; suggestion?: string };

export function lookupRegion(query: string): RegionLookup {
  const q = query.trim();
  const named = (code: string) => ({ code, name: fullRegionName(code) });
  if (/^\d{6}$/u.test(q)) return getRegion(q) ? named(q) : { candidates: [] };
  let hits = findRegionsByName(q);
  // The tail of a full name with its parents (北京市朝阳区) settles a name that is ambiguous alone.
  if (!hits.length && q.length >= 4) hits = allRegions().filter((r) => fullRegionName(r.code).endsWith(q) && fullRegionName(r.code) !== r.name);
  if (!hits.length) hits = allRegions().filter((r) => fullRegionName(r.code) === q);
  if (hits.length === 1) return named(hits[0].code);
  if (hits.length) return { candidates: hits.map((r) => named(r.code)) };
  return { candidates: [], suggestion: didYouMean(q, allRegions().map((r) => r.name)) };
}
