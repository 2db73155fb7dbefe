/**
 * Astro's own floor (`npm run bench -- --floor`): the smallest Astro 7 site that still does the
 * archive's core job on the same reports, so a sitting can say how much of the build is Astro and
 * how much is the archive's own work (issue 19: "the gap is ours, not Astro's").
 *
 * What it builds, and nothing else: the glob loader over the reports with `retainBody: false` (as
 * the archive), a schema of the two fields it shows, one page per report rendering its body under
 * an <h1>, 20 topic pages of up to 200 links each, and an index page. No integrations, no search
 * index, Astro's default Markdown processor. The files are written into the bench's scratch
 * directory (never into the project, whose `astro check` would type-check them as its own).
 */

/** The floor site's files, by path relative to its root; `reportsDir` is the bench's content/reports. */
export function floorSiteFiles(reportsDir: string, outDir: string, cacheDir: string): Record<string, string> {
  const q = JSON.stringify;
  return {
    'package.json': `${q({ name: 'xieshang-bench-floor', private: true, type: 'module' })}\n`,
    'astro.config.mjs': `import { defineConfig } from 'astro/config';
export default defineConfig({ outDir: ${q(outDir)}, cacheDir: ${q(cacheDir)}, devToolbar: { enabled: false } });
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const reports = defineCollection({
  loader: glob({ pattern: '**/*.md', base: ${q(reportsDir)}, retainBody: false }),
  schema: z.object({ title: z.string(), topics: z.array(z.string()).default([]) }).passthrough(),
});
export const collections = { reports };
`,
    'src/pages/reports/[...id].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const all = await getCollection('reports');
  return all.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main><h1>{entry.data.title}</h1><Content /></main></body></html>
`,
    'src/pages/topics/[topic].astro': `---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  const all = await getCollection('reports');
  const topics = [...new Set(all.flatMap((e) => e.data.topics))].sort().slice(0, 20);
  return topics.map((topic) => ({ params: { topic }, props: { items: all.filter((e) => e.data.topics.includes(topic)).slice(0, 200) } }));
}
const { items } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>topic</title></head>
<body><ul>{items.map((e) => <li><a href={\`/reports/\${e.id}/\`}>{e.data.title}</a></li>)}</ul></body></html>
`,
    'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const all = await getCollection('reports');
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>floor</title></head>
<body><p>{all.length} reports</p></body></html>
`,
  };
}
