/** /rss.xml: the newest reports of the whole archive. */
import type { APIRoute } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { SITE_FEED, feedItemOf, newestForFeed } from '../lib/reader/feeds.ts';
import { SITE_DESCRIPTION } from '../lib/reader/site.ts';
import { feedResponse } from '../lib/reader/rss-channel.ts';

export const GET: APIRoute = async ({ site }) => {
  const { reports, outlets, topics, leadOf } = await loadArchive();
  const topicNames = new Map(topics.map((t) => [t.id, t.name]));
  return feedResponse(
    { title: SITE_FEED.title, description: SITE_DESCRIPTION, channelPath: '/', selfPath: SITE_FEED.href, items: newestForFeed(reports).map((r) => feedItemOf(r, outlets, topicNames, leadOf(r.id))) },
    site,
  );
};
