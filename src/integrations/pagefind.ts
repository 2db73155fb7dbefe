/**
 * Builds the Pagefind search index after `astro build`, with Pagefind's Node API.
 *
 * Only report pages are indexed, and only their data-pagefind-body (title and text). Their Chinese
 * text is rewritten into character-bigram tokens first (src/lib/search/han-bigrams.ts explains why),
 * so the whole index is one language-neutral index ("und"): Pagefind's own jieba segmentation is
 * not used, and the browser's query segmentation leaves our ASCII tokens alone. Files on disk are
 * not changed; the rewritten HTML goes to Pagefind through addHTMLFile.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { encodeHanInHtml } from '../lib/search/encode-html.ts';

/** The index language: not zh, so Pagefind neither segments nor stems our tokens. */
const INDEX_LANGUAGE = 'und';
// Files handed to the Pagefind service at once; more gains nothing on 2 cores and costs memory.
const BATCH = 32;

/** Every index.html under `dir`, as sorted absolute paths (readdir order differs between file systems). */
function findPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** The page URL for a built file: reports/2022/x/index.html → /reports/2022/x/. */
function urlOf(outDir: string, file: string): string {
  return `/${relative(outDir, file).split(sep).join('/').replace(/index\.html$/, '')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The Astro integration: index report pages into <outDir>/pagefind/ when the build is done. */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'xieshang:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('xieshang:pagefind');
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const reportsDir = join(outDir, 'reports');
        let files: string[] = [];
        try {
          files = findPages(reportsDir);
        } catch {
          files = [];
        }
        const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
        try {
          if (!index) throw new Error(`Pagefind could not create an index: ${createErrors.join('; ')}`);
          let indexed = 0;
          for (let i = 0; i < files.length; i += BATCH) {
            const responses = await Promise.all(
              files.slice(i, i + BATCH).map((file) => {
                const html = readFileSync(file, 'utf8');
                // Pages without a marked body (report lists under /reports/…) are not reports.
                if (!html.includes('data-pagefind-body')) return undefined;
                return index.addHTMLFile({ url: urlOf(outDir, file), content: encodeHanInHtml(html) });
              }),
            );
            for (const response of responses) {
              if (!response) continue;
              if (response.errors.length) throw new Error(`Pagefind could not index a page: ${response.errors.join('; ')}`);
              indexed++;
            }
          }
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          log.info(`Indexed ${plural(indexed, 'report')} in ${seconds} s.`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
