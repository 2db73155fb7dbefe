/**
 * `npm run bench -- --reports N [--seed S] [--keep] [--work DIR] [--skip-browser] [--editor-wait] [--floor] [--query Q]`
 * `npm run bench -- --query-only DIST [--query Q]`: only the cold query, on a built site (prints its
 *   JSON: { phone, desktop }).
 *
 * Generates N synthetic reports (src/lib/bench/generate.ts) into a scratch content directory,
 * builds the whole site from it with the real `npm run build` (same config, pages, derivations and
 * search index and 简/繁 dictionaries, src/integrations/built-site.ts; ARCHIVE_CONTENT_DIR/OUT_DIR/CACHE_DIR point it
 * at the scratch directory), and measures each phase's seconds and peak RSS, the output and the
 * /search-index/ directory, a cold first query on /search/ in Chromium (at a phone's size, the
 * headline numbers, then at a desktop's), and the
 * importer's speed on the fixtures. Prints a table, then the result as one JSON line (last line).
 *
 * `--floor` also builds Astro's own floor from the same reports (src/lib/bench/floor-site.ts: a
 * bare Astro site, a page per report), so one sitting shows how much of the build is Astro's.
 *
 * Internal mode: `--derive DIR` runs the derivations alone over DIR's reports (a child process, so
 * that its memory is measured on its own).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseYaml } from 'yaml';
import { buildCorpus } from '../src/lib/bench/corpus.ts';
import { floorSiteFiles } from '../src/lib/bench/floor-site.ts';
import { generateReport, generateReports, provinceCodes, type GeneratorInput } from '../src/lib/bench/generate.ts';
import { formatTable, lineCollector, measurePhase, phaseSpans, round, totalCpuSeconds, type BenchResult, type EditorWait, type LogLine, type RssSample } from '../src/lib/bench/phases.ts';
import { allRegions } from '../src/lib/regions/gazetteer.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIRST_QUERY = '高质量发展';
/** After every synthetic report's date (2018–2025, src/lib/bench/generate.ts): the editor's wait for today's news. */
const NEWEST_DATE = '2026-01-15';

interface Args {
  reports: number;
  seed: number;
  keep: boolean;
  work?: string;
  skipBrowser: boolean;
  derive?: string;
  queryOnly?: string;
  query: string;
  editorWait: boolean;
  /** Also build Astro's own floor from the same reports (src/lib/bench/floor-site.ts). */
  floor: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { reports: 1000, seed: 1, keep: false, skipBrowser: false, query: FIRST_QUERY, editorWait: false, floor: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--reports' || a === '-n') args.reports = Number(value());
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--keep') args.keep = true;
    else if (a === '--work') args.work = resolve(value());
    else if (a === '--skip-browser') args.skipBrowser = true;
    else if (a === '--editor-wait') args.editorWait = true;
    else if (a === '--floor') args.floor = true;
    else if (a === '--derive') args.derive = resolve(value());
    else if (a === '--query-only') args.queryOnly = resolve(value());
    else if (a === '--query') args.query = value();
    else throw new Error(`Unknown option ${a}. Usage: npm run bench -- --reports N [--seed S] [--keep] [--work DIR] [--skip-browser] [--editor-wait] [--floor] [--query Q] | --query-only DIST [--query Q]`);
  }
  if (!Number.isInteger(args.reports) || args.reports < 1) throw new Error('--reports must be a positive integer');
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
  return args;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // A loop, not push(...): at 100k reports search-index/ holds 234,591 files, past the
    // arguments a spread can pass ("Maximum call stack size exceeded").
    if (entry.isDirectory()) for (const file of filesUnder(path)) out.push(file);
    else out.push(path);
  }
  return out.sort();
}

/** What the generator draws from: the fixtures' and seed reports' sentences, the registries, the provinces. */
function generatorInput(contentDir: string): { input: GeneratorInput; provinces: string[] } {
  const texts = [
    ...filesUnder(join(ROOT, 'tests/fixtures/raw')),
    ...filesUnder(join(ROOT, 'content/reports')).filter((f) => f.endsWith('.md')),
  ].map((f) => readFileSync(f, 'utf8'));
  const input = {
    sentences: buildCorpus(texts),
    topics: parseYaml(readFileSync(join(contentDir, 'topics.yaml'), 'utf8')),
    outlets: parseYaml(readFileSync(join(contentDir, 'outlets.yaml'), 'utf8')),
  };
  return { input, provinces: provinceCodes(allRegions().map((r) => r.code)) };
}

