/**
 * Every RSS feed in the built site is well-formed XML (checked by Chromium's strict XML parser)
 * and valid RSS 2.0 in the parts readers' apps rely on; region and topic feeds list exactly the
 * reports their pages list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { loadContentReports } from '../helpers/content.ts';
import { regionPath } from '../../src/lib/regions/gazetteer.ts';
import { reportHref } from '../../src/lib/archive/urls.ts';

const distDir = inject('distDir');
// With SITE_URL feed links are absolute on it; without, root-relative (never a guessed domain).
const siteUrl = process.env.SITE_URL?.trim() || undefined;
const LINK = siteUrl ? /^https?:\/\/[^/]+\/reports\/.+\/$/ : /^\/reports\/.+\/$/;
const linkPath = (link: string) => new URL(link, 'http://x.invalid').pathname;
let browser: Browser;
let page: Page;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const feedFiles = [join(distDir, 'rss.xml'), ...walk(join(distDir, 'feeds')).filter((f) => f.endsWith('.xml')).sort()];

interface ParsedFeed {
  error: string | null;
  root: string;
  version: string | null;
  channel: { title: string; link: string; description: string; language: string; self: string | null };
  items: { title: string; link: string; guid: string; pubDate: string; description: string }[];
}

/** Parses with the browser's XML parser, which reports any well-formedness error. */
function parseFeed(xml: string): Promise<ParsedFeed> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const channel = doc.querySelector('rss > channel');
    const child = (el: Element | null | undefined, name: string) =>
      [...(el?.children ?? [])].find((c) => c.localName === name && !c.prefix)?.textContent ?? '';
    return {
      error,
      root: doc.documentElement.localName,
      version: doc.documentElement.getAttribute('version'),
      channel: {
        title: child(channel, 'title'),
        link: child(channel, 'link'),
        description: child(channel, 'description'),
        language: child(channel, 'language'),
        self: [...(channel?.children ?? [])].find((c) => c.localName === 'link' && c.namespaceURI === 'http://www.w3.org/2005/Atom')?.getAttribute('href') ?? null,
      },
      items: [...(channel?.querySelectorAll(':scope > item') ?? [])].map((item) => ({
        title: child(item, 'title'),
        link: child(item, 'link'),
        guid: child(item, 'guid'),
        pubDate: child(item, 'pubDate'),
        description: child(item, 'description'),
      })),
    };
  }, xml);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('RSS feeds', () => {
  it('exist for all reports, for regions and for topics', () => {
    expect(feedFiles.some((f) => f.includes('/feeds/regions/'))).toBe(true);
    expect(feedFiles.some((f) => f.includes('/feeds/topics/'))).toBe(true);
  });

  it('every feed is well-formed RSS 2.0 with absolute links (root-relative without SITE_URL), RFC 822 dates and a self link', async () => {
    const problems: string[] = [];
    for (const file of feedFiles) {
      const name = relative(distDir, file);
      const feed = await parseFeed(readFileSync(file, 'utf8'));
      if (feed.error) {
        problems.push(`${name}: not well-formed XML: ${feed.error}`);
        continue;
      }
      if (feed.root !== 'rss' || feed.version !== '2.0') problems.push(`${name}: root is <${feed.root} version=${feed.version}>`);
      for (const field of ['title', 'link', 'description'] as const) if (!feed.channel[field]) problems.push(`${name}: channel has no <${field}>`);
      if (feed.channel.language !== 'zh-cn') problems.push(`${name}: channel language is "${feed.channel.language}"`);
      if (!feed.channel.self?.endsWith(`/${name}`)) problems.push(`${name}: atom:link self is ${feed.channel.self}`);
      if (feed.items.length === 0) problems.push(`${name}: no items`);
      for (const item of feed.items) {
        if (!item.title) problems.push(`${name}: item without title`);
        if (!LINK.test(item.link)) problems.push(`${name}: item link ${item.link}`);
        if (item.guid !== item.link) problems.push(`${name}: guid ${item.guid} differs from link`);
        if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(item.pubDate)) problems.push(`${name}: pubDate ${item.pubDate}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the all-reports feed lists every report once, newest first', async () => {
    const feed = await parseFeed(readFileSync(join(distDir, 'rss.xml'), 'utf8'));
    const expected = loadContentReports().map((r) => reportHref(r.id));
    expect(feed.items.map((i) => linkPath(i.link))).toEqual(expected);
  });

  it('a region feed lists the reports about that place and the places below it', async () => {
    const reports = loadContentReports();
    const code = reports[0].data.regions[0];
    const province = regionPath(code)[0].code;
    const feed = await parseFeed(readFileSync(join(distDir, 'feeds', 'regions', `${province}.xml`), 'utf8'));
    const expected = reports.filter((r) => r.data.regions.some((c) => regionPath(c).some((p) => p.code === province))).map((r) => reportHref(r.id));
    expect(feed.items.map((i) => linkPath(i.link))).toEqual(expected);
  });

  it('a topic feed lists the reports filed under that topic', async () => {
    const reports = loadContentReports();
    const topic = reports[0].data.topics[0];
    const feed = await parseFeed(readFileSync(join(distDir, 'feeds', 'topics', `${topic}.xml`), 'utf8'));
    expect(feed.items.map((i) => linkPath(i.link))).toEqual(reports.filter((r) => r.data.topics.includes(topic)).map((r) => reportHref(r.id)));
  });
});
