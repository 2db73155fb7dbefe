/**
 * At least 20 injection attempts (tests/fixtures/injection/*.md) run through the Markdown
 * processor exactly as astro.config.mjs configures it (so the test also proves our plugins are
 * registered there): Astro's unified Markdown renderer and its MDX compile path. None may reach
 * the HTML as active content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import type { AstroMarkdownOptions, MarkdownProcessor } from '@astrojs/internal-helpers/markdown';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';
import remarkReportMdxGuard from '../../../src/plugins/remark-report-mdx-guard.ts';
import { activeContent } from './active-content.ts';

const DIR = fileURLToPath(new URL('../../fixtures/injection/', import.meta.url));
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => [f, readFileSync(DIR + f, 'utf8')] as const);
const CONTENT_PATH = `${process.cwd()}/content/reports/2022/2022-04-01-x.md`;
const processor = config.markdown!.processor as MarkdownProcessor;
// The options Astro passes to every renderer, as configured (syntaxHighlight off).
const shared = { syntaxHighlight: config.markdown!.syntaxHighlight } as AstroMarkdownOptions;

let markdown: MarkdownRenderer;
beforeAll(async () => {
  markdown = await processor.createRenderer(shared);
});

async function renderMd(text: string, path = CONTENT_PATH): Promise<string> {
  return (await markdown.render(text, { fileURL: new URL(`file://${path}`) })).code;
}

async function compileMdx(text: string, path = CONTENT_PATH.replace(/\.md$/, '.mdx')): Promise<string> {
  const renderer = await processor.createMdxRenderer!(shared, { optimize: false });
  return (await renderer.process(text, path, {})).code;
}

describe('injection attempts through the Markdown pipeline', () => {
  it('has at least 20 attempts', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });
  it.each(CASES)('%s: nothing active reaches the HTML', async (_name, text) => {
    const html = await renderMd(text);
    expect(activeContent(html)).toEqual([]);
    // Text such as `title="…onerror=…"` or a link's visible words is inert; parse5 decides above.
    expect(html).not.toMatch(/<script/i);
  });
  it('the check itself can fail: the same input without the plugin is active', async () => {
    const bare = await createMarkdownProcessor({ smartypants: false, syntaxHighlight: false });
    const unsafe = await Promise.all(CASES.map(async ([, text]) => activeContent((await bare.render(text)).code).length));
    expect(unsafe.filter((n) => n > 0).length).toBeGreaterThanOrEqual(20);
  });
});

describe('injection attempts through the MDX compile path', () => {
  it.each(CASES)('%s: rejected, or compiled without active content', async (_name, text) => {
    let code: string;
    try {
      code = await compileMdx(text);
    } catch (error) {
      // Rejected: by our guard (JSX/expressions) or by the MDX parser itself (HTML that is not JSX).
      expect(String(error)).toMatch(/报道里不能有代码|Unexpected|Could not parse|Expected|Unexpected character/);
      return;
    }
    expect(code).not.toMatch(/javascript:|vbscript:|data:text|data:image|"on[a-z]+"|_jsx\("script"|<script/i);
  });
});

describe(remarkReportMdxGuard, () => {
  it('names every line with import, export, expressions and components', async () => {
    const text = 'import X from "./x.js";\nexport const y = 1;\n\n正文 {1 + 1}\n\n<Chart data={y} />\n';
    await expect(compileMdx(text)).rejects.toThrowError(
      /报道里不能有代码[\s\S]*第 1 行[\s\S]*import\/export[\s\S]*第 4 行[\s\S]*表达式[\s\S]*第 6 行[\s\S]*组件/,
    );
  });
  it('leaves developer MDX under src/ alone', async () => {
    const code = await compileMdx('export const y = 1;\n\n# 标题 {y}\n', `${process.cwd()}/src/pages/about.mdx`);
    expect(code).toContain('const y = 1');
  });
  it('lets plain Markdown in MDX through', async () => {
    const code = await compileMdx('# 标题\n\n正文，[原文](https://example.org/)。\n');
    expect(code).toContain('https://example.org/');
  });
});
