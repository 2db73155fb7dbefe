/** Channel-level details shared by every feed: language, self link, titles. */
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
