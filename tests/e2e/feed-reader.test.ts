/**
 * Every built feed as a real feed reader sees it: parsed with rss-parser (npm), not with our own
 * code. Each item needs a title, a link to a built report page, a date, and a summary with text
 * of the report (its lead), not only the facts line; a date known only to the month or the year
 * says so in the item, since pubDate has to name a day.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, inject, it } from 'vitest';
import { loadContentReports } from '../helpers/content.ts';
import { reportHref } from '../../src/lib/archive/urls.ts';
import { parsePartialDate } from '../../src/lib/dates/partial-date.ts';

const distDir = inject('distDir');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
const feedFiles = [join(distDir, 'rss.xml'), ...walk(join(distDir, 'feeds')).filter((f) => f.endsWith('.xml')).sort()];

/** Text without any whitespace, to compare feed text with the Markdown it came from. */
const squeeze = (text: string) => text.replace(/\s+/gu, '');

describe('feeds in a real feed reader (rss-parser)', () => {
  it('every item of every feed has a title, a link to a built report, a date and a summary with the report’s text', async () => {
    const parser = new Parser();
    const reports = new Map(loadContentReports().map((r) => [reportHref(r.id), r]));
    const problems: string[] = [];
    let items = 0;
    for (const file of feedFiles) {
      const name = relative(distDir, file);
      const feed = await parser.parseString(readFileSync(file, 'utf8'));
      if (!feed.title) problems.push(`${name}: channel without title`);
      if (!feed.items.length) problems.push(`${name}: no items`);
      for (const item of feed.items) {
        items++;
        const at = `${name} item ${item.link ?? item.title}`;
        if (!item.title?.trim()) problems.push(`${at}: no title`);
        // Built without SITE_URL the links are root-relative: a feed reader resolves them against the feed's own address.
        const path = item.link ? new URL(item.link, `http://archive.invalid/${name}`).pathname : '';
        const report = reports.get(path);
        if (!report || !existsSync(join(distDir, path, 'index.html'))) {
          problems.push(`${at}: link does not lead to a built report page`);
          continue;
        }
        if (item.title !== report.data.title) problems.push(`${at}: title "${item.title}" is not the report's "${report.data.title}"`);
        const date = parsePartialDate(report.data.date)!;
        const expected = new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)).toISOString();
        if (item.isoDate !== expected) problems.push(`${at}: date ${item.isoDate} (pubDate ${item.pubDate}), expected ${expected}`);
        const summary = item.contentSnippet?.trim() ?? '';
        if (!summary) {
          problems.push(`${at}: empty summary`);
          continue;
        }
        // The summary starts with the report's own words: its subtitle if any, then the lead from its body.
        const subtitle = report.data.subtitle ? `${report.data.subtitle}。` : '';
        if (!summary.startsWith(subtitle)) problems.push(`${at}: summary does not start with the subtitle`);
        const opening = squeeze(summary.slice(subtitle.length)).slice(0, 12);
        if (report.body.trim() && !squeeze(report.body).includes(opening)) problems.push(`${at}: summary does not start with the report's lead: "${summary.slice(0, 40)}…"`);
        if (date.precision === 'month' && !summary.includes('日期仅到月')) problems.push(`${at}: month-only date ${report.data.date} not said in the summary`);
        if (date.precision === 'year' && !summary.includes('日期仅到年')) problems.push(`${at}: year-only date ${report.data.date} not said in the summary`);
        if (report.data.dateCertainty === 'inferred' && !summary.includes('推定')) problems.push(`${at}: inferred date not said (推定) in the summary`);
      }
    }
    expect(problems).toEqual([]);
    expect(items).toBeGreaterThan(0);
  });
});
