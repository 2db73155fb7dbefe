/** Channel-level details shared by every feed: language, self link, titles. */
import { getRssString, type RSSFeedItem } from '@astrojs/rss';
import { fullRegionName } from '../regions/gazetteer.ts';

/** XML for <channel>: language and the atom:link rel="self" that feed validators ask for. */
export function channelData(selfUrl: string): string {
  const href = selfUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<language>zh-cn</language><atom:link href="${href}" rel="self" type="application/rss+xml"/>`;
}

/** 协商档案：浙江省杭州市钱塘区 */
export function regionFeedTitle(code: string): string {
  return `协商档案：${fullRegionName(code)}`;
}

/** 协商档案：主题“民营经济” */
export function topicFeedTitle(name: string): string {
  return `协商档案：主题“${name}”`;
}

/** A stand-in origin that can never be real (RFC 2606 .invalid); it is cut from the output. */
const NO_ORIGIN = 'https://no-site-url.invalid';

/** What a feed route passes: the channel's page and the feed's own path, both site paths. */
export interface FeedOptions {
  title: string;
  description: string;
  /** The page the channel stands for, e.g. /regions/330000/; item links resolve against it. */
  channelPath: string;
  /** The feed's own address, e.g. /rss.xml (atom:link rel="self"). */
  selfPath: string;
  items: RSSFeedItem[];
}

/**
 * The RSS document, by @astrojs/rss. With the public address (SITE_URL) every link is absolute, as
 * RSS 2.0 asks; without one the links stay root-relative (feed readers resolve them against the
 * feed's address), because a guessed domain would send subscribers to a site that is not this one.
 */
export async function feedXml(options: FeedOptions, site: URL | undefined): Promise<string> {
  const base = site ?? new URL(NO_ORIGIN);
  const xml = await getRssString({
    title: options.title,
    description: options.description,
    site: new URL(options.channelPath, base).href,
    items: options.items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: channelData(new URL(options.selfPath, base).href),
  });
  return site ? xml : xml.replaceAll(NO_ORIGIN, '');
}

/** The HTTP response of a feed route. */
export async function feedResponse(options: FeedOptions, site: URL | undefined): Promise<Response> {
  return new Response(await feedXml(options, site), { headers: { 'Content-Type': 'application/xml' } });
}
