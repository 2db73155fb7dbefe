/** The dossiers' feed: its link and its items, built like the report feeds (src/lib/reader/feeds.ts). */
import type { FeedItem, FeedLink } from '../reader/feeds.ts';
import { pubDateOf } from '../reader/feeds.ts';
import { dossierHref } from '../archive/urls.ts';
import type { Dossier } from './dossiers.ts';

export const DOSSIER_FEED: FeedLink = { title: '协商档案：专题', href: '/dossiers/rss.xml' };

/** One RSS item per dossier: title, its page, the summary, the date it was last published or revised. */
export function dossierFeedItem(dossier: Dossier, topicNames: ReadonlyMap<string, string>): FeedItem {
  const d = dossier.data;
  return {
    title: d.title,
    link: dossierHref(dossier.id),
    description: d.summary,
    pubDate: pubDateOf(d.updated ?? d.date),
    categories: ['专题', ...d.topics.map((t) => topicNames.get(t) ?? t)],
  };
}
