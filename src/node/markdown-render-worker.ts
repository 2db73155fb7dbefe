/**
 * A render thread of content sync (started by src/node/markdown-render-pool.ts): renders report
 * Markdown with the report pipeline (src/plugins/report-markdown.ts) exactly as Astro's Markdown
 * entry type does (astro/dist/vite-plugin-markdown/content-entry-type.js), and answers each job
 * with its HTML and metadata or its error's message. Runs under Node's own TypeScript support,
 * like src/node/built-site-worker.ts: erasable TypeScript with explicit .ts imports only.
 */
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { reportMarkdownOptions } from '../plugins/report-markdown.ts';
import type { RenderJob, RenderWorkerData, RenderAnswer } from './markdown-render-pool.ts';

const { shared } = workerData as RenderWorkerData;
const renderer = await unified(reportMarkdownOptions).createRenderer(shared);
const port = parentPort!;
port.on('message', async ({ job, body, frontmatter, filePath }: RenderJob) => {
  let answer: RenderAnswer;
  try {
    const result = await renderer.render(body, { frontmatter, fileURL: filePath ? pathToFileURL(filePath) : undefined });
    const imagePaths = result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths);
    answer = { job, rendered: { html: result.code, metadata: { ...result.metadata, imagePaths } } };
  } catch (error) {
    answer = { job, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
port.postMessage({ ready: true } satisfies RenderAnswer);
