/**
 * Everything /stats/ shows, as plain data: for each chart its title, summary, SVG and table.
 * The page only lays these out, so the numbers can be tested without rendering Astro.
 */
import type { ArchiveIndex } from '../derive/archive-index.ts';
import { fillTimeGaps, type CountTable } from '../derive/counts.ts';
import type { Labelers } from '../derive/labels.ts';
import type { Matrix } from '../derive/matrices.ts';
import { summarizeCountTable, summarizeTimeTable, type SummaryOptions } from '../derive/summaries.ts';
import { getRegion, shortRegionName } from '../regions/gazetteer.ts';
import { renderBarChart } from './bar-chart.ts';
import { renderHeatmap } from './heatmap.ts';
import { renderProvinceTileMap } from './tile-map.ts';

export interface ChartSpec {
  id: string;
  title: string;
  summary: string;
  svg: string;
  columns: string[];
  rows: (string | number)[][];
  note?: string;
}

export interface ChartSection {
  id: string;
  title: string;
  charts: ChartSpec[];
}

/** 浙江省 → 浙江, 宁夏回族自治区 → 宁夏: short enough for a heatmap column. */
function provinceShort(code: string): string {
  const region = getRegion(code);
  return region ? shortRegionName(region.name) : code;
}

/** Bars shown per chart; the table beside it always lists every row. */
export const TOP_BARS = 15;
/** Columns shown in a heatmap so it stays legible on a phone; the table lists all. */
export const TOP_COLUMNS = 8;
const COUNT = '报道数（篇）';

/**
 * A bar per row. A time dimension (years, months) is a time axis: every year or month between the
 * first and the last has its bar, empty ones at zero, so a gap reads as a gap; and it is never cut
 * to the busiest few, which would make no sense in date order.
 */
function countChart(id: string, title: string, table: CountTable, dim: string, summary: string, label: (k: string) => string, time = false): ChartSpec {
  const rows = time ? fillTimeGaps(table.rows) : table.rows;
  const shown = time ? rows : rows.slice(0, TOP_BARS);
  const note = shown.length < rows.length ? `图中只显示前${TOP_BARS}个，表中列出全部${rows.length}个。` : undefined;
  return {
    id,
    title,
    summary,
    svg: renderBarChart(shown.map((r) => ({ label: label(r.key), count: r.count })), { title, xLabel: COUNT, yLabel: dim }),
    columns: [dim, COUNT],
    rows: rows.map((r) => [label(r.key), r.count]),
    ...(note ? { note } : {}),
  };
}

function summaryOf(table: CountTable, o: SummaryOptions): string {
  return summarizeCountTable(table, o);
}

function matrixChart(
  id: string,
  title: string,
  m: Matrix,
  dims: { row: string; col: string },
  labels: { row: (k: string) => string; col: (k: string) => string; colShort?: (k: string) => string },
): ChartSpec {
  const { row: rowDim, col: colDim } = dims;
  const { row: rowLabel, col: colLabel, colShort = colLabel } = labels;
  const cols = m.colKeys.slice(0, TOP_COLUMNS);
  const busiest = m.rowKeys.length && m.colKeys.length ? maxCell(m) : undefined;
  const summary = busiest
    ? `${m.rowKeys.length}个${rowDim}、${m.colKeys.length}个${colDim}，每格是同时属于该${rowDim}与该${colDim}的报道数。最集中的是${rowLabel(busiest.row)}在${colLabel(busiest.col)}（${busiest.count}篇）。`
    : '暂无可交叉统计的报道。';
  const note = m.colKeys.length > TOP_COLUMNS ? `图中只显示报道最多的${TOP_COLUMNS}个${colDim}，表中列出全部。` : undefined;
  return {
    id,
    title,
    summary,
    svg: renderHeatmap({
      title,
      xLabel: colDim,
      yLabel: rowDim,
      rowLabels: m.rowKeys.map(rowLabel),
      colLabels: cols.map(colShort),
      cells: m.cells.map((row) => row.slice(0, TOP_COLUMNS)),
    }),
    columns: [rowDim, ...m.colKeys.map(colLabel)],
    rows: m.rowKeys.map((k, r) => [rowLabel(k), ...m.cells[r]]),
    ...(note ? { note } : {}),
  };
}

