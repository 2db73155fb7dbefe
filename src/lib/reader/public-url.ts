/**
 * Addresses of this archive's pages as other people will use them. With a configured public
 * address (SITE_URL → Astro's `site`) they are absolute; without one they stay root-relative
 * ("/reports/…/"), which is right wherever the site is served, instead of naming a domain the
 * archive may not live on. Citations fill the origin in at view time (src/client/reader/cite.ts).
 */

/** `path` on the public site: absolute when `site` is known, otherwise the root-relative path. */
export function publicUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : new URL(path, 'http://x.invalid').pathname;
}

/** What the build says, once, when no public address is configured. */
export const SITE_URL_UNSET_NOTICE =
  'SITE_URL is not set: citations, share links and canonical links use paths relative to wherever the site is served ' +
  '(citations get the domain from the browser), og:url/og:image are left out, no sitemap is built and RSS item links are ' +
  'root-relative. For the public build set it, e.g. SITE_URL=https://archive.example.cn npm run build (README, "Publishing").';
