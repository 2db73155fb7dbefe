/**
 * Report Markdown rendered on worker threads during content sync.
 *
 * Why: Astro's glob() loader renders every changed entry on its main thread, one after another,
 * while the machine's other cores sit idle: at 10,000 reports rendering was 9.1 s of content
 * sync's 15 s (micromark's parsing 6.4 s; docs/scaling.md). `markdownOnThreads` wraps the loader
 * and hands it a Markdown entry type whose render function sends each body to a pool of threads
 * (src/node/markdown-render-worker.ts) that render it with the same pipeline
 * (src/plugins/report-markdown.ts), so the main thread reads, parses and stores the next entries
 * meanwhile. The HTML is the same either way; only where it is computed changes.
 *
 * When: the threads start once a load has rendered RENDERS_BEFORE_THREADS entries itself. An
 * editor's build that renders the one report they added never starts them (a thread takes about
 * half a second to load the pipeline); a build from nothing renders on the main thread until
 * they are ready. Only when the configured processor is the report pipeline (the same plugins,
 * no syntax highlighting): any other configuration renders as Astro would, on the main thread.
 *
 * Nothing is lost: a job whose thread fails or stops is rendered on the main thread instead (with
 * a warning), and a body the pipeline fails on comes back as an error with the pipeline's message,
 * which glob() logs as it does for one rendered on the main thread. `.mdx` files keep their own
 * entry type and are not moved.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import type { ContentEntryRenderFunction, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { reportMarkdownOptions } from '../plugins/report-markdown.ts';

/**
 * The context Astro's content layer hands a loader, with the entry types by file extension that it
 * passes besides the documented fields (astro/dist/content/content-layer.js); glob() renders with them.
 */
export type LoaderContextWithEntryTypes = LoaderContext & { entryTypes: Map<string, ContentEntryType> };
type RenderFunction = ContentEntryRenderFunction;
type RenderEntry = Parameters<RenderFunction>[0];
type Rendered = Awaited<ReturnType<RenderFunction>>;

/** The options Astro hands a Markdown processor's createRenderer, as far as a thread needs them. */
export interface RenderWorkerData {
  shared: Pick<AstroMarkdownOptions, 'image' | 'gfm' | 'smartypants'> & { syntaxHighlight: false };
}
export interface RenderJob {
  job: number;
  body: string;
  frontmatter: Record<string, unknown>;
  filePath?: string;
}
export type RenderAnswer = { ready: true } | { job: number; rendered: Rendered } | { job: number; error: string };

/** Entries a load renders on its main thread before it starts the threads (see above). */
export const RENDERS_BEFORE_THREADS = 32;
/**
 * The threads: one per core but the main thread's, at most three. The main thread still reads,
 * parses, validates and stores every entry (at 10,000 reports about 8 of its 12 s). On two cores one
 * thread synced 10,000 reports in 11.4–11.9 s and two in 12.0–12.5 s (docs/scaling.md).
 */
const THREADS = Math.max(1, Math.min(3, availableParallelism() - 1));

const pluginNames = (plugins: unknown[] | undefined) =>
  (plugins ?? []).map((plugin) => (typeof plugin === 'function' ? plugin.name : JSON.stringify(plugin) ?? String(plugin))).join(' ');

/**
 * What a render thread needs to build the same renderer as Astro, or undefined when the
 * configured processor is not the report pipeline (then nothing is moved onto threads).
 */
export function renderWorkerData(config: LoaderContext['config']): RenderWorkerData | undefined {
  const { processor, syntaxHighlight, gfm, smartypants } = config.markdown;
  const options = processor.options as { remarkPlugins?: unknown[]; rehypePlugins?: unknown[]; remarkRehype?: object; smartypants?: unknown; gfm?: unknown };
  const same =
    processor.name === 'unified' &&
    syntaxHighlight === false &&
    pluginNames(options.remarkPlugins) === pluginNames(reportMarkdownOptions.remarkPlugins) &&
    pluginNames(options.rehypePlugins) === pluginNames(reportMarkdownOptions.rehypePlugins) &&
    Object.keys(options.remarkRehype ?? {}).length === 0 &&
    options.smartypants === reportMarkdownOptions.smartypants &&
    options.gfm === undefined;
  if (!same) return undefined;
  const data: RenderWorkerData = { shared: { image: { domains: config.image.domains, remotePatterns: config.image.remotePatterns }, syntaxHighlight: false, gfm, smartypants } };
  try {
    return structuredClone(data);
  } catch {
    return undefined;
  }
}

interface Thread {
  worker: Worker;
  ready: boolean;
  jobs: Map<number, { entry: RenderEntry; resolve: (rendered: Rendered) => void; reject: (error: Error) => void }>;
}

