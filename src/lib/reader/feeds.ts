/**
 * RSS feeds: where each feed lives and what its items say. The routes in src/pages only wire
 * these to @astrojs/rss, so the content of a feed can be tested without a build.
 */
import type { Outlet, Report } from '../archive/types.ts';
import { reportHref } from '../archive/urls.ts';
import { fullRegionName } from '../regions/gazetteer.ts';
import { parsePartialDate } from '../dates/partial-date.ts';
import { datePhraseZh } from './citation.ts';

/** A feed a page can announce with <link rel="alternate">. */
export interface FeedLink {
  title: string;
  href: string;
}

/** The item shape @astrojs/rss accepts (the fields we fill). */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** /rss.xml: every report. */
export const SITE_FEED: FeedLink = { title: '协商档案：全部报道', href: '/rss.xml' };

/** /feeds/regions/<code>.xml: reports about a place or anywhere below it. */
export function regionFeedHref(code: string): string {
  return `/feeds/regions/${code}.xml`;
}

/** /feeds/topics/<id>.xml: reports filed under a topic. */
export function topicFeedHref(id: string): string {
  return `/feeds/topics/${id}.xml`;
}

/**
 * The first instant a partial date covers, at UTC midnight (2022-04 → 2022-04-01T00:00Z), so
 * feeds carry the same pubDate on every machine.
 */
export function pubDateOf(date: string): Date {
  const parsed = parsePartialDate(date);
  if (!parsed) throw new Error(`pubDateOf: "${date}" is not a partial date (YYYY-MM-DD, YYYY-MM or YYYY).`);
  return new Date(Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1));
}

/** One feed item per report: title, link, date, and a one-line description of where and who. */
export function feedItemOf(report: Report, outlets: readonly Outlet[], topicNames: ReadonlyMap<string, string>): FeedItem {
  const d = report.data;
  const outlet = outlets.find((o) => o.id === d.outlet)?.name ?? d.outlet;
  const facts = [outlet, datePhraseZh(d.date), d.regions.map(fullRegionName).join('、')];
  if (d.reporters.length) facts.push(`记者 ${d.reporters.join('、')}`);
  const lead = d.subtitle ? `${d.subtitle}。` : '';
  return {
    title: d.title,
    link: reportHref(report.id),
    pubDate: pubDateOf(d.date),
    description: `${lead}${facts.join(' · ')}`,
    categories: d.topics.map((id) => topicNames.get(id) ?? id),
  };
}

/** Items per feed: readers' feed software wants what is new, not the whole archive. */
export const FEED_ITEM_LIMIT = 50;

/** The newest `FEED_ITEM_LIMIT` of a newest-first list. */
export function newestForFeed<T>(items: readonly T[]): T[] {
  return items.slice(0, FEED_ITEM_LIMIT);
}
