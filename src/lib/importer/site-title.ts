/**
 * Page titles (<title>) usually carry the site or channel after a separator:
 * 「南浔区政协：聚焦民营经济高质量发展建言献策_湖州新闻网」, 「… - 人民政协网」, 「… | 新闻中心 | 某某网」.
 * The headline is the first segment; site names are recognised by the page's own site name or by
 * the words outlets name themselves with, never by a list of known sites.
 */

// Separators sites put between headline and site name; a bare hyphen only with spaces around it.
const SEPARATOR = /\s*(?:_{1,2}|\||｜|－{1,2}|—{1,2}|\s-\s|\s–\s)\s*/u;
// What a site or channel name ends with: 网, 报, 新闻, 动态, 要闻, 政府, 门户, 频道, 客户端 …
const SITE_WORDS = /(?:网|網|站|报|報|台|新闻|新聞|资讯|动态|要闻|时政|专题|政府|门户|频道|中心|客户端|官网|在线|首页|平台|委员会|政协|人大)$/u;
// A domain name as a title segment (cjn.cn, news.163.com).
const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/iu;

/** True for a title segment that names a site or a channel, not a headline: short, and site-like or 2–4 characters. */
function isSiteSegment(segment: string, siteName?: string): boolean {
  if (siteName && (segment === siteName || siteName.includes(segment) || segment.includes(siteName))) return true;
  if (DOMAIN.test(segment)) return true;
  const length = [...segment].length;
  // A channel is a word or two (生活, 财经, 首页武汉); a site names itself with 网/报/政府 ….
  return length <= 4 || (length <= 16 && SITE_WORDS.test(segment));
}

/** The headline part of a page title: site and channel segments after separators removed. */
export function stripSiteSuffix(title: string, siteName?: string): string {
  let rest = title.trim();
  // Cut trailing segments one at a time, so separators inside the headline stay as printed.
  for (;;) {
    const matches = [...rest.matchAll(new RegExp(SEPARATOR.source, 'gu'))];
    const last = matches[matches.length - 1];
    if (!last || last.index === undefined || last.index === 0) return rest;
    const segment = rest.slice(last.index + last[0].length).trim();
    const head = rest.slice(0, last.index).trim();
    if (segment && !isSiteSegment(segment, siteName)) return rest;
    // Never cut the title down to a channel word: a head that is itself short is the headline's kicker.
    if ([...head].length <= 4) return rest;
    rest = head;
  }
}

/** The site a page title names last (`…_财经_腾讯网` → 腾讯网), when the page states no og:site_name. */
export function siteNameFromTitle(title: string | undefined): string | undefined {
  const parts = (title ?? '').split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  return parts.slice(1).reverse().find((p) => !DOMAIN.test(p) && [...p].length <= 16 && /(?:网|網|报|報|台|站)$/u.test(p));
}

/** The text without any whitespace: how headlines are compared across <title>, headings and lines. */
export function compact(text: string): string {
  return text.replace(/\s/gu, '');
}

/**
 * True when two headline texts are the same headline: one contains the other (spaces ignored) and
 * the shorter is at least half the longer, so a stray word such as 首页 never matches.
 */
export function sameHeadline(a: string, b: string): boolean {
  const [x, y] = [a, b].map(compact).sort((p, q) => p.length - q.length);
  return x.length >= 4 && x.length * 2 >= y.length && y.includes(x);
}
