/**
 * Turning a build's timestamped log and memory samples into per-phase seconds and peak RSS, and
 * the benchmark result into a table and one JSON line. Pure: the CLI (scripts/bench.ts) does the
 * process work and hands its observations in.
 */

/** Phases reported by the benchmark, in build order. */
export const PHASES = ['contentSync', 'bundle', 'pageGeneration', 'searchIndex'] as const;
export type BuildPhase = (typeof PHASES)[number];

/** A line of build output with the milliseconds since the build started. */
export interface LogLine {
  atMs: number;
  text: string;
}

/**
 * Cuts one output stream into timestamped lines as its chunks arrive. A chunk may end inside a
 * line: the unfinished part waits for the rest (and takes the time its end came), so a marker is
 * never split in two and missed. `end` flushes a last line without a newline.
 */
export function lineCollector(into: LogLine[]): { write(atMs: number, text: string): void; end(atMs: number): void } {
  let partial = '';
  const add = (atMs: number, line: string) => {
    if (line.trim()) into.push({ atMs, text: line });
  };
  return {
    write(atMs, text) {
      const parts = (partial + text).split('\n');
      partial = parts.pop()!;
      for (const line of parts) add(atMs, line);
    },
    end(atMs) {
      add(atMs, partial);
      partial = '';
    },
  };
}

/** Total resident memory of the build's process tree at one moment. */
export interface RssSample {
  atMs: number;
  rssMb: number;
  /** CPU seconds (user + system) used so far by the live processes of the tree, when known. */
  cpuSeconds?: number;
}

export interface PhaseSpan {
  phase: BuildPhase | 'startup' | 'finish';
  startMs: number;
  endMs: number;
}

// Markers printed by Astro 7.3 (content-layer.js, static-build.js, generate.js).
const MARKERS: [RegExp, PhaseSpan['phase']][] = [
  [/Syncing content/u, 'contentSync'],
  [/Synced content/u, 'bundle'],
  [/generating static routes/u, 'pageGeneration'],
];
// The passes over the built site (src/integrations/built-site.ts: the search index and the 简/繁
// dictionaries, at once) log at their end with their duration: "[xieshang:built-site] Search index
// and 简/繁 dictionaries written in S s." The `searchIndex` phase is that span: both passes, since
// they run side by side (before they ran one after the other, and only the index was this phase).
const SEARCH_DONE = /\[xieshang:built-site\].* in ([\d.]+) s\.\s*$/u;

