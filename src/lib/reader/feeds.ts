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
 * feeds carry the same pubDate on every machine. RSS has no partial dates, so a month or a year
 * becomes its first day: `feedDatePhrase()` says so in the item, so readers are not misled.
 */
export function pubDateOf(date: string): Date {
  const parsed = parsePartialDate(date);
  if (!parsed) throw new Error(`pubDateOf: "${date}" is not a partial date (YYYY-MM-DD, YYYY-MM or YYYY).`);
  return new Date(Date.UTC(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1));
}

/**
 * The date as an item's text gives it, honest about what pubDate cannot say: a month-only or
 * year-only date says "日期仅到月/年" and which day stands in for it in the feed, and an inferred
 * date says 推定, e.g. `2022年8月（日期仅到月，推定；订阅时间按8月1日计）`.
 */
export function feedDatePhrase(date: string, certainty: 'stated' | 'inferred'): string {
  const parsed = parsePartialDate(date);
  const inferred = certainty === 'inferred' ? '推定' : '';
  if (!parsed || parsed.precision === 'day') return `${datePhraseZh(date)}${inferred ? `（${inferred}）` : ''}`;
  const [precision, standIn] = parsed.precision === 'month' ? ['日期仅到月', `${parsed.month}月1日`] : ['日期仅到年', '1月1日'];
  return `${datePhraseZh(date)}（${[precision, inferred].filter(Boolean).join('，')}；订阅时间按${standIn}计）`;
}

/**
 * One feed item per report: title, link, date, and as description the report's lead paragraph
 * (plain text, see leadOfHtml) followed by the facts line of outlet, date, places and reporters.
 * A report without a lead (a photo report) still has the facts line, so no item is empty.
 *
 * The date caveat goes in the text, not in `categories`: readers show categories as tags and
 * group by them, and those are the report's topics.
 */
export function feedItemOf(report: Report, outlets: readonly Outlet[], topicNames: ReadonlyMap<string, string>, lead = ''): FeedItem {
  const d = report.data;
  const outlet = outlets.find((o) => o.id === d.outlet)?.name ?? d.outlet;
  const facts = [outlet, feedDatePhrase(d.date, d.dateCertainty), d.regions.map(fullRegionName).join('、')];
  if (d.reporters.length) facts.push(`记者 ${d.reporters.join('、')}`);
  const subtitle = d.subtitle ? `${d.subtitle}。` : '';
  return {
    title: d.title,
    link: reportHref(report.id),
    pubDate: pubDateOf(d.date),
    description: [`${subtitle}${lead}`, facts.join(' · ')].filter(Boolean).join('\n'),
    categories: d.topics.map((id) => topicNames.get(id) ?? id),
  };
}

/** Items per feed: readers' feed software wants what is new, not the whole archive. */
export const FEED_ITEM_LIMIT = 50;

/** The newest `FEED_ITEM_LIMIT` of a newest-first list. */
export function newestForFeed<T>(items: readonly T[]): T[] {
  return items.slice(0, FEED_ITEM_LIMIT);
}
