/**
 * Suggestions for common mistakes: a topic or outlet that is nearly right, a place name where a
 * code belongs, a region code with one wrong digit, a date written the Chinese way.
 */
import { allRegions, findRegionsByName, fullRegionName } from '../regions/gazetteer.ts';
import { editDistance } from '../text/did-you-mean.ts';

/** Up to `limit` regions whose name matches `name`, as `330114 浙江省杭州市钱塘区`. */
export function regionCandidates(name: string, limit = 5): string[] {
  return findRegionsByName(name)
    .slice(0, limit)
    .map((r) => `${r.code} ${fullRegionName(r.code)}`);
}

/** Known codes one digit away from `code` in the same province, closest prefix first. */
export function nearbyRegionCodes(code: string, limit = 3): string[] {
  if (!/^\d{6}$/.test(code)) return [];
  return allRegions()
    .filter((r) => r.code.slice(0, 2) === code.slice(0, 2) && editDistance(r.code, code) === 1)
    .slice(0, limit)
    .map((r) => `${r.code} ${fullRegionName(r.code)}`);
}

/** A date written as 2022年4月1日, 2022/4/1 or 2022.4.1, rewritten as 2022-04-01; otherwise undefined. */
export function rewriteDate(input: string): string | undefined {
  const m = /^(\d{4})\s*[年/.\-]\s*(\d{1,2})(?:\s*[月/.\-]\s*(\d{1,2})\s*日?)?\s*月?$/u.exec(input.trim());
  if (!m) return undefined;
  const pad = (n: string) => n.padStart(2, '0');
  const out = m[3] ? `${m[1]}-${pad(m[2])}-${pad(m[3])}` : `${m[1]}-${pad(m[2])}`;
  return out === input ? undefined : out;
}
