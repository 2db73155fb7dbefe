/**
 * Page titles (<title>) usually carry the site or channel after a separator:
 * 「南浔区政协：聚焦民营经济高质量发展建言献策_湖州新闻网」, 「… - 人民政协网」, 「… | 新闻中心 | 某某网」.
 * The headline is the first segment; site names are recognised by the page's own site name or by
 * the words outlets name themselves with, never by a list of known sites.
 */

// Separators sites put between headline and site name; a bare hyphen only with spaces around it.
const SEPARATOR = /\s*(?:_{1,2}|\||｜|－{1,2}|—{1,2}|\s-\s|\s–\s)\s*/u;
// What a site or channel name ends with: 网, 报, 新闻, 动态, 要闻, 政府, 门户, 频道, 客户端 …
const SITE_WORDS = /(?:网|报|台|新闻|资讯|动态|要闻|时政|专题|政府|门户|频道|中心|客户端|官网|在线|首页|平台|委员会|政协|人大)$/u;

/** The headline part of a page title: site and channel segments after separators removed. */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const parts = title.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title.trim();
  let end = parts.length;
  while (end > 1) {
    const last = parts[end - 1];
    const isSite = (siteName && (last === siteName || siteName.includes(last) || last.includes(siteName))) || (last.length <= 12 && SITE_WORDS.test(last));
    if (!isSite) break;
    end--;
  }
  // Only trailing site segments go; a headline that itself contains a separator stays whole.
  return parts.slice(0, end).join(' ');
}

/**
 * True when two headline texts are the same headline: one contains the other (spaces ignored) and
 * the shorter is at least half the longer, so a stray word such as 首页 never matches.
 */
export function sameHeadline(a: string, b: string): boolean {
  const [x, y] = [a, b].map((t) => t.replace(/\s/gu, '')).sort((p, q) => p.length - q.length);
  return x.length >= 4 && x.length * 2 >= y.length && y.includes(x);
}
