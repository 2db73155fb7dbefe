/**
 * Timelines: report dates and the dated `events` inside reports, merged, oldest first, grouped by
 * year and month. Each entry says how precise its date is (day, month, year) and how certain.
 */
import type { Report } from '../archive/types.ts';
import { parsePartialDate, type DatePrecision } from '../dates/partial-date.ts';

export type TimelineKind = 'report' | 'event';

export interface TimelineEntry {
  date: string;
  precision: DatePrecision;
  /**
   * `stated` or `inferred`. A report entry carries its report's `dateCertainty`. An event carries
   * its report's too: when a report's own date is inferred (a dateline without a year), the years
   * of its events were usually inferred the same way, so we do not claim more than the report.
   */
  certainty: 'stated' | 'inferred';
  kind: TimelineKind;
  /** Report title for report entries, the event label for events. */
  label: string;
  reportId: string;
  reportTitle: string;
  /** The event's own region, else the report's regions. */
  regions: string[];
  topics: string[];
}

export interface TimelineMonth {
  /** 1–12, or null for entries known only to the year. */
  month: number | null;
  entries: TimelineEntry[];
}

export interface TimelineYear {
  year: number;
  months: TimelineMonth[];
}

const KIND_ORDER: Record<TimelineKind, number> = { event: 0, report: 1 };

/**
 * Oldest first. Same date string: events before reports (a report tells of what already
 * happened), then report id, then label, so the order never depends on input order.
 */
export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (kind) return kind;
  if (a.reportId !== b.reportId) return a.reportId < b.reportId ? -1 : 1;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

function precisionOf(date: string): DatePrecision {
  return parsePartialDate(date)?.precision ?? 'year';
}

/** The entries of one report: its own date first, then each event. */
export function reportTimelineEntries(report: Report): TimelineEntry[] {
  const d = report.data;
  const base = { certainty: d.dateCertainty, reportId: report.id, reportTitle: d.title, topics: [...d.topics] };
  const own: TimelineEntry = { ...base, date: d.date, precision: precisionOf(d.date), kind: 'report', label: d.title, regions: [...d.regions] };
  const events = d.events.map(
    (e): TimelineEntry => ({
      ...base,
      date: e.date,
      precision: precisionOf(e.date),
      kind: 'event',
      label: e.label,
      regions: e.region ? [e.region] : [...d.regions],
    }),
  );
  return [own, ...events];
}

/** Every report date and event of the archive, oldest first. */
export function buildTimeline(reports: readonly Report[]): TimelineEntry[] {
  return reports.flatMap(reportTimelineEntries).sort(compareTimelineEntries);
}

/** Groups sorted entries by year then month (year-only entries first in their year), oldest first. */
export function groupTimeline(entries: readonly TimelineEntry[]): TimelineYear[] {
  const years = new Map<number, Map<number | null, TimelineEntry[]>>();
  for (const entry of [...entries].sort(compareTimelineEntries)) {
    const parsed = parsePartialDate(entry.date);
    const year = parsed?.year ?? Number(entry.date.slice(0, 4));
    const month = parsed?.month ?? null;
    const months = years.get(year) ?? new Map<number | null, TimelineEntry[]>();
    years.set(year, months);
    const list = months.get(month) ?? [];
    months.set(month, list);
    list.push(entry);
  }
  // Entries arrive sorted, so insertion order of years and months is already chronological.
  return [...years].map(([year, months]) => ({
    year,
    months: [...months].map(([month, list]) => ({ month, entries: list })),
  }));
}

/** Entries shown in a page's timeline section; the full timeline lives on /timeline/. */
export const PAGE_TIMELINE_LIMIT = 60;

/** The most recent `limit` entries of an oldest-first timeline, still oldest first. */
export function recentTimeline(entries: readonly TimelineEntry[], limit = PAGE_TIMELINE_LIMIT): TimelineEntry[] {
  return entries.slice(Math.max(0, entries.length - limit));
}

/** Entries the /timeline/ page shows itself; a longer timeline is read year by year. */
export const TIMELINE_PAGE_LIMIT = 200;

/** The years of a timeline with their number of entries, oldest first. */
export function timelineYearCounts(entries: readonly TimelineEntry[]): { year: number; count: number }[] {
  return groupTimeline(entries).map((y) => ({ year: y.year, count: y.months.reduce((n, m) => n + m.entries.length, 0) }));
}

/** The entries of one year, in timeline order. */
export function timelineOfYear(entries: readonly TimelineEntry[], year: number): TimelineEntry[] {
  return groupTimeline(entries)
    .filter((y) => y.year === year)
    .flatMap((y) => y.months.flatMap((m) => m.entries));
}
