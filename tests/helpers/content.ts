/**
 * Reads the real content files for tests, independently of Astro: front-matter parsed with the
 * `yaml` package and validated with the same schema the site uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { reportSchema } from '../../src/schemas/report.ts';
import { contentDir, contentDirUrl, loadRegistry } from '../../src/schemas/registry.ts';
import { sortReportsNewestFirst } from '../../src/lib/archive/sort.ts';
import type { Report } from '../../src/lib/archive/types.ts';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every report under content/reports with its parsed data and Markdown body, newest first. */
export function loadContentReports(root = contentDir()): (Report & { file: string; body: string })[] {
  const schema = reportSchema(loadRegistry(contentDirUrl()));
  const base = join(root, 'reports');
  const reports = walk(base).map((file) => {
    const text = readFileSync(file, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!match) throw new Error(`${file}: no front-matter`);
    const data = schema.parse(parse(match[1]));
    const id = relative(base, file).replace(/\.mdx?$/, '');
    return { id, data, file, body: match[2] };
  });
  return sortReportsNewestFirst(reports) as (Report & { file: string; body: string })[];
}
