/**
 * Text a page shows as text (a quoted <script>, <img src=x>, ![图](…), **粗**) is written into the
 * report so that the site renders exactly those characters, never as live markup (issue 14 item 12).
 * The body goes through the Markdown processor astro.config.mjs configures.
 */
import type { AstroMarkdownOptions, MarkdownProcessor } from '@astrojs/internal-helpers/markdown';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

const registry = loadRegistry(contentDirUrl());
let markdown: MarkdownRenderer;
beforeAll(async () => {
  const processor = config.markdown!.processor as MarkdownProcessor;
  markdown = await processor.createRenderer({ syntaxHighlight: config.markdown!.syntaxHighlight } as AstroMarkdownOptions);
});

const SHOWN = [
  '有人在留言区贴出<script>alert(1)</script>这样的代码。',
  '图片标签<img src=x onerror=alert(1)>被当作文字显示。',
  '文中引用了![图](https://evil.example/x.png)这样的写法。',
  '委员说：**重点**是_落实_，不是`口号`，也不是~~空话~~。',
  '链接写法[点我](javascript:alert(1))也只是文字。',
  '实体&amp;和&lt;p&gt;照原样显示。',
  '网址https://example.org/a和www.example.org、邮箱editor@example.org都只是文字。',
];

describe('text the page shows stays text in the report', () => {
  it.each(SHOWN)('%s', async (sentence) => {
    const page = `区政协召开协商会\n\n区政协近日召开专题协商会，委员们围绕民营经济高质量发展建言献策。\n\n${sentence}`;
    const r = importDocument(new TextEncoder().encode(page), { fileName: 'shown.txt', registry });
    if (!r.ok) throw new Error(r.error);
    const html = (await markdown.render(r.articles[0].body, { fileURL: new URL(`file://${process.cwd()}/content/reports/2022/x.md`) })).code;
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelectorAll('script, img, strong, em, code, del').length).toBe(0);
    // A printed address may be linked, but only to itself: never a script URL, never the text after it.
    for (const a of document.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toMatch(/^(https:|http:|mailto:)/u);
      expect(decodeURI(a.getAttribute('href') ?? '').replace(/^mailto:/u, '')).toBe(a.textContent);
    }
    const paragraphs = [...document.querySelectorAll('p')].map((p) => p.textContent);
    // The importer widens punctuation (! → ！, * → ＊) as it does for every line; otherwise the text is the page's.
    expect(paragraphs.map((p) => p?.normalize('NFKC'))).toContain(sentence.normalize('NFKC'));
  });
});
