// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';

// The public address; feeds, canonical URLs and the sitemap are built from it.
const site = process.env.SITE_URL ?? 'https://xieshang-archive.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Overridable so that tests, benchmarks and parallel work can build without sharing one dist/.
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  cacheDir: process.env.ARCHIVE_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor is not unified; our remark/rehype plugins need this one.
    // SmartyPants off: Chinese text already carries its own quotes and must stay as published.
    processor: unified({ smartypants: false, remarkPlugins: [], rehypePlugins: [] }),
  },
  integrations: [mdx(), sitemap(), (await import('./src/integrations/pagefind.ts')).default()],
  devToolbar: { enabled: false },
});
