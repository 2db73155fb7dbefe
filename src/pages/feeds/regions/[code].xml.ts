/** /feeds/regions/<code>.xml: reports about one place or anywhere below it, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import { listPageKeys } from '../../../data/page-keys.ts';
import { regionHref } from '../../../lib/archive/urls.ts';
import { fullRegionName } from '../../../lib/regions/gazetteer.ts';
import { feedItemOf, newestForFeed, regionFeedHref } from '../../../lib/reader/feeds.ts';
import { feedResponse, regionFeedTitle } from '../../../lib/reader/rss-channel.ts';

export const getStaticPaths = (async () => {
  const { regionTree } = await loadArchive();
  const { index } = regionTree;
  const keyOf = await listPageKeys();
  return [...index.values()].map((node) => ({ params: { code: node.code }, props: { reportIds: node.reportIds }, cacheKey: keyOf(node.reportIds, node.code) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, site }) => {
  const code = params.code!;
  const { byId, outlets, topics, leadOf } = await loadArchive();
  const topicNames = new Map(topics.map((t) => [t.id, t.name]));
  // reportIds are newest first, so the feed takes the newest without scanning the archive.
  const newest = newestForFeed(props.reportIds as string[]).map((id) => byId.get(id)!);
  return feedResponse(
    {
      title: regionFeedTitle(code),
      description: `协商档案中关于${fullRegionName(code)}（含下辖地区）的报道。`,
      // The channel links to the region's page; item links resolve against it.
      channelPath: regionHref(code),
      selfPath: regionFeedHref(code),
      items: newest.map((r) => feedItemOf(r, outlets, topicNames, leadOf(r.id))),
    },
    site,
  );
};
