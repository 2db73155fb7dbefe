/**
 * Everything derived from the reports' front-matter, computed once per build in one pass per
 * derivation (linear in the number of reports). Pages read from this instead of re-scanning.
 */
import type { Report } from '../archive/types.ts';
import { sortReportsNewestFirst } from '../archive/sort.ts';
import {
  countByBody,
  countByCity,
  countByDistrict,
  countByKind,
  countByMonth,
  countByOutlet,
  countByProvince,
  countByTopic,
  countByYear,
  type CountTable,
} from './counts.ts';
import { figureRows, summarizeFiguresByUnit, type FigureRow, type UnitSummary } from './figures.ts';
import { topicRegionMatrix, topicYearMatrix, type Matrix } from './matrices.ts';
import { regionClosure } from './region-closure.ts';
import { relatedReports, type RelatedReport } from './related.ts';
import { buildTimeline, type TimelineEntry } from './timeline.ts';

export interface ArchiveCounts {
  year: CountTable;
  month: CountTable;
  province: CountTable;
  city: CountTable;
  district: CountTable;
  topic: CountTable;
  kind: CountTable;
  outlet: CountTable;
  body: CountTable;
}

export interface ArchiveIndex {
  /** All reports, newest first. */
  reports: Report[];
  byId: ReadonlyMap<string, Report>;
  counts: ArchiveCounts;
  topicByProvince: Matrix;
  topicByYear: Matrix;
  figures: FigureRow[];
  figureUnits: UnitSummary[];
  /** Report dates and events, oldest first. */
  timeline: TimelineEntry[];
  /** Timeline entries per region node, including those of every place below it. */
  timelineByRegion: ReadonlyMap<string, TimelineEntry[]>;
  timelineByTopic: ReadonlyMap<string, TimelineEntry[]>;
  related: ReadonlyMap<string, RelatedReport[]>;
}

/** Counts of every dimension. */
export function deriveCounts(reports: readonly Report[]): ArchiveCounts {
  return {
    year: countByYear(reports),
    month: countByMonth(reports),
    province: countByProvince(reports),
    city: countByCity(reports),
    district: countByDistrict(reports),
    topic: countByTopic(reports),
    kind: countByKind(reports),
    outlet: countByOutlet(reports),
    body: countByBody(reports),
  };
}

/** Files each (already sorted) entry under every key it has; lists keep the entries' order. */
export function indexEntries<T>(entries: readonly T[], keysOf: (entry: T) => Iterable<string>): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const entry of entries) {
    for (const key of new Set(keysOf(entry))) {
      const list = index.get(key) ?? [];
      index.set(key, list);
      list.push(entry);
    }
  }
  return index;
}

/** Derives the whole index; deterministic for any input order. */
export function deriveArchiveIndex(input: readonly Report[]): ArchiveIndex {
  const reports = sortReportsNewestFirst(input);
  const timeline = buildTimeline(reports);
  const figures = figureRows(reports);
  return {
    reports,
    byId: new Map(reports.map((r) => [r.id, r])),
    counts: deriveCounts(reports),
    topicByProvince: topicRegionMatrix(reports, 'province'),
    topicByYear: topicYearMatrix(reports),
    figures,
    figureUnits: summarizeFiguresByUnit(figures),
    timeline,
    timelineByRegion: indexEntries(timeline, (e) => regionClosure(e.regions)),
    timelineByTopic: indexEntries(timeline, (e) => e.topics),
    related: relatedReports(reports),
  };
}
