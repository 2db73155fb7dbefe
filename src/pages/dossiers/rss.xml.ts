/** /dossiers/rss.xml: the dossiers (专题), newest first. */
import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { loadDossiers } from '../../data/dossiers.ts';
import { DOSSIER_FEED, dossierFeedItem } from '../../lib/dossier/feed.ts';
import { newestForFeed } from '../../lib/reader/feeds.ts';
import { feedResponse } from '../../lib/reader/rss-channel.ts';

export const GET: APIRoute = async ({ site }) => {
  const [{ topics }, dossiers] = await Promise.all([loadArchive(), loadDossiers()]);
  const topicNames = new Map(topics.map((t) => [t.id, t.name]));
  return feedResponse(
    {
      title: DOSSIER_FEED.title,
      description: '协商档案编辑部撰写的专题，附档案中的报道、统计与时间线。',
      channelPath: '/dossiers/',
      selfPath: DOSSIER_FEED.href,
      items: newestForFeed(dossiers).map((d) => dossierFeedItem(d, topicNames)),
    },
    site,
  );
};
