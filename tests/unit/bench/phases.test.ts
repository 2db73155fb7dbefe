import { describe, expect, it } from 'vitest';
import { formatTable, lineCollector, measurePhase, phaseSpans, totalCpuSeconds, type BenchResult } from '../../../src/lib/bench/phases.ts';

const log = [
  { atMs: 1000, text: '10:00:01 [content] Syncing content' },
  { atMs: 3000, text: '10:00:03 [content] Synced content' },
  { atMs: 5000, text: ' \u001b[42m generating static routes \u001b[0m' },
  { atMs: 9000, text: '10:00:09 \u001b[32m✓ Completed in 4.00s.\u001b[0m' },
  { atMs: 9500, text: '10:00:09 [build] ✓ Completed in 8.50s.' },
  { atMs: 12000, text: '10:00:12 \u001b[32m[xieshang:search-index]\u001b[0m Indexed 200 reports (51234 tokens, 256 buckets, 458 files, 1.9 MB) in 2.00 s.' },
  { atMs: 12500, text: '10:00:12 \u001b[32m[xieshang:built-site]\u001b[0m Search index and 简/繁 dictionaries written in 2.50 s.' },
  { atMs: 12600, text: '10:00:12 [build] Complete!' },
];

describe('build phases from the log', () => {
  const spans = phaseSpans(log, 13000);

  it('splits the build at Astro’s and the search integration’s markers', () => {
    expect(spans.map((s) => [s.phase, s.startMs, s.endMs])).toEqual([
      ['startup', 0, 1000],
      ['contentSync', 1000, 3000],
      ['bundle', 3000, 5000],
      ['pageGeneration', 5000, 9000],
      ['finish', 9000, 10000],
      ['searchIndex', 10000, 12500],
      ['finish', 12500, 13000],
    ]);
  });

  it('keeps the passes’ own span when an earlier marker reaches the bench late', () => {
    // On a busy machine the pipe may hand over Astro's "Completed in" after the passes had begun
    // (10.2 s, against 12.5 − 2.5 s): it was printed before them, so its phase ends where theirs
    // starts, and theirs keeps the 2.5 s they measured instead of 2.3 s, or nothing at worst.
    const lateCompleted = log.map((line) => (line.text.includes('Completed in 4.00s') ? { ...line, atMs: 10_200 } : line));
    const spans = phaseSpans(lateCompleted, 13000);
    expect(spans.find((s) => s.phase === 'searchIndex')).toEqual({ phase: 'searchIndex', startMs: 10000, endMs: 12500 });
    expect(spans.find((s) => s.phase === 'pageGeneration')).toEqual({ phase: 'pageGeneration', startMs: 5000, endMs: 10000 });
  });

  it('takes each phase’s peak from the samples inside it', () => {
    const samples = [
      { atMs: 2000, rssMb: 400, cpuSeconds: 1.5 },
      { atMs: 6000, rssMb: 900, cpuSeconds: 4 },
      { atMs: 8000, rssMb: 1200, cpuSeconds: 7.5 },
      { atMs: 11000, rssMb: 700, cpuSeconds: 9 },
    ];
    expect(measurePhase(spans, samples, 'pageGeneration')).toEqual({ seconds: 4, peakRssMb: 1200, cpuSeconds: 6 });
    expect(measurePhase(spans, samples, 'searchIndex')).toEqual({ seconds: 2.5, peakRssMb: 700, cpuSeconds: 1.5 });
    expect(measurePhase(phaseSpans(log.slice(0, 4), 9000), samples, 'searchIndex')).toEqual({ seconds: null, peakRssMb: null, cpuSeconds: null });
    // The old Pagefind integration's line is not this index's.
    const pagefind = [...log.slice(0, 5), { atMs: 12500, text: '10:00:12 [xieshang:pagefind] Indexed 200 reports in 2.50 s.' }];
    expect(measurePhase(phaseSpans(pagefind, 13000), samples, 'searchIndex').seconds).toBeNull();
    // Over all spans: everything up to the highest count, counted once.
    expect(totalCpuSeconds(spans, samples)).toBe(9);
  });
});

describe('lines from an output stream', () => {
  it('joins a line that arrives in two chunks, at the time its end came', () => {
    const lines: { atMs: number; text: string }[] = [];
    const collector = lineCollector(lines);
    collector.write(1000, 'generating static routes\n10:00:12 [xieshang:built-site] Search index and 简/繁 dictionaries wri');
    collector.write(3500, 'tten in 2.50 s.\n\n[build] Complete!');
    collector.end(3600);
    expect(lines).toEqual([
      { atMs: 1000, text: 'generating static routes' },
      { atMs: 3500, text: '10:00:12 [xieshang:built-site] Search index and 简/繁 dictionaries written in 2.50 s.' },
      { atMs: 3600, text: '[build] Complete!' },
    ]);
    expect(measurePhase(phaseSpans(lines, 4000), [], 'searchIndex').seconds).toBe(2.5);
  });
});

