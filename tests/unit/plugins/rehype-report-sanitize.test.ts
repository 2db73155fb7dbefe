/**
 * What the sanitiser keeps: everything a report needs (figures, tables, footnotes, links, images).
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import rehypeReportSanitize, { isContentFile } from '../../../src/plugins/rehype-report-sanitize.ts';

let md: MarkdownRenderer;
beforeAll(async () => {
  md = await createMarkdownProcessor({ smartypants: false, syntaxHighlight: false, rehypePlugins: [rehypeReportSanitize] });
});
const render = async (text: string, path = '/a/content/reports/2022/x.md') => (await md.render(text, { fileURL: new URL(`file://${path}`) })).code;

describe(rehypeReportSanitize, () => {
  it('keeps figures with captions and images with relative or https sources', async () => {
    const html = await render('<figure><img src="./tu.jpg" alt="会场" width="600"><figcaption>区政协会议现场</figcaption></figure>\n');
    expect(html).toBe('<figure><img src="./tu.jpg" alt="会场" width="600"><figcaption>区政协会议现场</figcaption></figure>');
  });
  it('keeps GFM tables and HTML tables with captions, spans and alignment', async () => {
    expect(await render('| 指标 | 数值 |\n| :-- | --: |\n| 营收 | 157.36 |\n')).toContain('<td align="right">157.36</td>');
    const html = await render('<table><caption>主要指标</caption><tr><th colspan="2">2021年</th></tr></table>\n');
    expect(html).toContain('<caption>主要指标</caption>');
    expect(html).toContain('<th colspan="2">2021年</th>');
  });
  it('keeps mark, abbr, time, small, sub and sup', async () => {
    const html = await render('<mark>重点</mark><abbr title="中国人民政治协商会议">政协</abbr><time datetime="2022-04-01">4月1日</time><small>注</small>H<sub>2</sub>O m<sup>2</sup>\n');
    expect(html).toContain('<mark>重点</mark>');
    expect(html).toContain('<abbr title="中国人民政治协商会议">政协</abbr>');
    expect(html).toContain('<time datetime="2022-04-01">4月1日</time>');
    expect(html).toContain('<small>注</small>');
  });
  it('keeps footnotes working (ids and links agree, no doubled prefix)', async () => {
    const html = await render('正文[^1]。\n\n[^1]: 据区统计局数据。\n');
    const href = /href="#(user-content-fn-1)"/.exec(html)?.[1];
    expect(href).toBe('user-content-fn-1');
    expect(html).toContain(`id="${href}"`);
    expect(html).not.toContain('user-content-user-content-');
  });
  it('keeps https and mailto links, drops other schemes', async () => {
    const html = await render('[原文](https://www.rmzxw.com.cn/) [来信](mailto:editor@example.org) [聊天](irc://x)\n');
    expect(html).toContain('href="https://www.rmzxw.com.cn/"');
    expect(html).toContain('href="mailto:editor@example.org"');
    expect(html).not.toContain('irc:');
  });
  it('prefixes author ids so they cannot clobber the page', async () => {
    expect(await render('<p id="main">x</p>\n')).toBe('<p id="user-content-main">x</p>');
  });
  it('prefixes body heading ids so `## main` or `## cite-gbt` cannot take the page\'s own ids', async () => {
    const html = await render('## main\n\n## cite-gbt\n\n## 一、基本情况\n\n## main\n');
    expect(html).toBe('<h2 id="h-main">main</h2>\n<h2 id="h-cite-gbt">cite-gbt</h2>\n<h2 id="h-一基本情况">一、基本情况</h2>\n<h2 id="h-main-1">main</h2>');
  });
  it('keeps in-body links to headings and author ids working after prefixing', async () => {
    const html = await render('见[基本情况](#一基本情况)与[下文](#%E4%B8%80%E5%9F%BA%E6%9C%AC%E6%83%85%E5%86%B5)、<a href="#note">注</a>、[页首](#top)。\n\n## 一、基本情况\n\n<p id="note">注</p>\n');
    expect(html).toContain('<a href="#h-一基本情况">基本情况</a>');
    expect(html).toContain('<a href="#h-一基本情况">下文</a>');
    expect(html).toContain('<a href="#user-content-note">注</a>');
    expect(html).toContain('<a href="#top">页首</a>');
  });
  it('removes stripped void elements, unwraps unknown ones keeping their text', async () => {
    expect(await render('<embed src="x.swf"><meta http-equiv="refresh" content="0"><font color="red">红字</font>\n')).toBe('<p>红字</p>');
  });
  it('shows tags that would swallow the text after them (<style>, <title> …) as text', async () => {
    expect(await render('<style>.x{}</style><font color="red">红字</font>\n')).toBe('&#x3C;style>.x{}&#x3C;/style>红字');
    expect(await render('网页的 <title> 标签。\n')).toBe('<p>网页的 &#x3C;title> 标签。</p>');
  });
  it("leaves the project's src/ alone", async () => {
    expect(await render('<p style="color:red">x</p>\n', `${process.cwd()}/src/pages/about.md`)).toContain('style="color:red"');
    expect(await render('<p style="color:red">x</p>\n', '/elsewhere/src/pages/about.md')).not.toContain('style');
  });
});

describe(isContentFile, () => {
  it("treats everything outside the project's src/ as content", () => {
    expect(isContentFile('/w/content/reports/2022/x.md', '/w')).toBe(true);
    expect(isContentFile(undefined, '/w')).toBe(true);
    expect(isContentFile('/w/src/pages/a.mdx', '/w')).toBe(false);
  });
  it('still sanitises a project that itself lives in some src/ folder', () => {
    expect(isContentFile('/home/ed/src/archive/content/reports/2022/x.md', '/home/ed/src/archive')).toBe(true);
    expect(isContentFile('/home/ed/src/archive/src/pages/a.md', '/home/ed/src/archive')).toBe(false);
  });
  it('does not let ../ escape into src/ or out of it', () => {
    expect(isContentFile('/w/src/../content/x.md', '/w')).toBe(true);
    expect(isContentFile('/w/content/../src/x.md', '/w')).toBe(false);
  });
});
