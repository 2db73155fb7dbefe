/** /feeds/topics/<id>.xml: reports filed under one topic, newest first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import { topicHref } from '../../../lib/archive/urls.ts';
import { feedItemOf, newestForFeed, topicFeedHref } from '../../../lib/reader/feeds.ts';
import { feedResponse, topicFeedTitle } from '../../../lib/reader/rss-channel.ts';

export const getStaticPaths = (async () => {
  const { reports, topics } = await loadArchive();
  // Only topics with reports: the topic pages exist for those, and an empty feed helps no one.
  return topics.filter((t) => reports.some((r) => r.data.topics.includes(t.id))).map((t) => ({ params: { id: t.id }, props: { topic: t } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { topic } = props;
  const { reports, outlets, topics, leadOf } = await loadArchive();
  const topicNames = new Map(topics.map((t) => [t.id, t.name]));
  return feedResponse(
    {
      title: topicFeedTitle(topic.name),
      description: `协商档案中主题为“${topic.name}”的报道：${topic.description}`,
      // The channel links to the topic's page; item links resolve against it.
      channelPath: topicHref(topic.id),
      selfPath: topicFeedHref(topic.id),
      items: newestForFeed(reports.filter((r) => r.data.topics.includes(topic.id))).map((r) => feedItemOf(r, outlets, topicNames, leadOf(r.id))),
    },
    site,
  );
};
