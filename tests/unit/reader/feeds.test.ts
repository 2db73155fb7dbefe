import { describe, expect, it } from 'vitest';
import { FEED_ITEM_LIMIT, feedDatePhrase, feedItemOf, newestForFeed, pubDateOf, regionFeedHref, topicFeedHref } from '../../../src/lib/reader/feeds.ts';
import { channelData } from '../../../src/lib/reader/rss-channel.ts';
import { makeReport } from '../helpers/make-report.ts';

const outlets = [{ id: 'rmzxb', name: '人民政协报', kind: 'newspaper' as const }];

describe(pubDateOf, () => {
  it('rejects what is not a partial date', () => {
    expect(() => pubDateOf('2022年8月')).toThrow(/not a partial date/);
  });
  it('takes the first instant of the period at UTC midnight', () => {
    expect(pubDateOf('2022').toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(pubDateOf('2022-08').toISOString()).toBe('2022-08-01T00:00:00.000Z');
    expect(pubDateOf('2022-08-24').toISOString()).toBe('2022-08-24T00:00:00.000Z');
  });
});

describe(feedItemOf, () => {
  it('links to the report page and says outlet, date, places and reporters', () => {
    const report = makeReport('2022/x', { title: '标题', date: '2022-08', reporters: ['甲', '乙'], regions: ['330114'], topics: ['e-commerce'] });
    const item = feedItemOf(report, outlets, new Map([['e-commerce', '电子商务']]));
    expect(item.link).toBe('/reports/2022/x/');
    expect(item.title).toBe('标题');
    expect(item.description).toBe('人民政协报 · 2022年8月（日期仅到月；订阅时间按8月1日计） · 浙江省杭州市钱塘区 · 记者 甲、乙');
    expect(item.categories).toEqual(['电子商务']);
  });
  it('gives the lead paragraph first, then the facts line', () => {
    const item = feedItemOf(makeReport('r', { date: '2022-08-24' }), outlets, new Map(), '8月24日，区政协召开协商会。');
    expect(item.description).toBe('8月24日，区政协召开协商会。\n人民政协报 · 2022年8月24日 · 浙江省杭州市钱塘区');
  });
  it('leads with the subtitle when there is one', () => {
    const item = feedItemOf(makeReport('r', { subtitle: '副题' }), outlets, new Map(), '导语。');
    expect(item.description.startsWith('副题。导语。\n')).toBe(true);
  });
});

describe(feedDatePhrase, () => {
  it('says a full stated date as it is, and marks an inferred one', () => {
    expect(feedDatePhrase('2022-08-24', 'stated')).toBe('2022年8月24日');
    expect(feedDatePhrase('2022-08-24', 'inferred')).toBe('2022年8月24日（推定）');
  });
  it('says that a month or a year stands for its first day in the feed, so pubDate does not mislead', () => {
    expect(feedDatePhrase('2022-08', 'inferred')).toBe('2022年8月（日期仅到月，推定；订阅时间按8月1日计）');
    expect(feedDatePhrase('2022', 'stated')).toBe('2022年（日期仅到年；订阅时间按1月1日计）');
  });
});

describe('feed addresses', () => {
  it('live under /feeds so they never clash with page routes', () => {
    expect(regionFeedHref('330114')).toBe('/feeds/regions/330114.xml');
    expect(topicFeedHref('e-commerce')).toBe('/feeds/topics/e-commerce.xml');
  });
  it('escape the self link for XML', () => {
    expect(channelData('https://e.org/a?x=1&y="2"')).toContain('href="https://e.org/a?x=1&amp;y=&quot;2&quot;"');
  });
});

describe(newestForFeed, () => {
  it('keeps at most FEED_ITEM_LIMIT items, in the given order', () => {
    const many = Array.from({ length: FEED_ITEM_LIMIT + 7 }, (_, i) => i);
    expect(newestForFeed(many)).toEqual(many.slice(0, FEED_ITEM_LIMIT));
    expect(newestForFeed([3, 1])).toEqual([3, 1]);
  });
});
