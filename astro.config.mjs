// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import contentCheck from './src/integrations/content-check.ts';
import siteUrlNotice from './src/integrations/site-url.ts';
import keptOutput from './src/integrations/kept-output.ts';
import { reportMarkdownOptions } from './src/plugins/report-markdown.ts';
import { mdxProcessor } from './src/plugins/mdx-processor.ts';
import { collectionStorageFor } from './src/node/collection-storage.ts';
import { countReportFiles } from './src/node/report-count.ts';
import { contentDir } from './src/schemas/registry.ts';

// The public address; absolute citations, canonical URLs, feeds and the sitemap are built from it.
// Unset, there is no made-up domain: addresses stay relative and the build says so once
// (src/lib/reader/public-url.ts); the sitemap, which must be absolute, is skipped.
const site = process.env.SITE_URL?.trim() || undefined;

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Overridable so that tests, benchmarks and parallel work can build without sharing one dist/.
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  cacheDir: process.env.ARCHIVE_CACHE_DIR ?? './node_modules/.astro',
  // Four pages in flight: with one, the build waits on each page's file write (a 2,000-report
  // profile: the main thread idle 40 % of page generation); output is the same bytes either way.
  build: { format: 'directory', concurrency: 4 },
  markdown: {
    // Astro 7's default processor is not unified; our remark/rehype plugins need this one.
    // No Shiki: its inline styles would be stripped by the sanitiser and clash with the CSP.
    syntaxHighlight: false,
    // The report pipeline (SmartyPants off, the MDX guard, the sanitiser): src/plugins/report-markdown.ts,
    // shared with content sync's render threads (src/node/markdown-render-pool.ts).
    processor: unified(reportMarkdownOptions),
  },
  // A CSP <meta> on every page: scripts only from this site (Astro adds hashes of its own inline
  // scripts); inline styles stay allowed (scoped
  // styles, chart SVGs), since report HTML carries no style attributes after sanitising.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-src 'none'"],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  // contentCheck first: a content mistake stops the build with the full list (npm run check).
  integrations: [
    contentCheck(),
    siteUrlNotice(site),
    // .mdx has its own processor (src/plugins/mdx-processor.ts): dossiers may embed the archive's
    // components, every other content .mdx is refused and sanitised as before.
    mdx({ processor: mdxProcessor }),
    ...(site ? [sitemap()] : []),
    // dist/ is kept between builds (pages the incremental build skips stay put); what this build
    // did not write is removed before the passes below read the pages.
    keptOutput(),
    // The search index and each page's 简/繁 dictionary, written at once when the pages are built.
    (await import('./src/integrations/built-site.ts')).default(),
  ],
  devToolbar: { enabled: false },
  experimental: {
    // Report pages, list pages and region feeds whose key (src/data/page-keys.ts) and code are
    // unchanged are kept from the previous build instead of rendered: an editor who adds one
    // report waits for that page, its neighbours and its lists, not for all of them.
    incrementalBuild: true,
    // One data-store.json up to 200,000 reports, files of ≤ 20 MiB beyond (where one file is too
    // large for the bundler; chunked is 4× slower to sync): src/node/collection-storage.ts.
    collectionStorage: collectionStorageFor(countReportFiles(`${contentDir()}/reports`)),
  },
});
