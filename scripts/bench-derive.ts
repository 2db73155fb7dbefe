/**
 * Measures the derived-data step (src/lib/derive + the /stats/ charts) on synthetic Report arrays
 * of 1k and 10k reports, so its added build cost is known. Usage: tsx scripts/bench-derive.ts [sizes…]
 * Pure functions only: no Astro, no files. Prints one line per step and size: fastest and median of 3 runs, in ms.
 */
import { performance } from 'node:perf_hooks';
import type { Report } from '../src/lib/archive/types.ts';
import { allRegions } from '../src/lib/regions/gazetteer.ts';
import { BODIES, REPORT_KINDS } from '../src/lib/taxonomy/vocabularies.ts';
import { deriveArchiveIndex, deriveCounts, indexEntries } from '../src/lib/derive/archive-index.ts';
import { topicRegionMatrix, topicYearMatrix } from '../src/lib/derive/matrices.ts';
import { figureRows, summarizeFiguresByUnit } from '../src/lib/derive/figures.ts';
import { buildTimeline } from '../src/lib/derive/timeline.ts';
import { regionClosure } from '../src/lib/derive/region-closure.ts';
import { relatedReports } from '../src/lib/derive/related.ts';
import { figuresCsv, reportsCsv, reportsJson, timelineJson } from '../src/lib/derive/downloads.ts';
import { makeLabelers } from '../src/lib/derive/labels.ts';
import { buildStatsSections } from '../src/lib/charts/stats-charts.ts';

// Deterministic PRNG (mulberry32) so every run measures the same archive.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['high-quality-development', 'private-economy', 'e-commerce', 'manufacturing', 'innovation', 'digital-economy', 'industrial-clusters', 'investment-promotion', 'consultation', 'democratic-oversight', 'rural-revitalization', 'consumption-and-services', 'common-prosperity', 'talent'];
const OUTLETS = ['rmzxw', 'rmzxb', 'hzrb', 'fuyang-rb', 'zgjdrbw', 'hoachina'];
const KEYWORDS = ['企业', '发展', '产业', '协商', '营商环境', '数字化', '电商', '招商', '人才', '乡村', '制造', '创新', '民生', '监督', '项目'];
const UNITS = ['亿元', '%', '家', '万元', '个', '件'];

/** `n` schema-shaped reports with realistic spread: county codes skewed to 浙江, 1–4 topics, figures, events. */
export function syntheticReports(n: number, seed = 42): Report[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const counties = allRegions().filter((x) => x.level === 'county').map((x) => x.code);
  const zhejiang = counties.filter((c) => c.startsWith('33'));
  return Array.from({ length: n }, (_, i) => {
    const year = 2018 + Math.floor(r() * 8);
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const date = r() < 0.1 ? String(year) : r() < 0.2 ? `${year}-${month}` : `${year}-${month}-${day}`;
    const regions = Array.from({ length: 1 + Math.floor(r() * 2) }, () => (r() < 0.4 ? pick(zhejiang) : pick(counties)));
    return {
      id: `${year}/${date}-bench-${String(i).padStart(6, '0')}`,
      data: {
        title: `合成报道 ${i}，含“引号”与逗号`,
        date,
        dateCertainty: r() < 0.2 ? 'inferred' : 'stated',
        dateNote: 'bench',
        outlet: pick(OUTLETS),
        outletCertainty: 'stated',
        source: {},
        reporters: ['记者'],
        correspondents: [],
        editors: [],
        photographers: [],
        kind: pick(REPORT_KINDS).id,
        bodies: [pick(BODIES).id],
        regions: [...new Set(regions)],
        topics: [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(TOPICS)))],
        keywords: [...new Set(Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(KEYWORDS)))],
        figures: Array.from({ length: Math.floor(r() * 6) }, (_, k) => ({ label: `指标${k}`, value: (r() * 1000).toFixed(2), unit: pick(UNITS), year })),
        events: Array.from({ length: Math.floor(r() * 3) }, (_, k) => ({ date: `${year}-${month}`, label: `事件${k}` })),
        lang: 'zh-Hans',
        originalScript: 'Hans',
        notes: [],
      },
    } as Report;
  });
}

const RUNS = 3;

/** Runs `fn` RUNS times and prints the fastest and the median: the machine is shared, so the minimum is the honest cost. */
function time<T>(label: string, n: number, fn: () => T): T {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const fmt = (x: number) => x.toFixed(1).padStart(8);
  console.log(`${String(n).padStart(6)} reports  ${label.padEnd(38)} min ${fmt(ms[0])} ms  median ${fmt(ms[Math.floor(RUNS / 2)])} ms`);
  return result;
}

const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
const labels = makeLabelers(
  TOPICS.map((id) => ({ id, name: id, nameEn: id, description: '', keywords: [] })),
  OUTLETS.map((id) => ({ id, name: id, nameEn: id, kind: 'newspaper' })) as never,
);
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const reports = syntheticReports(n);
  // Warm the gazetteer path cache and the JIT once, as the first page of a build would.
  deriveArchiveIndex(reports.slice(0, 50));
  time('counts (9 dimensions)', n, () => deriveCounts(reports));
  time('matrices (topic×province, ×year)', n, () => [topicRegionMatrix(reports), topicYearMatrix(reports)]);
  time('figures table + unit summary', n, () => summarizeFiguresByUnit(figureRows(reports)));
  const timeline = time('timeline (merge + sort)', n, () => buildTimeline(reports));
  time('timeline per region + per topic', n, () => [indexEntries(timeline, (e) => regionClosure(e.regions)), indexEntries(timeline, (e) => e.topics)]);
  time('related reports (all)', n, () => relatedReports(reports));
  const index = time('deriveArchiveIndex (all of the above)', n, () => deriveArchiveIndex(reports));
  time('stats charts (SVG, Plot+linkedom)', n, () => buildStatsSections(index, labels));
  time('downloads (2 CSV + 2 JSON)', n, () => [reportsCsv(reports), figuresCsv(index.figures), reportsJson(reports), timelineJson(index.timeline)].reduce((a, s) => a + s.length, 0));
}
