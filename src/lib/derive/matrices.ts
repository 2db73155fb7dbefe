/**
 * Cross-tabulations: how many reports share a topic and a region (or a year). Rows and columns
 * are ordered by their totals (most first, ties by key) except years, which run oldest first.
 */
import type { Report } from '../archive/types.ts';
import type { RegionLevel } from '../regions/gazetteer.ts';
import { compareByCountThenKey, compareByKey, tally, type CountRow } from './counts.ts';
import { regionLevel, reportRegionNodes } from './region-closure.ts';

export interface Matrix {
  rowKeys: string[];
  colKeys: string[];
  /** cells[row][col] = number of reports with that row key and that column key. */
  cells: number[][];
}

export interface MatrixCell {
  row: string;
  col: string;
  count: number;
}

/** Builds a rows × columns matrix of report counts; a report counts once per (row, col) pair. */
export function crossTabulate(
  reports: readonly Report[],
  rowKeysOf: (r: Report) => Iterable<string>,
  colKeysOf: (r: Report) => Iterable<string>,
  colOrder: (a: CountRow, b: CountRow) => number = compareByCountThenKey,
): Matrix {
  const rowKeys = tally(reports, rowKeysOf).rows.map((r) => r.key);
  const colKeys = tally(reports, colKeysOf, colOrder).rows.map((r) => r.key);
  const rowIndex = new Map(rowKeys.map((k, i) => [k, i]));
  const colIndex = new Map(colKeys.map((k, i) => [k, i]));
  const cells = rowKeys.map(() => colKeys.map(() => 0));
  for (const report of reports) {
    const cols = [...new Set(colKeysOf(report))].map((k) => colIndex.get(k)!);
    for (const row of new Set(rowKeysOf(report))) {
      const r = rowIndex.get(row)!;
      for (const c of cols) cells[r][c]++;
    }
  }
  return { rowKeys, colKeys, cells };
}

/** Topic × region-node matrix at one level (provinces by default). */
export function topicRegionMatrix(reports: readonly Report[], level: RegionLevel = 'province'): Matrix {
  return crossTabulate(
    reports,
    (r) => r.data.topics,
    (r) => reportRegionNodes(r).filter((code) => regionLevel(code) === level),
  );
}

/** Topic × year matrix; years oldest first. */
export function topicYearMatrix(reports: readonly Report[]): Matrix {
  return crossTabulate(reports, (r) => r.data.topics, (r) => [r.data.date.slice(0, 4)], compareByKey);
}

/** The matrix as a flat list of cells in row-major order, zeros included (for charts and tables). */
export function matrixCells(matrix: Matrix): MatrixCell[] {
  return matrix.rowKeys.flatMap((row, r) =>
    matrix.colKeys.map((col, c) => ({ row, col, count: matrix.cells[r][c] })),
  );
}