/** Writes the synthetic content directory. */
function writeContent(contentDir: string, reports: number, seed: number): void {
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(join(contentDir, 'reports'), { recursive: true });
  for (const name of ['topics.yaml', 'outlets.yaml']) copyFileSync(join(ROOT, 'content', name), join(contentDir, name));
  const { input, provinces } = generatorInput(contentDir);
  const made = new Set<string>();
  for (const report of generateReports(seed, reports, input, provinces)) {
    const file = join(contentDir, report.path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, report.text);
  }
}

/**
 * A shell script run under /usr/bin/time when the machine has it, which adds the CPU time of every
 * descendant that has ended (the 100 ms samples only see live ones): read back by buildCpuSeconds.
 */
function timedShell(script: string): [string, string[]] {
  return existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-f', 'BENCH_TIME %U %S', 'sh', '-c', script]] : ['sh', ['-c', script]];
}

/**
 * CPU seconds of one observed build. /usr/bin/time's count and the samples' both undercount in
 * different ways: the first misses children that were never reaped, the second processes
 * shorter than 100 ms. Take the larger.
 */
function buildCpuSeconds(run: Observed, spans: ReturnType<typeof phaseSpans>): number {
  const timeLine = /BENCH_TIME ([\d.]+) ([\d.]+)/u.exec(run.output);
  return Math.max(timeLine ? Number(timeLine[1]) + Number(timeLine[2]) : 0, totalCpuSeconds(spans, run.samples) ?? 0);
}

/**
 * Adds report number `index` of the same seed (the one an N+1 archive would have), or with the
 * date `dated`; returns its path.
 */
function addReport(contentDir: string, index: number, seed: number, dated?: string): string {
  const { input, provinces } = generatorInput(contentDir);
  const report = generateReport(seed, index, input, provinces, dated);
  const file = join(contentDir, report.path);
  if (existsSync(file)) throw new Error(`${file} exists already`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, report.text);
  return file;
}

// ---------------------------------------------------------------- process measurement

