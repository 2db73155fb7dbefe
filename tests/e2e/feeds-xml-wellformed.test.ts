/**
 * Every built feed (rss.xml, feeds/regions/*.xml, feeds/topics/*.xml) is well-formed XML 1.0 by a
 * conforming parser in Node (saxes), apart from Chromium's parse in feeds.test.ts: one control
 * character in a title (YAML "\x08") made every feed unreadable for every subscriber. saxes, not
 * fast-xml-parser: its XMLValidator accepts control characters, saxes checks the XML Char rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, inject, it } from 'vitest';

const distDir = inject('distDir');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Well-formedness errors of an XML document (empty when it is well-formed), with line:column. */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}

const feeds = [join(distDir, 'rss.xml'), ...walk(join(distDir, 'feeds')).filter((f) => f.endsWith('.xml')).sort()];

describe('every feed is well-formed XML', () => {
  it('the parser refuses what broke the feeds (a C0 control character, a bare &)', () => {
    expect(xmlErrors('<rss><channel><title>政协\x08会议</title></channel></rss>')).toEqual([expect.stringMatching(/^1:\d+: disallowed character/)]);
    expect(xmlErrors('<rss><title>A & B</title></rss>').length).toBeGreaterThan(0);
  });
  it('finds the site feed and the region feeds', () => {
    expect(feeds.filter((f) => f.includes('/feeds/regions/')).length).toBeGreaterThan(0);
  });
  it.each(feeds.map((f) => [relative(distDir, f), f]))('%s', (_name, file) => {
    expect(xmlErrors(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