interface PoolOptions {
  data: RenderWorkerData;
  threads: number;
  rendersBeforeThreads: number;
  warn: (message: string) => void;
  workerFile: URL;
}

/** A pool of render threads, started on first use; `render` falls back to `onMain` (see above). */
class RenderPool {
  private threads: Thread[] = [];
  private renders = 0;
  private nextJob = 0;
  private closed = false;
  private readonly onMain: RenderFunction;
  private readonly options: PoolOptions;

  constructor(onMain: RenderFunction, options: PoolOptions) {
    this.onMain = onMain;
    this.options = options;
  }

  render(entry: RenderEntry): ReturnType<RenderFunction> {
    if (++this.renders === this.options.rendersBeforeThreads) this.start();
    const ready = this.threads.filter((t) => t.ready);
    if (ready.length === 0) return this.onMain(entry);
    const thread = ready.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const job = this.nextJob++;
    return new Promise((resolve, reject) => {
      thread.jobs.set(job, { entry, resolve, reject });
      try {
        thread.worker.postMessage({ job, body: entry.body ?? '', frontmatter: entry.data, filePath: entry.filePath } satisfies RenderJob);
      } catch {
        // Front matter a thread cannot be sent (not structured-cloneable): rendered here.
        thread.jobs.delete(job);
        this.onMain(entry).then(resolve, reject);
      }
    });
  }

  private start(): void {
    for (let i = 0; i < this.options.threads; i++) {
      const worker = new Worker(this.options.workerFile, { workerData: this.options.data, execArgv: [] });
      const thread: Thread = { worker, ready: false, jobs: new Map() };
      this.threads.push(thread);
      worker.on('message', (answer: RenderAnswer) => {
        if ('ready' in answer) thread.ready = !this.closed;
        else {
          const pending = thread.jobs.get(answer.job);
          thread.jobs.delete(answer.job);
          if ('error' in answer) pending?.reject(new Error(answer.error));
          else pending?.resolve(answer.rendered);
        }
      });
      // A thread that fails or stops takes no more jobs, and the ones it had are rendered here.
      const lost = (why: string) => {
        if (!this.threads.includes(thread)) return;
        this.threads = this.threads.filter((t) => t !== thread);
        if (!this.closed) this.options.warn(`A Markdown render thread stopped (${why}); the reports it had are rendered on the main thread.`);
        for (const { entry, resolve, reject } of thread.jobs.values()) this.onMain(entry).then(resolve, reject);
        thread.jobs.clear();
      };
      worker.once('error', (error) => lost(error.message));
      worker.once('exit', (code) => lost(`exit code ${code}`));
    }
  }

  /** Stops the threads (the load has awaited every render it asked for). */
  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

/** The entry types with `.md`'s render function replaced by the pool's. */
function withPooledMarkdown(entryTypes: Map<string, ContentEntryType>, pool: (onMain: RenderFunction) => RenderPool): Map<string, ContentEntryType> {
  const md = entryTypes.get('.md');
  const getRenderFunction = md?.getRenderFunction;
  if (!md || !getRenderFunction) return entryTypes;
  const pooled: ContentEntryType = {
    ...md,
    getRenderFunction: async (config) => {
      const p = pool(await getRenderFunction(config));
      return (entry) => p.render(entry);
    },
  };
  return new Map([...entryTypes, ['.md', pooled]]);
}

/**
 * Wraps a loader of report Markdown (Astro's glob()) so that the bodies it renders are rendered
 * on worker threads (see above). The options are for tests.
 */
export function markdownOnThreads(inner: Loader, options: { threads?: number; rendersBeforeThreads?: number; workerFile?: URL } = {}): Loader {
  return {
    ...inner,
    name: `${inner.name}+markdown-on-threads`,
    load: async (context) => {
      const { entryTypes } = context as LoaderContextWithEntryTypes;
      const data = renderWorkerData(context.config);
      if (!data || !entryTypes) return inner.load(context);
      const pools: RenderPool[] = [];
      const pool = (onMain: RenderFunction) => {
        const p = new RenderPool(onMain, {
          data,
          threads: options.threads ?? THREADS,
          rendersBeforeThreads: options.rendersBeforeThreads ?? RENDERS_BEFORE_THREADS,
          warn: (message) => context.logger.warn(message),
          workerFile: options.workerFile ?? new URL('./markdown-render-worker.ts', import.meta.url),
        });
        pools.push(p);
        return p;
      };
      try {
        await inner.load({ ...context, entryTypes: withPooledMarkdown(entryTypes, pool) } as LoaderContextWithEntryTypes);
      } finally {
        await Promise.all(pools.map((p) => p.close()));
      }
    },
  };
}
