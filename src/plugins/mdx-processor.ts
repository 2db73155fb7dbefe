/**
 * The processor for .mdx files (astro.config.mjs passes it to mdx()). Dossiers (content/dossiers/)
 * are MDX with the embeds of src/lib/dossier/components.ts and nothing else; any other content
 * .mdx (a report) is refused and sanitised as before. Exported so tests compile MDX exactly as
 * the build does.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeDossierSanitize from './rehype-dossier-sanitize.ts';
import rehypeReportSanitize, { isContentFile } from './rehype-report-sanitize.ts';
import remarkDossierMdxGuard, { isDossierFile } from './remark-dossier-mdx-guard.ts';
import remarkReportMdxGuard from './remark-report-mdx-guard.ts';

const reportContent = (path: string | undefined) => isContentFile(path) && !isDossierFile(path);

export const mdxProcessor = unified({
  smartypants: false,
  remarkPlugins: [[remarkReportMdxGuard, { include: reportContent }], remarkDossierMdxGuard],
  rehypePlugins: [[rehypeReportSanitize, { include: reportContent }], rehypeDossierSanitize],
});