describe('result table', () => {
  it('shows every phase and fact, with dashes for what was not measured', () => {
    const result: BenchResult = {
      reports: 1000,
      seed: 1,
      seconds: { contentSync: 1.5, pageGeneration: 10, derivations: 0.2, searchIndex: 5, build: 20 },
      peakRssMb: { contentSync: 500, pageGeneration: 900, derivations: 200, searchIndex: 800, build: 1000 },
      cpuSeconds: { contentSync: 2, pageGeneration: 12, derivations: 0.2, searchIndex: 6, build: 25 },
      load: [1.5, 2.5],
      pages: 1500,
      distBytes: 50_000_000,
      searchIndexBytes: 9_000_000,
      searchIndexFiles: 700,
      coldQueryIndexBytes: null,
      coldQueryTotalBytes: null,
      coldQueryRequests: null,
      coldQueryResults: null,
      firstResultsMs: null,
      facetCountsMs: null,
      facetPanelBytes: null,
      facetPanelMs: null,
      coldQueryDesktopIndexBytes: null,
      coldQueryDesktopTotalBytes: null,
      coldQueryDesktopRequests: null,
      firstResultsDesktopMs: null,
      facetCountsDesktopMs: null,
      importDocsPerSecond: null,
    };
    const table = formatTable(result);
    expect(table).toMatch(/page generation\s+10 s\s+12 s\s+900 MB/u);
    expect(table).toMatch(/search index\s+9\.0 MB in 700 files/u);
    expect(table).toMatch(/cold first query \(phone\)\s+—/u);
    expect(table).toMatch(/time to results drawn\s+—/u);
    expect(table).toMatch(/opening 筛选 \(phone\)\s+—/u);
    expect(table).toMatch(/cold first query \(desktop\)\s+—/u);
    expect(table).toMatch(/import speed\s+— /u);
    expect(table).toMatch(/Astro's floor \(bare site\)\s+— \(--floor\)/u);
    // With the floor built: its numbers, and this build's time as a multiple of the floor's (20 s / 8 s).
    const withFloor = formatTable({ ...result, floor: { seconds: 8, cpuSeconds: 9.5, peakRssMb: 700, pages: 1021 } });
    expect(withFloor).toMatch(/Astro's floor \(bare site\)\s+8 s wall, 9\.5 s CPU, peak 700 MB, 1,021 pages \(this build: 2\.50× it\)/u);
  });

  it('splits the cold query’s bytes into index and JavaScript', () => {
    const result: BenchResult = {
      reports: 200,
      seed: 1,
      seconds: { contentSync: 1, pageGeneration: 5, derivations: 0.1, searchIndex: 1, build: 9 },
      peakRssMb: { contentSync: 300, pageGeneration: 600, derivations: 100, searchIndex: 500, build: 700 },
      cpuSeconds: { contentSync: 1, pageGeneration: 6, derivations: 0.1, searchIndex: 1, build: 11 },
      load: [0.5, 1],
      pages: 400,
      distBytes: 20_000_000,
      searchIndexBytes: 1_500_000,
      searchIndexFiles: 460,
      coldQueryIndexBytes: 120_400,
      coldQueryTotalBytes: 170_900,
      coldQueryRequests: 17,
      coldQueryResults: 42,
      firstResultsMs: 85,
      facetCountsMs: 130,
      facetPanelBytes: 23_100,
      facetPanelMs: 40,
      coldQueryDesktopIndexBytes: 140_200,
      coldQueryDesktopTotalBytes: 190_700,
      coldQueryDesktopRequests: 18,
      firstResultsDesktopMs: 90,
      facetCountsDesktopMs: 95,
      importDocsPerSecond: 12.5,
    };
    const table = formatTable(result);
    expect(table).toMatch(/cold first query \(phone\)\s+170\.9 kB transferred \(index 120\.4 kB, JS 50\.5 kB\) in 17 files, 42 results/u);
    expect(table).toMatch(/time to first results\s+85 ms/u);
    expect(table).toMatch(/time to results drawn\s+130 ms/u);
    expect(table).toMatch(/opening 筛选 \(phone\)\s+23\.1 kB, counts after 40 ms/u);
    expect(table).toMatch(/cold first query \(desktop\)\s+190\.7 kB transferred \(index 140\.2 kB, JS 50\.5 kB\) in 18 files$/mu);
    expect(table).toMatch(/desktop first results \/ counts\s+90 ms \/ 95 ms/u);
  });
});