// ANSI colour codes make markers unreliable to match.
const ANSI = /\u001b\[[0-9;]*m/gu;

/**
 * Splits the build into spans by the first occurrence of each marker. Page generation ends at the
 * first "Completed in" after it starts; anything after that and before a search-index marker is
 * `finish` (sitemap, hooks). A phase whose marker never appears has no span.
 */
export function phaseSpans(lines: readonly LogLine[], endMs: number): PhaseSpan[] {
  const starts: { phase: PhaseSpan['phase']; atMs: number }[] = [{ phase: 'startup', atMs: 0 }];
  let generating = false;
  for (const line of lines) {
    const text = line.text.replace(ANSI, '');
    for (const [pattern, phase] of MARKERS) {
      if (pattern.test(text) && !starts.some((s) => s.phase === phase)) {
        starts.push({ phase, atMs: line.atMs });
        generating = phase === 'pageGeneration';
      }
    }
    if (generating && /Completed in/u.test(text)) {
      starts.push({ phase: 'finish', atMs: line.atMs });
      generating = false;
    }
    const search = SEARCH_DONE.exec(text);
    if (search && !starts.some((s) => s.phase === 'searchIndex')) {
      // The passes measured their own duration; their span is that, ending when their line came.
      // Every marker before it was printed before the passes began, so one that reached us later
      // than their start (a pipe read late on a busy machine) is moved back to it: otherwise it
      // would cut the passes' span short, to nothing at worst.
      const passesStart = Math.max(0, line.atMs - Number(search[1]) * 1000);
      for (const start of starts) start.atMs = Math.min(start.atMs, passesStart);
      starts.push({ phase: 'searchIndex', atMs: passesStart });
      starts.push({ phase: 'finish', atMs: line.atMs });
    }
  }
  starts.sort((a, b) => a.atMs - b.atMs);
  return starts.map((s, i) => ({ phase: s.phase, startMs: s.atMs, endMs: i + 1 < starts.length ? starts[i + 1].atMs : endMs }));
}

/**
 * Seconds, peak RSS (MB) and CPU seconds of `phase`, summed over its spans; nulls when the phase
 * did not occur. CPU seconds do not depend on how busy the machine was, wall seconds do.
 */
export function measurePhase(
  spans: readonly PhaseSpan[],
  samples: readonly RssSample[],
  phase: BuildPhase,
): { seconds: number | null; peakRssMb: number | null; cpuSeconds: number | null } {
  const mine = spans.filter((s) => s.phase === phase);
  if (mine.length === 0) return { seconds: null, peakRssMb: null, cpuSeconds: null };
  return measureSpans(mine, samples);
}

/** CPU seconds of the whole build: the sum over all its spans (see measurePhase). */
export function totalCpuSeconds(spans: readonly PhaseSpan[], samples: readonly RssSample[]): number | null {
  return measureSpans(spans, samples).cpuSeconds;
}

function measureSpans(mine: readonly PhaseSpan[], samples: readonly RssSample[]): { seconds: number; peakRssMb: number | null; cpuSeconds: number | null } {
  const seconds = mine.reduce((sum, s) => sum + (s.endMs - s.startMs), 0) / 1000;
  let peak: number | null = null;
  let cpu: number | null = null;
  for (const span of mine) {
    const inside = samples.filter((sample) => sample.atMs >= span.startMs && sample.atMs <= span.endMs);
    for (const sample of inside) peak = Math.max(peak ?? 0, sample.rssMb);
    // CPU used in the span: from the last sample before it to the highest count inside it (the
    // bench keeps an exited process's count, scripts/bench.ts treeUsage; the highest, not the
    // last, in case a sampler does not).
    const before = samples.filter((sample) => sample.atMs < span.startMs).at(-1);
    const counts = inside.flatMap((sample) => (sample.cpuSeconds === undefined ? [] : [sample.cpuSeconds]));
    if (counts.length) cpu = (cpu ?? 0) + Math.max(0, Math.max(...counts) - (before?.cpuSeconds ?? 0));
  }
  return { seconds: round(seconds, 2), peakRssMb: peak === null ? null : Math.round(peak), cpuSeconds: cpu === null ? null : round(cpu, 1) };
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The benchmark's result; the CLI prints it as the last line of its output, in this key order. */
/** One editor's wait: the whole build, its peak memory and three of its phases. */
export interface EditorWait {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  contentSync: number | null;
  pageGeneration: number | null;
  searchIndex: number | null;
}

export interface BenchResult {
  reports: number;
  seed: number;
  seconds: { contentSync: number | null; pageGeneration: number | null; derivations: number | null; searchIndex: number | null; build: number };
  peakRssMb: { contentSync: number | null; pageGeneration: number | null; derivations: number | null; searchIndex: number | null; build: number };
  /** CPU seconds (user + system) of the same phases: comparable between runs on a busy machine. */
  cpuSeconds: { contentSync: number | null; pageGeneration: number | null; derivations: number | null; searchIndex: number | null; build: number };
  /** 1-minute load average at the start and end of the build (2 cores: above 2 means others competed). */
  load: [number, number];
  pages: number;
  distBytes: number;
  /** The /search-index/ directory: bytes and files. */
  searchIndexBytes: number;
  searchIndexFiles: number;
  /**
   * Cold first query on /search/ on a phone (390×844, isMobile, touch; the facet panel folded, as
   * a phone opens the page): bytes of every /search-index/ response (facets.bin only if the
   * query needed it). Until 2 December 2026 these keys measured the default 1280×720 window,
   * which is the desktop layout: compare older numbers with the Desktop keys.
   */
  coldQueryIndexBytes: number | null;
  /** The same plus the page's JavaScript chunks under /_astro/. */
  coldQueryTotalBytes: number | null;
  /** How many index files and JS chunks the cold query fetched. */
  coldQueryRequests: number | null;
  /** Reports the cold query found. */
  coldQueryResults: number | null;
  /** Phone: from Enter to the first result card shown. */
  firstResultsMs: number | null;
  /**
   * Phone: from Enter to the results list's data-state="ready" (the search drawn). With the panel
   * folded that has no facet counts: they come when 筛选 is opened (facetPanelMs). On the desktop
   * (facetCountsDesktopMs) it includes them.
   */
  facetCountsMs: number | null;
  /** Phone, after the query: opening 筛选, the bytes it fetched (the facet file) … */
  facetPanelBytes: number | null;
  /** … and the ms from the tap to the counts drawn. */
  facetPanelMs: number | null;
  /** The same cold query at 1280×800 (the desktop layout: the facet column and its counts come with the results). */
  coldQueryDesktopIndexBytes: number | null;
  coldQueryDesktopTotalBytes: number | null;
  coldQueryDesktopRequests: number | null;
  firstResultsDesktopMs: number | null;
  facetCountsDesktopMs: number | null;
  importDocsPerSecond: number | null;
  /**
   * An editor's wait (--editor-wait): one more report added to the built archive, then `npm run
   * build` again on the same output and cache directories (Astro's content-layer cache warm).
   * Null when not measured.
   */
  editorWait?: EditorWait | null;
  /**
   * The same with a report dated after every other (--editor-wait), as an editor adds today's
   * news; measured after editorWait, whose report has a date drawn like the others' (a back-filled
   * report). The search index renumbers only the reports after the new one (format.ts).
   */
  editorWaitNewest?: EditorWait | null;
  /**
   * Astro's own floor (--floor): a bare Astro site built from the same reports
   * (src/lib/bench/floor-site.ts), its wall and CPU seconds, peak RSS and pages. Null when not built.
   */
  floor?: { seconds: number; cpuSeconds: number; peakRssMb: number; pages: number } | null;
}

function fmt(value: number | null, unit = ''): string {
  return value === null ? '—' : `${value.toLocaleString('en-US')}${unit}`;
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function transferred(total: number | null, index: number | null, requests: number | null, tail: string): string {
  return total === null || index === null ? '—' : `${kb(total)} transferred (index ${kb(index)}, JS ${kb(total - index)}) in ${fmt(requests)} files${tail}`;
}

/** A plain-text table of the result for people; the JSON line is for machines. */
function editorWaitLine(w: EditorWait | null | undefined): string {
  if (!w) return '— (--editor-wait)';
  return `${fmt(w.seconds, ' s')} wall, ${fmt(w.cpuSeconds, ' s')} CPU, peak ${fmt(w.peakRssMb, ' MB')} (content sync ${fmt(w.contentSync, ' s')}, pages ${fmt(w.pageGeneration, ' s')}, index + 简/繁 ${fmt(w.searchIndex, ' s')})`;
}

export function formatTable(r: BenchResult): string {
  const rows: [string, string, string, string][] = [
    ['content sync', fmt(r.seconds.contentSync, ' s'), fmt(r.cpuSeconds.contentSync, ' s'), fmt(r.peakRssMb.contentSync, ' MB')],
    ['page generation', fmt(r.seconds.pageGeneration, ' s'), fmt(r.cpuSeconds.pageGeneration, ' s'), fmt(r.peakRssMb.pageGeneration, ' MB')],
    ['derivations (standalone)', fmt(r.seconds.derivations, ' s'), fmt(r.cpuSeconds.derivations, ' s'), fmt(r.peakRssMb.derivations, ' MB')],
    ['search index + 简/繁', fmt(r.seconds.searchIndex, ' s'), fmt(r.cpuSeconds.searchIndex, ' s'), fmt(r.peakRssMb.searchIndex, ' MB')],
    ['whole build (incl. index)', fmt(r.seconds.build, ' s'), fmt(r.cpuSeconds.build, ' s'), fmt(r.peakRssMb.build, ' MB')],
  ];
  const facts: [string, string][] = [
    ['reports (seed)', `${r.reports.toLocaleString('en-US')} (${r.seed})`],
    ['load average', `${r.load[0]} → ${r.load[1]} (2 cores)`],
    ['pages written', fmt(r.pages)],
    ['dist size', mb(r.distBytes)],
    ['search index', `${mb(r.searchIndexBytes)} in ${fmt(r.searchIndexFiles)} files`],
    ['cold first query (phone)', transferred(r.coldQueryTotalBytes, r.coldQueryIndexBytes, r.coldQueryRequests, `, ${fmt(r.coldQueryResults)} results`)],
    ['time to first results', fmt(r.firstResultsMs, ' ms')],
    ['time to results drawn', fmt(r.facetCountsMs, ' ms')],
    ['opening 筛选 (phone)', r.facetPanelBytes === null ? '—' : `${kb(r.facetPanelBytes)}, counts after ${fmt(r.facetPanelMs, ' ms')}`],
    ['cold first query (desktop)', transferred(r.coldQueryDesktopTotalBytes, r.coldQueryDesktopIndexBytes, r.coldQueryDesktopRequests, '')],
    ['desktop first results / counts', r.firstResultsDesktopMs === null ? '—' : `${fmt(r.firstResultsDesktopMs, ' ms')} / ${fmt(r.facetCountsDesktopMs, ' ms')}`],
    ['import speed', r.importDocsPerSecond === null ? '— (no importer API yet)' : `${r.importDocsPerSecond} documents/s`],
    ["editor's wait (+1 report)", editorWaitLine(r.editorWait)],
    ["editor's wait (+1, newest)", editorWaitLine(r.editorWaitNewest)],
    [
      "Astro's floor (bare site)",
      r.floor
        ? `${fmt(r.floor.seconds, ' s')} wall, ${fmt(r.floor.cpuSeconds, ' s')} CPU, peak ${fmt(r.floor.peakRssMb, ' MB')}, ${fmt(r.floor.pages)} pages (this build: ${(r.seconds.build / r.floor.seconds).toFixed(2)}× it)`
        : '— (--floor)',
    ],
  ];
  const w = Math.max(...rows.map((x) => x[0].length), ...facts.map((x) => x[0].length));
  const lines = [`${'phase'.padEnd(w)}  ${'wall'.padStart(10)}  ${'CPU'.padStart(10)}  ${'peak RSS'.padStart(10)}`];
  for (const [name, s, c, m] of rows) lines.push(`${name.padEnd(w)}  ${s.padStart(10)}  ${c.padStart(10)}  ${m.padStart(10)}`);
  lines.push('');
  for (const [name, v] of facts) lines.push(`${name.padEnd(w)}  ${v}`);
  return lines.join('\n');
}
