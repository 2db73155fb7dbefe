/**
 * The two passes over the built site, the search index (src/lib/search/build/write-index.ts) and
 * the 简/繁 dictionaries (src/lib/text/write-script-dictionaries.ts), each in a worker thread
 * (src/node/built-site-worker.ts), fed while Astro builds the pages.
 *
 * Why while, not after: Astro renders pages on one core and the machine has two. Handed each page
 * as it is rendered (src/integrations/built-site-middleware.ts), the workers do most of their work
 * (reading the page, scanning it for 简/繁 keys, parsing what the index needs) on the idle core
 * during page generation, and the dictionaries pass returns the page with its <meta> for Astro to
 * write once, instead of reading and rewriting 10,000 pages afterwards. What is left for the end
 * is what needs every page: ordering and writing the index, and the search page's union
 * dictionary. Pages the build did not hand in are read from disk at the end, as before, so the
 * output is the same either way.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WrittenIndex } from '../lib/search/build/write-index.ts';
import type { WrittenDictionaries } from '../lib/text/write-script-dictionaries.ts';
import { INDEX_DIR } from '../lib/search/index/format.ts';
import type { BuiltPageHook } from './built-site-hook.ts';

export type PassRequest = { pass: 'search-index'; dir: string } | { pass: 'script-dictionaries'; dir: string; skipDirs: string[]; scratchDir: string };
/** A pass's outcome; `seconds` is the time it took after the last page was built (the build's wait). */
export type PassResult =
  | { pass: 'search-index'; written: WrittenIndex; pagesHandedIn: number; seconds: number }
  | { pass: 'script-dictionaries'; written: WrittenDictionaries; pagesHandedIn: number; seconds: number };
export type ToWorker = { kind: 'page'; id: number; path: string; url: string; html: string } | { kind: 'finish' };
export type FromWorker = { kind: 'page'; id: number; html: string } | { kind: 'result'; result: PassResult };


const WORKER = new URL('./built-site-worker.ts', import.meta.url);
// Where the dictionaries pass writes pages before renaming them into place; removed at the end.
const SCRATCH_DIR = '.built-site-scratch';

/**
 * A page's file under the site root from its URL path, as Astro's directory format writes it:
 * '/reports/2024/x/' → 'reports/2024/x/index.html', '/404' → '404.html'. A page whose file is
 * elsewhere is not lost: the passes read every page they were not handed at the end.
 */
export function pageFile(pathname: string): { path: string; url: string } {
  const url = decodeURI(pathname);
  const path = url.replace(/^\//, '');
  return { url, path: url.endsWith('/') ? `${path}index.html` : path.endsWith('.html') ? path : `${path}.html` };
}

class PassWorker {
  readonly worker: Worker;
  readonly result: Promise<PassResult>;
  constructor(request: PassRequest, onPage: (message: Extract<FromWorker, { kind: 'page' }>) => void, onError: (error: Error) => void) {
    this.worker = new Worker(WORKER, { workerData: request });
    this.result = new Promise((resolve, reject) => {
      let result: PassResult | undefined;
      this.worker.on('message', (message: FromWorker) => {
        if (message.kind === 'page') onPage(message);
        else result = message.result;
      });
      this.worker.once('error', (error) => {
        onError(error);
        reject(error);
      });
      this.worker.once('exit', (code) => {
        if (result) resolve(result);
        else {
          const error = new Error(`The ${request.pass} pass over the built site stopped (exit code ${code}) without a result.`);
          onError(error);
          reject(error);
        }
      });
    });
    // Handled by finish; a failure before then is also seen by the next page handed in.
    this.result.catch(() => {});
  }
}

/**
 * The passes of one build: started before the pages are rendered, handed each page (`page`), and
 * finished when the build is done (`finish`). While no page is waiting for an answer the workers
 * do not keep the process alive, so a build that fails before it is done still exits.
 */
export class BuiltSitePasses implements BuiltPageHook {
  private readonly index: PassWorker;
  private readonly dictionaries: PassWorker;
  private readonly waiting = new Map<number, { resolve: (html: string) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;
  private finishing = false;
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    };
    this.index = new PassWorker({ pass: 'search-index', dir }, () => {}, fail);
    const indexDir = INDEX_DIR.replace(/^\/|\/$/g, '');
    this.dictionaries = new PassWorker(
      { pass: 'script-dictionaries', dir, skipDirs: [indexDir], scratchDir: SCRATCH_DIR },
      ({ id, html }) => {
        this.waiting.get(id)?.resolve(html);
        this.waiting.delete(id);
        this.keepAlive();
      },
      fail,
    );
    this.keepAlive();
  }

  private keepAlive(): void {
    const alive = this.finishing || this.waiting.size > 0;
    for (const { worker } of [this.index, this.dictionaries]) {
      if (alive) worker.ref();
      else worker.unref();
    }
  }

  /** Hands a rendered page in; resolves to the page as it is to be written (with its dictionary named). */
  page(pathname: string, html: string): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.finishing) return Promise.reject(new Error(`${pathname} was rendered after the passes over the built site had finished.`));
    const { path, url } = pageFile(pathname);
    const id = this.nextId++;
    if (html.includes('data-search-body')) this.index.worker.postMessage({ kind: 'page', id, path, url, html } satisfies ToWorker);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.keepAlive();
      this.dictionaries.worker.postMessage({ kind: 'page', id, path, url, html } satisfies ToWorker);
    });
  }

  /**
   * Both passes' remaining work, at once; `onDone` hears each as it finishes (for the build log).
   * If one fails, the other is stopped and the error is thrown.
   */
  async finish(onDone: (result: PassResult) => void): Promise<PassResult[]> {
    this.finishing = true;
    this.keepAlive();
    const passes = [this.index, this.dictionaries];
    try {
      if (this.failure) throw this.failure;
      for (const { worker } of passes) worker.postMessage({ kind: 'finish' } satisfies ToWorker);
      return await Promise.all(passes.map((p) => p.result.then((result) => (onDone(result), result))));
    } catch (error) {
      await this.stop();
      throw error;
    } finally {
      rmSync(join(this.dir, SCRATCH_DIR), { recursive: true, force: true });
    }
  }

  /** Stops both workers (a build that failed). */
  async stop(): Promise<void> {
    await Promise.all([this.index, this.dictionaries].map(({ worker }) => worker.terminate()));
  }
}

/** Both passes over a site already built at `dir` (every page read from disk). */
export function runBuiltSitePasses(dir: string, onDone: (result: PassResult) => void): Promise<PassResult[]> {
  return new BuiltSitePasses(dir).finish(onDone);
}