/** A topic × year matrix with a zero column for each year between the first and the last. */
function withYearGaps(m: Matrix): Matrix {
  const colKeys = fillTimeGaps(m.colKeys.map((key) => ({ key, count: 0 }))).map((r) => r.key);
  const at = new Map(m.colKeys.map((k, i) => [k, i]));
  return { rowKeys: m.rowKeys, colKeys, cells: m.cells.map((row) => colKeys.map((k) => (at.has(k) ? row[at.get(k)!] : 0))) };
}

/** The cell with the most reports; ties go to the first in row-major order. */
function maxCell(m: Matrix): { row: string; col: string; count: number } {
  let best = { row: m.rowKeys[0], col: m.colKeys[0], count: -1 };
  m.cells.forEach((row, r) => row.forEach((count, c) => {
    if (count > best.count) best = { row: m.rowKeys[r], col: m.colKeys[c], count };
  }));
  return best;
}

/** All sections of /stats/, in page order. */
export function buildStatsSections(index: ArchiveIndex, labels: Labelers): ChartSection[] {
  const c = index.counts;
  const provinceMap = new Map(c.province.rows.map((r) => [r.key, r.count]));
  const tileTitle = '各省级行政区的报道数';
  return [
    {
      id: 'time',
      title: '时间',
      charts: [
        countChart('by-year', '各年份的报道数', c.year, '年份', summarizeTimeTable(c.year, { label: labels.year, noun: '年份' }), labels.year, true),
        countChart('by-month', '各月份的报道数', c.month, '月份', summarizeTimeTable(c.month, { label: labels.month, noun: '月份' }), labels.month, true),
      ],
    },
    {
      id: 'places',
      title: '地区',
      charts: [
        {
          id: 'by-province',
          title: tileTitle,
          summary: summaryOf(c.province, { dimension: '个省级行政区', noun: '地区', label: labels.region, multi: true }),
          svg: renderProvinceTileMap(provinceMap, tileTitle),
          columns: ['省级行政区', COUNT],
          rows: c.province.rows.map((r) => [labels.region(r.key), r.count]),
          note: '方块图：每个方块代表一个省级行政区，按大致地理方位排列，不表示面积与边界。颜色越深，报道越多。',
        },
        countChart('by-city', '各地级市的报道数', c.city, '地级市', summaryOf(c.city, { dimension: '个地级市', noun: '地级市', label: labels.region, multi: true }), labels.region),
        countChart('by-district', '各区县的报道数', c.district, '区县', summaryOf(c.district, { dimension: '个区县', noun: '区县', label: labels.region, multi: true }), labels.region),
      ],
    },
    {
      id: 'topics',
      title: '主题',
      charts: [
        countChart('by-topic', '各主题的报道数', c.topic, '主题', summaryOf(c.topic, { dimension: '个主题', noun: '主题', label: labels.topic, multi: true }), labels.topic),
        matrixChart('topic-year', '主题 × 年份', withYearGaps(index.topicByYear), { row: '主题', col: '年份' }, { row: labels.topic, col: labels.year }),
        matrixChart('topic-province', '主题 × 省级行政区', index.topicByProvince, { row: '主题', col: '省级行政区' }, { row: labels.topic, col: labels.region, colShort: provinceShort }),
      ],
    },
    {
      id: 'sources',
      title: '体裁、媒体与机构',
      charts: [
        countChart('by-kind', '各体裁的报道数', c.kind, '体裁', summaryOf(c.kind, { dimension: '种体裁', noun: '体裁', label: labels.kind }), labels.kind),
        countChart('by-outlet', '各媒体的报道数', c.outlet, '媒体', summaryOf(c.outlet, { dimension: '家媒体', noun: '媒体', label: labels.outlet }), labels.outlet),
        countChart('by-body', '涉及各机构的报道数', c.body, '机构', summaryOf(c.body, { dimension: '类机构', noun: '机构', label: labels.body, multi: true }), labels.body),
      ],
    },
  ];
}
