/**
 * Report bodies in tests/fixtures/bodies/ rendered exactly as astro.config.mjs configures the
 * Markdown processor: what an editor wrote must reach the reader (raw-text tags shown as text,
 * nothing after them lost) and nothing may load from another host.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroMarkdownOptions, MarkdownProcessor } from '@astrojs/internal-helpers/markdown';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { parseFragment } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { SWALLOWING_TAGS } from '../../../src/lib/text/body-html.ts';
import { activeContent } from './active-content.ts';

const DIR = fileURLToPath(new URL('../../fixtures/bodies/', import.meta.url));
const CONTENT_PATH = `${process.cwd()}/content/reports/2022/2022-08-15-x.md`;
const processor = config.markdown!.processor as MarkdownProcessor;

let markdown: MarkdownRenderer;
beforeAll(async () => {
  markdown = await processor.createRenderer({ syntaxHighlight: config.markdown!.syntaxHighlight } as AstroMarkdownOptions);
});

/** The fixture's body (after the front matter) rendered to HTML. */
async function renderFixture(name: string): Promise<string> {
  const text = readFileSync(DIR + name, 'utf8');
  const body = text.slice(text.indexOf('\n---\n', 4) + 5);
  return (await markdown.render(body, { fileURL: new URL(`file://${CONTENT_PATH}`) })).code;
}

/** The text a reader sees: every text node of the parsed HTML, joined. */
function visibleText(html: string): string {
  const walk = (node: { nodeName: string; value?: string; childNodes?: unknown[] }): string =>
    node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map((c) => walk(c as typeof node)).join('');
  return walk(parseFragment(html) as never);
}

describe('raw-text-words.md: <textarea>, <title>, <script> … written in a body', () => {
  it('loses no text after any of them and shows each tag as written', async () => {
    const html = await renderFixture('raw-text-words.md');
    const text = visibleText(html);
    for (const tag of SWALLOWING_TAGS) expect(text).toMatch(new RegExp(`网页的 <${tag}> 标签放在这里，句末第\\d+号还在。`));
    expect(text).toContain('<TITLE>大写的标签</TITLE>也照样显示，句末大写号还在。');
    expect(text).toContain('未闭合的块之后，结尾段还在。');
  });
  it('keeps them inert: text, not elements', async () => {
    const html = await renderFixture('raw-text-words.md');
    expect(activeContent(html)).toEqual([]);
    expect(html).not.toMatch(new RegExp(`<(${SWALLOWING_TAGS.join('|')})[\\s>]`, 'i'));
  });
});

describe('external-images.md: images from other sites', () => {
  it('keeps local images and drops every remote source (https, //host, /\\host, srcset candidates, references)', async () => {
    const html = await renderFixture('external-images.md');
    expect(html).not.toMatch(/img\.example\.com/iu);
    expect(html).toContain('<img src="/images/d.jpg" alt="本站 HTML 图">');
    expect(html).toContain('<img src="./e.jpg" alt="混合">');
    expect(html).toContain('图片之后的文字还在。');
  });
});
