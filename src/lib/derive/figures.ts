/**
 * The figures table: every number a report states, with its report, region, year and unit.
 * Values stay the decimal strings as printed; they are compared only within one unit.
 */
import type { Report } from '../archive/types.ts';
import { compareReportsNewestFirst } from '../archive/sort.ts';
import { compareDecimalStrings } from './decimal.ts';

export interface FigureRow {
  reportId: string;
  reportTitle: string;
  reportDate: string;
  /** Position of the figure within its report's `figures`, from 0. */
  index: number;
  label: string;
  /** Exactly as printed, e.g. "54.90". */
  value: string;
  /** As printed; '' when the report gives none. */
  unit: string;
  /** The year the figure refers to, only when the front-matter states it. */
  year?: number;
  period?: string;
  /** The figure's own region, else the report's first (most specific) region. */
  region: string;
  /** True when `region` comes from the figure itself rather than from its report. */
  regionStated: boolean;
}

export interface UnitSummary {
  unit: string;
  count: number;
  /** Smallest and largest figure in this unit (exact decimal comparison; ties keep table order). */
  min: FigureRow;
  max: FigureRow;
}

/** All figures, reports newest first (ties by id), figures in the order the report lists them. */
export function figureRows(reports: readonly Report[]): FigureRow[] {
  return [...reports].sort(compareReportsNewestFirst).flatMap((report) =>
    report.data.figures.map((f, index) => ({
      reportId: report.id,
      reportTitle: report.data.title,
      reportDate: report.data.date,
      index,
      label: f.label,
      value: f.value,
      unit: f.unit,
      ...(f.year !== undefined ? { year: f.year } : {}),
      ...(f.period !== undefined ? { period: f.period } : {}),
      region: f.region ?? report.data.regions[0],
      regionStated: f.region !== undefined,
    })),
  );
}

/** Per unit: how many figures and the smallest and largest; most-used unit first, ties by unit. */
export function summarizeFiguresByUnit(rows: readonly FigureRow[]): UnitSummary[] {
  const byUnit = new Map<string, UnitSummary>();
  for (const row of rows) {
    const s = byUnit.get(row.unit);
    if (!s) {
      byUnit.set(row.unit, { unit: row.unit, count: 1, min: row, max: row });
      continue;
    }
    s.count++;
    if (compareDecimalStrings(row.value, s.min.value) < 0) s.min = row;
    if (compareDecimalStrings(row.value, s.max.value) > 0) s.max = row;
  }
  return [...byUnit.values()].sort((a, b) => b.count - a.count || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

/** Figures of one unit, largest first (exact comparison; equal values keep table order). */
export function rankWithinUnit(rows: readonly FigureRow[], unit: string): FigureRow[] {
  return rows.filter((r) => r.unit === unit).sort((a, b) => compareDecimalStrings(b.value, a.value));
}