function childrenOf(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the command in parentheses, which may itself contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Resident memory (MB) of `pid` and all its live descendants, and the CPU seconds (user + system)
 * used so far by every process of the tree seen since `cpuByPid` was new, those that have exited
 * included: each live process's count is recorded there, and an exited one keeps its last. Without
 * that, the passes that `npm run build` runs after Astro's process has exited measured no CPU at
 * all (the tree's count fell by Astro's).
 */
function treeUsage(pid: number, cpuByPid: Map<number, number>): { rssMb: number; cpuSeconds: number } {
  const children = childrenOf();
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = readFileSync(`/proc/${p}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/mu);
      if (m) kb += Number(m[1]);
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of /proc/<pid>/stat (12 and 13 after the command).
      cpuByPid.set(p, Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone
    }
    stack.push(...(children.get(p) ?? []));
  }
  let ticks = 0;
  for (const count of cpuByPid.values()) ticks += count;
  return { rssMb: kb / 1024, cpuSeconds: ticks / TICKS_PER_SECOND };
}

interface Observed {
  lines: LogLine[];
  samples: RssSample[];
  ms: number;
  code: number;
  output: string;
}

/** Runs a command, timestamping each output line and sampling its tree's RSS every 100 ms. */
function observe(command: string, args: string[], env: NodeJS.ProcessEnv, echo: boolean, cwd = ROOT): Promise<Observed> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child: ChildProcess = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: LogLine[] = [];
    const samples: RssSample[] = [];
    let output = '';
    // Each stream cut into lines on its own; the decoder keeps a character split between chunks.
    const streams = [child.stdout!, child.stderr!].map((stream) => {
      const decoder = new StringDecoder('utf8');
      const collector = lineCollector(lines);
      stream.on('data', (chunk: Buffer) => {
        const text = decoder.write(chunk);
        output += text;
        collector.write(performance.now() - start, text);
        if (echo) process.stderr.write(text);
      });
      return collector;
    });
    const cpuByPid = new Map<number, number>();
    const timer = setInterval(() => {
      if (child.pid) samples.push({ atMs: performance.now() - start, ...treeUsage(child.pid, cpuByPid) });
    }, 100);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      for (const collector of streams) collector.end(performance.now() - start);
      done({ lines, samples, ms: performance.now() - start, code: code ?? 1, output });
    });
  });
}

/**
 * The project's `npm run build` script, run from the scratch directory with `--root` pointing at
 * the project. Why not `npm run build` from the project: Astro 7.3 puts its prerender bundle in
 * `<cwd>/.astro/.prerender/` whenever outDir lies outside the working directory
 * (getOutDirWithinCwd), so two builds from /work/main into /tmp directories overwrite each
 * other's bundle and fail with ERR_MODULE_NOT_FOUND. From the scratch directory the bundle stays
 * in the scratch directory.
 */
function buildCommand(): string {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.build;
  const withRoot = script.replace(/\b(astro|astro-with-heap-budget\.mjs) build\b/gu, `$1 build --root '${ROOT}'`).replace(/\bnode scripts\//gu, `node '${ROOT}/scripts/'`);
  if (withRoot === script) throw new Error(`package.json's build script does not run \`astro build\`: ${script}`);
  return `export PATH='${join(ROOT, 'node_modules/.bin')}':"$PATH"; ${withRoot}`;
}

// ---------------------------------------------------------------- derivations (child mode)

async function deriveOnly(contentDir: string): Promise<void> {
  const { reportSchema } = await import('../src/schemas/report.ts');
  const { loadRegistry } = await import('../src/schemas/registry.ts');
  const { deriveArchiveIndex } = await import('../src/lib/derive/archive-index.ts');
  const { reportsCsv, reportsJson, figuresCsv, timelineJson } = await import('../src/lib/derive/downloads.ts');
  const { pathToFileURL } = await import('node:url');
  const schema = reportSchema(loadRegistry(pathToFileURL(contentDir + '/')));
  const start = performance.now();
  const reportsDir = join(contentDir, 'reports');
  const reports = filesUnder(reportsDir).map((file) => {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---\n', 4);
    return { id: relative(reportsDir, file).replace(/\.mdx?$/u, ''), data: schema.parse(parseYaml(text.slice(4, end))) };
  });
  const parsed = performance.now();
  const cpu = process.cpuUsage();
  const index = deriveArchiveIndex(reports);
  const bytes = reportsCsv(index.reports).length + reportsJson(index.reports).length + figuresCsv(index.figures).length + timelineJson(index.timeline).length;
  const used = process.cpuUsage(cpu);
  const derived = performance.now();
  const deriveCpuMs = (used.user + used.system) / 1000;
  process.stdout.write(`${JSON.stringify({ parseMs: round(parsed - start, 1), deriveMs: round(derived - parsed, 1), deriveCpuMs: round(deriveCpuMs, 1), downloadsChars: bytes })}\n`);
}

// ---------------------------------------------------------------- output and browser

function sizeOf(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let html = 0;
  const files = filesUnder(dir);
  for (const f of files) {
    bytes += statSync(f).size;
    if (f.endsWith('.html')) html++;
  }
  return { bytes, files: files.length, html };
}

interface QueryOutcome {
  /** Bytes of every /search-index/ response (manifest, buckets, value files, cards; facets.bin when fetched). */
  indexBytes: number;
  /** Index bytes plus the page's JavaScript under /_astro/: everything search costs a first visitor beyond the HTML and CSS. */
  bytes: number;
  /** How many of those responses (index files and JS chunks). */
  requests: number;
  /** From Enter to the first result card in the page. */
  firstResultsMs: number;
  /**
   * From Enter to the results list's data-state="ready": the search drawn, with the facet counts
   * when the facet panel is on screen (desktop), without them on a phone with the panel folded.
   */
  facetCountsMs: number;
  /** Reports found, as the page counts them. */
  results: number;
  /**
   * Phone only: opening 筛选 after the search, the bytes it fetched and the ms until its counts
   * were drawn (0 and 0 when they came with the results; absent for a page that always fetches them).
   */
  panel?: { bytes: number; ms: number };
}

/** The two devices the cold query is measured on: a phone (the headline numbers) and a desktop. */
const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
} as const;
type Device = keyof typeof DEVICES;

/** Whether a response is part of search: the index, or the page's own JS chunks. */
function searchTransfer(path: string): 'index' | 'js' | undefined {
  if (path.startsWith('/search-index/')) return 'index';
  if (path.startsWith('/_astro/') && /\.m?js$/u.test(path)) return 'js';
  return undefined;
}

/**
 * A cold first query in a fresh Chromium profile on /search/ at a phone's or a desktop's size:
 * type the query, press Enter, and time (inside the page, so Playwright's round trips do not
 * count) until the first .search-card is in the list and until the list's data-state is "ready"
 * (on the desktop that includes the facet counts; a phone with the panel folded fetches none).
 * On the phone 筛选 is then opened and timed until the facet group's data-state is "ready".
 * Bytes: every /search-index/ and /_astro/*.js response from navigation start until then, headers
 * included, as sent (this static server does not compress; the .bin files are gzip already, JS
 * would shrink on a compressing host).
 */
async function coldQuery(distDir: string, query: string, device: Device): Promise<QueryOutcome> {
  if (!existsSync(join(distDir, 'search/index.html'))) throw new Error(`${distDir} has no /search/ page`);
  const { serveStatic } = await import('../tests/e2e/static-server.ts');
  const { launchBrowser } = await import('../tests/e2e/browser.ts');
  const { server, baseUrl } = await serveStatic(distDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext(DEVICES[device]);
    const page = await context.newPage();
    const transfers: Promise<{ path: string; bytes: number }>[] = [];
    let pending = 0;
    context.on('request', () => pending++);
    context.on('requestfailed', () => pending--);
    context.on('requestfinished', (request) => {
      pending--;
      transfers.push(request.sizes().then((sz) => ({ path: new URL(request.url()).pathname, bytes: sz.responseBodySize + sz.responseHeadersSize })));
    });
    const settle = async () => {
      // Let the last responses report their sizes.
      for (let waited = 0; pending > 0 && waited < 10_000; waited += 50) await page.waitForTimeout(50);
      await page.waitForTimeout(200);
    };
    const tally = async (from: number) => {
      let indexBytes = 0;
      let jsBytes = 0;
      let requests = 0;
      for (const t of (await Promise.all(transfers)).slice(from)) {
        const kind = searchTransfer(t.path);
        if (process.env.BENCH_DEBUG) process.stderr.write(`[bench]   ${device} ${t.bytes}\t${kind ?? '-'}\t${t.path}\n`);
        if (kind === 'index') indexBytes += t.bytes;
        if (kind === 'js') jsBytes += t.bytes;
        if (kind) requests++;
      }
      return { indexBytes, jsBytes, requests };
    };
    await page.goto(`${baseUrl}/search/`, { waitUntil: 'load' });
    const input = page.locator('[data-search-form] input[name="q"]');
    if ((await input.count()) === 0) throw new Error('the /search/ page has no [data-search-form] input[name="q"]');
    await page.waitForTimeout(300);
    // In-page clocks: Enter (keydown, before the form's submit), first card added, list ready;
    // on the phone the toggle's click and the facet group ready.
    await page.evaluate(() => {
      const w = window as unknown as { benchTimes: Record<string, number> };
      const times: Record<string, number> = {};
      w.benchTimes = times;
      const list = document.querySelector<HTMLElement>('[data-results]')!;
      const facets = document.querySelector<HTMLElement>('[data-facets]');
      document.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && times.enter === undefined) times.enter = performance.now();
      }, { capture: true });
      document.querySelector('[data-facet-toggle]')?.addEventListener('click', () => (times.open ??= performance.now()), { capture: true });
      new MutationObserver(() => {
        if (times.enter === undefined) return;
        // Taken in the next animation frame: the one that paints what was just added. (No named
        // functions in here: tsx would wrap them in a __name helper the page does not have.)
        if (times.card === undefined && list.querySelector('.search-card')) requestAnimationFrame(() => (times.card ??= performance.now()));
        if (times.ready === undefined && list.dataset.state === 'ready') requestAnimationFrame(() => (times.ready ??= performance.now()));
      }).observe(list, { childList: true, attributes: true, attributeFilter: ['data-state'] });
      if (facets) {
        new MutationObserver(() => {
          if (times.open !== undefined && times.counts === undefined && facets.dataset.state === 'ready') requestAnimationFrame(() => (times.counts ??= performance.now()));
        }).observe(facets, { attributes: true, attributeFilter: ['data-state'] });
      }
    });
    await input.fill(query);
    await input.press('Enter');
    const times = () => page.evaluate(() => (window as unknown as { benchTimes: Record<string, number> }).benchTimes);
    await page.waitForFunction(() => (window as unknown as { benchTimes: Record<string, number> }).benchTimes.ready !== undefined, undefined, { timeout: 120_000 });
    const results = Number(await page.locator('[data-results]').getAttribute('data-count'));
    if (results > 0) await page.locator('.search-card').first().waitFor({ state: 'visible', timeout: 10_000 });
    await settle();
    const search = await tally(0);
    const searched = await times();
    let panel: QueryOutcome['panel'];
    const toggle = page.locator('[data-facet-toggle]');
    // The counts are fetched on opening only when the search was drawn without them ("pending");
    // "ready": they came with the results; no state at all: a page from before issue 19.
    const facetsState = await page.locator('[data-facets]').getAttribute('data-state');
    if (device === 'phone' && facetsState === 'ready') panel = { bytes: 0, ms: 0 };
    if (device === 'phone' && facetsState === 'pending' && results > 0 && (await toggle.isVisible())) {
      const before = transfers.length;
      await toggle.click();
      await page.waitForFunction(() => (window as unknown as { benchTimes: Record<string, number> }).benchTimes.counts !== undefined, undefined, { timeout: 120_000 });
      await settle();
      const opened = await tally(before);
      const t = await times();
      panel = { bytes: opened.indexBytes + opened.jsBytes, ms: round(t.counts - t.open, 0) };
    }
    // No results: the first "results" the reader sees is the no-results help, shown with the list.
    const firstAt = searched.card ?? searched.ready;
    return {
      indexBytes: search.indexBytes,
      bytes: search.indexBytes + search.jsBytes,
      requests: search.requests,
      firstResultsMs: round(firstAt - searched.enter, 0),
      facetCountsMs: round(searched.ready - searched.enter, 0),
      results,
      ...(panel ? { panel } : {}),
    };
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

