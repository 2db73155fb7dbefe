/**
 * How report Markdown (.md) is rendered: the options of `unified()` from @astrojs/markdown-remark.
 * One definition for both places that render it: astro.config.mjs (`markdown.processor`) and the
 * render threads of content sync (src/node/markdown-render-pool.ts), so a body rendered on another
 * thread is the same HTML as one Astro renders itself.
 *
 * SmartyPants off: Chinese text already carries its own quotes and must stay as published.
 * Content safety: content MDX may hold no code; report HTML is sanitised (this folder).
 */
import rehypeReportSanitize from './rehype-report-sanitize.ts';
import remarkReportMdxGuard from './remark-report-mdx-guard.ts';

export const reportMarkdownOptions = {
  smartypants: false,
  remarkPlugins: [remarkReportMdxGuard],
  rehypePlugins: [rehypeReportSanitize],
};
