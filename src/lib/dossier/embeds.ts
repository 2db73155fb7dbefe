/**
 * The data behind each dossier component, read from the archive's derived index (the same one the
 * region, topic and stats pages use), so a dossier's list, chart and timeline show the counts
 * those pages show and grow with the archive. Pure: the index comes in as an argument.
 *
 * Region filters use the region closure (a report about 钱塘区 is also about 杭州市 and 浙江省),
 * as region pages count; topic filters use the report's topics, as topic pages count.
 */
import type { Report } from '../archive/types.ts';
import type { ArchiveIndex } from '../derive/archive-index.ts';
import { countByKind, countByProvince, countByTopic, countByYear, tally, type CountTable } from '../derive/counts.ts';
import { regionClosure, reportRegionNodes } from '../derive/region-closure.ts';
import { recentTimeline, type TimelineEntry } from '../derive/timeline.ts';
import { childCodes, getRegion } from '../regions/gazetteer.ts';
import { MAX_LIMIT, type CountBy, type EmbedFilter } from './components.ts';

/** True when the report matches every filter given. */
export function matchesFilter(report: Report, filter: EmbedFilter): boolean {
  if (filter.topic && !report.data.topics.includes(filter.topic)) return false;
  if (filter.year !== undefined && report.data.date.slice(0, 4) !== String(filter.year)) return false;
  if (filter.region && !reportRegionNodes(report).includes(filter.region)) return false;
  return true;
}

/** Every report matching the filter, newest first (the index's order). */
export function filteredReports(index: ArchiveIndex, filter: EmbedFilter): Report[] {
  return index.reports.filter((r) => matchesFilter(r, filter));
}

/** <Reports>: the newest `limit` matching reports and how many match in all. */
export function reportsEmbed(index: ArchiveIndex, filter: EmbedFilter & { limit?: number }): { reports: Report[]; total: number } {
  const all = filteredReports(index, filter);
  return { reports: all.slice(0, Math.min(MAX_LIMIT, filter.limit ?? 10)), total: all.length };
}

const COUNTERS: Record<CountBy, (reports: readonly Report[]) => CountTable> = {
  year: countByYear,
  province: countByProvince,
  topic: countByTopic,
  kind: countByKind,
};

/** <CountChart>: the matching reports counted by one dimension (years oldest first, others most first). */
export function countEmbed(index: ArchiveIndex, by: CountBy, filter: EmbedFilter): CountTable & { total: number } {
  const reports = filteredReports(index, filter);
  return { ...COUNTERS[by](reports), total: reports.length };
}

/**
 * <RegionMap>: matching reports per place one level below `region` (per province without one).
 * `level` says which: 'province' rows are what the tile map shades.
 */
export function regionEmbed(index: ArchiveIndex, filter: Pick<EmbedFilter, 'topic' | 'region'>): { level: 'province' | 'below'; table: CountTable; total: number } {
  const reports = filteredReports(index, filter);
  if (!filter.region) return { level: 'province', table: countByProvince(reports), total: reports.length };
  const children = new Set(childCodes(filter.region));
  const table = tally(reports, (r) => reportRegionNodes(r).filter((code) => children.has(code)));
  return { level: 'below', table, total: reports.length };
}

/** <Timeline>: entries about the region (and places below) and topic, oldest first, the most recent `limit`. */
export function timelineEmbed(index: ArchiveIndex, filter: EmbedFilter & { limit?: number }): TimelineEntry[] {
  const base = filter.region ? (index.timelineByRegion.get(filter.region) ?? []) : filter.topic ? (index.timelineByTopic.get(filter.topic) ?? []) : index.timeline;
  const entries = base.filter(
    (e) =>
      (!filter.topic || e.topics.includes(filter.topic)) &&
      (!filter.region || regionClosure(e.regions).includes(filter.region)) &&
      (filter.year === undefined || e.date.slice(0, 4) === String(filter.year)),
  );
  return recentTimeline(entries, Math.min(MAX_LIMIT, filter.limit ?? MAX_LIMIT));
}

/** <Figures> and <Quote>: the report an embed names; throws with the id when it is gone (the checker refuses that first). */
export function reportOf(index: ArchiveIndex, id: string): Report {
  const report = index.byId.get(id);
  if (!report) throw new Error(`Dossier embed names the report "${id}", which is not in the archive (npm run check lists the fix).`);
  return report;
}

/** <Figures>: the report's figures as printed, the first `limit` of them, and how many it states. */
export function figuresEmbed(index: ArchiveIndex, id: string, limit?: number): { report: Report; figures: Report['data']['figures']; total: number } {
  const report = reportOf(index, id);
  const all = report.data.figures;
  return { report, figures: limit ? all.slice(0, limit) : all, total: all.length };
}

/** A place's name for headings; the code when the gazetteer does not know it. */
export function placeName(code: string | undefined): string {
  return code ? (getRegion(code)?.name ?? code) : '全国';
}

/** A short, stable id for an embed from its props, so two embeds on one page get distinct ids. */
export function embedId(component: string, props: Record<string, unknown>): string {
  const text = `${component}:${JSON.stringify(Object.entries(props).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${component.toLowerCase()}-${h.toString(36)}`;
}
