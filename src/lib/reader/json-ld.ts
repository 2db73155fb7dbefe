/**
 * schema.org NewsArticle for a report page, so search engines know the headline, date, authors,
 * original publisher and the places the report is about.
 */
import { safeWebHref } from '../text/web-address.ts';
import type { Outlet, Report } from '../archive/types.ts';
import { fullRegionName } from '../regions/gazetteer.ts';
import { publicUrl } from './public-url.ts';

/** The archive itself, as it names itself in structured data. */
export interface SiteIdentity {
  name: string;
  /** URL of the home page: absolute with SITE_URL, else `/` (JSON-LD resolves it against the page). */
  url: string;
}

/**
 * A NewsArticle object. The publisher is the original outlet; the archive appears as the
 * provider of this copy. Authors are the reporters, or the outlet when none is named.
 */
export function newsArticleJsonLd(report: Report, outlet: Outlet | undefined, pageUrl: string, site: SiteIdentity, imageUrl?: string) {
  const d = report.data;
  const publisher = {
    '@type': 'NewsMediaOrganization',
    name: outlet?.name ?? d.outlet,
    ...(safeWebHref(outlet?.homepage) ? { url: outlet!.homepage } : {}),
  };
  const authors = d.reporters.length ? d.reporters.map((name) => ({ '@type': 'Person', name })) : [publisher];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: d.title,
    ...(d.subtitle ? { alternativeHeadline: d.subtitle } : {}),
    datePublished: d.date,
    inLanguage: 'zh-Hans',
    author: authors,
    publisher,
    provider: { '@type': 'Organization', name: site.name, url: site.url },
    contentLocation: d.regions.map((code) => ({ '@type': 'AdministrativeArea', name: fullRegionName(code), identifier: code })),
    ...(d.keywords.length ? { keywords: d.keywords.join(',') } : {}),
    ...(safeWebHref(d.source.url) ? { isBasedOn: d.source.url } : {}),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    url: pageUrl,
    mainEntityOfPage: pageUrl,
  };
}

/**
 * schema.org BreadcrumbList for a trail that starts at 首页; the current page (no href) gets
 * `pageUrl`. Items are absolute on `siteUrl`, or root-relative without one (resolved against the page).
 */
export function breadcrumbListJsonLd(trail: readonly { label: string; href?: string }[], pageUrl: string, siteUrl: URL | string | undefined) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: crumb.href ? publicUrl(crumb.href, siteUrl) : pageUrl,
    })),
  };
}

/**
 * JSON for an inline <script type="application/ld+json">: `<`, `>`, `&` and the JS line
 * separators are escaped, so no title can close the script element.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
