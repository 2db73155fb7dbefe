/**
 * Without SITE_URL no address names a domain the archive may not be served from: pages, JSON-LD,
 * citations and feeds use root-relative paths; with it, they are absolute on that address.
 */
import { describe, expect, it } from 'vitest';
import { SITE_URL_UNSET_NOTICE, publicUrl } from '../../../src/lib/reader/public-url.ts';
import { breadcrumbListJsonLd } from '../../../src/lib/reader/json-ld.ts';
import { formatGbt7714, splitAtUrl } from '../../../src/lib/reader/citation.ts';
import { feedXml } from '../../../src/lib/reader/rss-channel.ts';
import siteUrlNotice from '../../../src/integrations/site-url.ts';
import config from '../../../astro.config.mjs';

describe('publicUrl', () => {
  it('is absolute on the configured address and root-relative without one', () => {
    expect(publicUrl('/reports/2022/x/', 'https://archive.example.cn/')).toBe('https://archive.example.cn/reports/2022/x/');
    expect(publicUrl('/reports/2022/x/', undefined)).toBe('/reports/2022/x/');
  });

  it('builds the BreadcrumbList with relative items without SITE_URL', () => {
    const ld = breadcrumbListJsonLd([{ label: '首页', href: '/' }, { label: '浙江省', href: '/regions/330000/' }], '/regions/330000/', undefined);
    expect(ld.itemListElement.map((i) => i.item)).toEqual(['/', '/regions/330000/']);
  });

  it('keeps the URL of a citation separable, so the browser can add its origin', () => {
    const text = formatGbt7714({ title: '标题', reporters: [], outletName: '人民政协网', outletKind: 'news-site', date: '2022', dateInferred: false, url: '/reports/x/' });
    expect(splitAtUrl(text, '/reports/x/')).toEqual({ before: '标题[EB/OL]. 人民政协网, 2022. ', url: '/reports/x/', after: '.' });
  });
});

describe('astro.config.mjs without SITE_URL', () => {
  it('names no placeholder domain and builds no sitemap', () => {
    if (process.env.SITE_URL) return;
    expect(config.site).toBeUndefined();
    const names = (config.integrations ?? []).flat().map((i) => (i && typeof i === 'object' && 'name' in i ? i.name : undefined));
    expect(names).not.toContain('@astrojs/sitemap');
  });

  it('says so once, at the start of the build', () => {
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) };
    const start = siteUrlNotice(undefined).hooks['astro:build:start'] as unknown as (o: { logger: typeof logger }) => void;
    start({ logger });
    expect(warnings).toEqual([SITE_URL_UNSET_NOTICE]);
    const quiet: string[] = [];
    (siteUrlNotice('https://archive.example.cn').hooks['astro:build:start'] as unknown as (o: { logger: typeof logger }) => void)({ logger: { warn: (m: string) => quiet.push(m) } });
    expect(quiet).toEqual([]);
  });
});

describe('feedXml', () => {
  const options = { title: 't', description: 'd', channelPath: '/', selfPath: '/rss.xml', items: [{ title: 'a', link: '/reports/a/', pubDate: new Date(0), description: 'x' }] };

  it('is absolute with SITE_URL', async () => {
    const xml = await feedXml(options, new URL('https://archive.example.cn/'));
    expect(xml).toContain('<link>https://archive.example.cn/reports/a/</link>');
    expect(xml).toContain('href="https://archive.example.cn/rss.xml"');
  });

  it('links root-relative without it, naming no domain', async () => {
    const xml = await feedXml(options, undefined);
    expect(xml).toContain('<link>/reports/a/</link>');
    expect(xml).toContain('href="/rss.xml"');
    expect(xml).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