/** Documents per second through the importer's programmatic API on the raw fixtures; null without that API. */
async function importSpeed(): Promise<number | null> {
  const api = join(ROOT, 'src/lib/importer/index.ts');
  if (!existsSync(api)) return null;
  const mod = (await import(api)) as { importDocument?: (bytes: Uint8Array, options: unknown) => { ok: boolean } };
  if (typeof mod.importDocument !== 'function') return null;
  const registry = {
    topics: parseYaml(readFileSync(join(ROOT, 'content/topics.yaml'), 'utf8')),
    outlets: parseYaml(readFileSync(join(ROOT, 'content/outlets.yaml'), 'utf8')),
  };
  const files = filesUnder(join(ROOT, 'tests/fixtures/raw')).map((f) => ({ fileName: relative(ROOT, f), bytes: new Uint8Array(readFileSync(f)) }));
  let docs = 0;
  const start = performance.now();
  // At least two seconds and two passes, so that warm-up does not dominate.
  while (performance.now() - start < 2000 || docs < files.length * 2) {
    for (const f of files) {
      mod.importDocument(f.bytes, { fileName: f.fileName, registry, now: '2026-01-01' });
      docs++;
    }
  }
  return round(docs / ((performance.now() - start) / 1000), 1);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.derive) return deriveOnly(args.derive);
  if (args.queryOnly) {
    // Re-measure the cold query on an already built site (e.g. a kept --work directory's dist).
    const phone = await coldQuery(args.queryOnly, args.query, 'phone');
    const desktop = await coldQuery(args.queryOnly, args.query, 'desktop');
    process.stdout.write(`${JSON.stringify({ phone, desktop })}\n`);
    return;
  }

  const work = args.work ?? mkdtempSync(join(tmpdir(), 'xieshang-bench-'));
  const contentDir = join(work, 'content');
  const distDir = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

  let t = performance.now();
  writeContent(contentDir, args.reports, args.seed);
  log(`wrote ${args.reports} reports (seed ${args.seed}) to ${contentDir} in ${round((performance.now() - t) / 1000, 1)} s`);

  rmSync(distDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(join(work, '.astro'), { recursive: true, force: true });
  // The prerender bundle in the scratch directory imports packages the bundle leaves external.
  if (!existsSync(join(work, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
  const env = { ...process.env, ARCHIVE_CONTENT_DIR: contentDir, ARCHIVE_OUT_DIR: distDir, ARCHIVE_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' };

  log(`load before build: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  const loadBefore = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  const [command, commandArgs] = timedShell(buildCommand());
  const build = await observe(command, commandArgs, env, true, work);
  const loadAfter = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  const spans = phaseSpans(build.lines, build.ms);
  const phase = (p: Parameters<typeof measurePhase>[2]) => measurePhase(spans, build.samples, p);
  const describeSpans = () =>
    spans
      .map((span) => {
        const inside = build.samples.filter((x) => x.atMs >= span.startMs && x.atMs <= span.endMs);
        return `${span.phase} ${round((span.endMs - span.startMs) / 1000, 1)} s (peak ${Math.round(Math.max(0, ...inside.map((x) => x.rssMb)))} MB)`;
      })
      .join(', ');
  if (build.code !== 0) {
    // Say how far it got and what it cost: at large N the failure itself is the measurement.
    log(`build failed after ${round(build.ms / 1000, 1)} s; phases so far: ${describeSpans()}`);
    throw new Error(`npm run build failed (exit ${build.code}); output above.`);
  }
  const search = phase('searchIndex');
  const buildSeconds = build.ms / 1000;
  const buildPeak = Math.max(0, ...build.samples.map((s) => s.rssMb));
  const buildCpu = buildCpuSeconds(build, spans);

  if (search.seconds === null) log('the build never logged "[xieshang:built-site] … in S s.": no search-index phase measured');

  log('derivations alone (child process)');
  const derive = await observe(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/bench.ts'), '--derive', contentDir], env, false);
  if (derive.code !== 0) throw new Error(`derivations failed:\n${derive.output}`);
  const deriveInfo = JSON.parse(derive.output.trim().split('\n').pop()!) as { parseMs: number; deriveMs: number; deriveCpuMs: number };

  const dist = sizeOf(distDir);
  // The whole /search-index/ directory: manifest, buckets, cards and facets.
  const index = sizeOf(join(distDir, 'search-index'));

  let query: QueryOutcome | null = null;
  let desktop: QueryOutcome | null = null;
  if (!args.skipBrowser && existsSync('/usr/bin/chromium') && index.files > 0) {
    for (const device of ['phone', 'desktop'] as const) {
      log(`cold first query "${args.query}" in Chromium (${device})`);
      const q = await coldQuery(distDir, args.query, device);
      log(`  ${q.results} results; first card ${q.firstResultsMs} ms, list ready ${q.facetCountsMs} ms; ${q.requests} files, ${q.indexBytes} index bytes, ${q.bytes} with JS`);
      if (q.panel) log(`  opening 筛选: ${q.panel.bytes} bytes, counts after ${q.panel.ms} ms`);
      if (device === 'phone') query = q;
      else desktop = q;
    }
  }

  log('import speed on the fixtures');
  const docsPerSecond = await importSpeed();
  if (docsPerSecond === null) log('  src/lib/importer/index.ts has no programmatic API yet: importDocsPerSecond is null');

  // An editor's wait: one report more, and the same `npm run build` on the same dist/ and cache.
  // First a report with a date drawn like the others' (back-filled: the index renumbers every
  // report after it), then one dated after every other (today's news: nothing is renumbered).
  const editorWaitFor = async (label: string, added: string): Promise<EditorWait> => {
    log(`${label}: added ${relative(work, added)}, building again`);
    const again = await observe(command, commandArgs, env, true, work);
    if (again.code !== 0) throw new Error(`the build after adding ${relative(work, added)} failed (exit ${again.code}); output above.`);
    const againSpans = phaseSpans(again.lines, again.ms);
    const wait = {
      seconds: round(again.ms / 1000, 2),
      cpuSeconds: round(buildCpuSeconds(again, againSpans), 1),
      peakRssMb: Math.round(Math.max(0, ...again.samples.map((x) => x.rssMb))),
      contentSync: measurePhase(againSpans, again.samples, 'contentSync').seconds,
      pageGeneration: measurePhase(againSpans, again.samples, 'pageGeneration').seconds,
      searchIndex: measurePhase(againSpans, again.samples, 'searchIndex').seconds,
    };
    log(`  ${label} ${wait.seconds} s wall, ${wait.cpuSeconds} s CPU`);
    return wait;
  };
  let editorWait: BenchResult['editorWait'] = null;
  let editorWaitNewest: BenchResult['editorWaitNewest'] = null;
  if (args.editorWait) {
    editorWait = await editorWaitFor("editor's wait", addReport(contentDir, args.reports, args.seed));
    editorWaitNewest = await editorWaitFor("editor's wait (newest)", addReport(contentDir, args.reports + 1, args.seed, NEWEST_DATE));
  }

  // Astro's own floor: a bare Astro site from the same reports, built the same way (timed, sampled).
  let floor: BenchResult['floor'] = null;
  if (args.floor) {
    const floorDir = join(work, 'floor');
    const floorDist = join(floorDir, 'dist');
    rmSync(floorDir, { recursive: true, force: true });
    for (const [path, text] of Object.entries(floorSiteFiles(join(contentDir, 'reports'), floorDist, join(floorDir, 'cache')))) {
      mkdirSync(dirname(join(floorDir, path)), { recursive: true });
      writeFileSync(join(floorDir, path), text);
    }
    symlinkSync(join(ROOT, 'node_modules'), join(floorDir, 'node_modules'));
    log("Astro's floor: a bare Astro site from the same reports (src/lib/bench/floor-site.ts)");
    const astro = `'${process.execPath}' '${join(ROOT, 'node_modules/astro/bin/astro.mjs')}' build`;
    const [floorCommand, floorArgs] = timedShell(astro);
    const bare = await observe(floorCommand, floorArgs, { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, false, floorDir);
    if (bare.code !== 0) throw new Error(`the floor's astro build failed (exit ${bare.code}):\n${bare.output.slice(-4000)}`);
    floor = {
      seconds: round(bare.ms / 1000, 2),
      cpuSeconds: round(buildCpuSeconds(bare, phaseSpans(bare.lines, bare.ms)), 1),
      peakRssMb: Math.round(Math.max(0, ...bare.samples.map((x) => x.rssMb))),
      pages: filesUnder(floorDist).filter((f) => f.endsWith('.html')).length,
    };
    log(`  floor ${floor.seconds} s wall, ${floor.cpuSeconds} s CPU, ${floor.pages} pages`);
  }

  const result: BenchResult = {
    reports: args.reports,
    seed: args.seed,
    seconds: {
      contentSync: phase('contentSync').seconds,
      pageGeneration: phase('pageGeneration').seconds,
      derivations: round(deriveInfo.deriveMs / 1000, 2),
      searchIndex: search.seconds,
      build: round(buildSeconds, 2),
    },
    peakRssMb: {
      contentSync: phase('contentSync').peakRssMb,
      pageGeneration: phase('pageGeneration').peakRssMb,
      derivations: Math.round(Math.max(0, ...derive.samples.map((s) => s.rssMb))),
      searchIndex: search.peakRssMb,
      build: Math.round(buildPeak),
    },
    cpuSeconds: {
      contentSync: phase('contentSync').cpuSeconds,
      pageGeneration: phase('pageGeneration').cpuSeconds,
      derivations: round(deriveInfo.deriveCpuMs / 1000, 2),
      searchIndex: search.cpuSeconds,
      build: round(buildCpu, 1),
    },
    load: [loadBefore, loadAfter],
    pages: dist.html,
    distBytes: dist.bytes,
    searchIndexBytes: index.bytes,
    searchIndexFiles: index.files,
    coldQueryIndexBytes: query?.indexBytes ?? null,
    coldQueryTotalBytes: query?.bytes ?? null,
    coldQueryRequests: query?.requests ?? null,
    coldQueryResults: query?.results ?? null,
    firstResultsMs: query?.firstResultsMs ?? null,
    facetCountsMs: query?.facetCountsMs ?? null,
    facetPanelBytes: query?.panel?.bytes ?? null,
    facetPanelMs: query?.panel?.ms ?? null,
    coldQueryDesktopIndexBytes: desktop?.indexBytes ?? null,
    coldQueryDesktopTotalBytes: desktop?.bytes ?? null,
    coldQueryDesktopRequests: desktop?.requests ?? null,
    firstResultsDesktopMs: desktop?.firstResultsMs ?? null,
    facetCountsDesktopMs: desktop?.facetCountsMs ?? null,
    importDocsPerSecond: docsPerSecond,
    editorWait,
    editorWaitNewest,
    floor,
  };
  log(`phases: ${describeSpans()}`);
  log(`load after build: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  if (!args.keep && !args.work) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
  process.stdout.write(`${formatTable(result)}\n${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
