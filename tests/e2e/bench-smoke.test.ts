/**
 * Runs `npm run bench` at 50 reports so the benchmark cannot rot: it must generate, build, index,
 * build again with one report more (an editor's wait), build Astro's own floor from the same reports, run a cold query on /search/ in Chromium and print its JSON line with sane values. No timing thresholds (speed lives
 * in the benchmark's own output, not in tests).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run bench -- --reports 50 --editor-wait --floor', () => {
  it('prints a table and a last JSON line with every field', { timeout: 300_000 }, () => {
    const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--reports', '50', '--seed', '5', '--editor-wait', '--floor'], {
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`bench failed:\n${run.stdout}\n${run.stderr.slice(-4000)}`);
    const lines = run.stdout.trim().split('\n');
    expect(run.stdout).toMatch(/page generation/u);
    const result = JSON.parse(lines[lines.length - 1]);
    expect(Object.keys(result)).toEqual([
      'reports',
      'seed',
      'seconds',
      'peakRssMb',
      'cpuSeconds',
      'load',
      'pages',
      'distBytes',
      'searchIndexBytes',
      'searchIndexFiles',
      'coldQueryIndexBytes',
      'coldQueryTotalBytes',
      'coldQueryRequests',
      'coldQueryResults',
      'firstResultsMs',
      'facetCountsMs',
      'facetPanelBytes',
      'facetPanelMs',
      'coldQueryDesktopIndexBytes',
      'coldQueryDesktopTotalBytes',
      'coldQueryDesktopRequests',
      'firstResultsDesktopMs',
      'facetCountsDesktopMs',
      'importDocsPerSecond',
      'editorWait',
      'editorWaitNewest',
      'floor',
    ]);
    expect(result.reports).toBe(50);
    expect(result.seed).toBe(5);
    for (const key of ['contentSync', 'pageGeneration', 'derivations', 'searchIndex', 'build']) {
      expect(result.seconds[key], `seconds.${key}`).toBeGreaterThan(0);
      expect(result.peakRssMb[key], `peakRssMb.${key}`).toBeGreaterThan(20);
      // Memory in MB, not bytes or KB: a 50-report build stays far below 24 GB.
      expect(result.peakRssMb[key]).toBeLessThan(24_000);
      expect(result.cpuSeconds[key], `cpuSeconds.${key}`).toBeGreaterThanOrEqual(0);
    }
    expect(result.cpuSeconds.build).toBeGreaterThan(result.cpuSeconds.searchIndex);
    expect(result.load).toHaveLength(2);
    const phases = result.seconds.contentSync + result.seconds.pageGeneration + result.seconds.searchIndex;
    expect(result.seconds.build).toBeGreaterThanOrEqual(phases);
    // One page per report at least, plus lists, regions, topics.
    expect(result.pages).toBeGreaterThan(50);
    // Manifest, facets, at least one bucket and one card.
    expect(result.searchIndexFiles).toBeGreaterThanOrEqual(4);
    expect(result.searchIndexBytes).toBeGreaterThan(0);
    expect(result.distBytes).toBeGreaterThan(result.searchIndexBytes);
    // The synthetic reports are built from sentences about 高质量发展, so the query finds some.
    expect(result.coldQueryResults).toBeGreaterThan(0);
    expect(result.coldQueryIndexBytes).toBeGreaterThan(0);
    // A query fetches part of the index, never more than all of it (plus response headers).
    expect(result.coldQueryIndexBytes).toBeLessThan(result.searchIndexBytes + result.coldQueryRequests * 1000);
    // The page's JavaScript is counted on top of the index.
    expect(result.coldQueryTotalBytes).toBeGreaterThan(result.coldQueryIndexBytes);
    expect(result.coldQueryRequests).toBeGreaterThan(2);
    expect(result.firstResultsMs).toBeGreaterThan(0);
    // The list is ready after (or with) the first results.
    expect(result.facetCountsMs).toBeGreaterThanOrEqual(result.firstResultsMs);
    // The headline query is a phone's with the panel folded: no facet file (issue 19), which the
    // desktop fetches with its results and the phone when 筛选 is opened.
    expect(result.facetPanelBytes).toBeGreaterThan(0);
    expect(result.facetPanelMs).toBeGreaterThan(0);
    expect(result.coldQueryDesktopIndexBytes).toBeGreaterThan(result.coldQueryIndexBytes);
    expect(result.coldQueryDesktopTotalBytes - result.coldQueryDesktopIndexBytes).toBeGreaterThan(0);
    expect(result.coldQueryDesktopRequests).toBeGreaterThan(2);
    expect(result.firstResultsDesktopMs).toBeGreaterThan(0);
    expect(result.facetCountsDesktopMs).toBeGreaterThanOrEqual(result.firstResultsDesktopMs);
    if (result.importDocsPerSecond !== null) expect(result.importDocsPerSecond).toBeGreaterThan(0);
    // The second build, with one report more, on the same dist/ and content-layer cache.
    expect(run.stderr).toMatch(/editor's wait: added content\/reports\/\d{4}\/[\d-]+-bench-000050\.md/u);
    // Then one more, dated after every other (today's news).
    expect(run.stderr).toMatch(/editor's wait \(newest\): added content\/reports\/2026\/2026-01-15-bench-000051\.md/u);
    for (const wait of [result.editorWait, result.editorWaitNewest]) {
      expect(Object.keys(wait)).toEqual(['seconds', 'cpuSeconds', 'peakRssMb', 'contentSync', 'pageGeneration', 'searchIndex']);
      for (const key of ['seconds', 'cpuSeconds', 'contentSync', 'pageGeneration', 'searchIndex']) expect(wait[key], key).toBeGreaterThan(0);
      expect(wait.peakRssMb).toBeGreaterThan(20);
      expect(wait.peakRssMb).toBeLessThan(24_000);
    }
    // Astro's own floor from the same 50 reports: a page each, 20 topic pages at most, an index.
    expect(Object.keys(result.floor)).toEqual(['seconds', 'cpuSeconds', 'peakRssMb', 'pages']);
    expect(result.floor.pages).toBeGreaterThanOrEqual(51);
    expect(result.floor.pages).toBeLessThanOrEqual(71);
    expect(result.floor.seconds).toBeGreaterThan(0);
    expect(result.floor.cpuSeconds).toBeGreaterThan(0);
    expect(result.floor.peakRssMb).toBeGreaterThan(20);
    expect(run.stdout).toMatch(/Astro's floor \(bare site\)\s+[\d.]+ s wall/u);
  });
});
