/**
 * The downloadable data files: reports.json, reports.csv, figures.csv, timeline.json.
 * CSV goes through papaparse (quotes, commas and newlines escaped per RFC 4180); CSV files start
 * with a UTF-8 BOM so spreadsheet programs read Chinese correctly. Cells that a spreadsheet would
 * run as a formula are neutralised (see FORMULA_START). JSON keys are sorted and lists
 * ordered explicitly, so the same content gives byte-identical files.
 */
import Papa from 'papaparse';
import type { Report } from '../archive/types.ts';
import { sortReportsNewestFirst } from '../archive/sort.ts';
import { fullRegionName } from '../regions/gazetteer.ts';
import type { FigureRow } from './figures.ts';
import type { TimelineEntry } from './timeline.ts';

export const BOM = '\uFEFF';
/** Joins list values inside one CSV cell; an ASCII ; does not occur in ids, codes or Chinese keywords. */
export const LIST_SEPARATOR = ';';

/** JSON with object keys sorted at every depth, two-space indented, ending in a newline. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeysDeep(v)]));
  }
  return value;
}

/**
 * Cells a spreadsheet would run as a formula (CSV injection): those starting with =, +, -, @, tab
 * or CR, as the OWASP guidance lists them. papaparse's `escapeFormulae` prefixes such a cell with
 * an apostrophe and quotes it, so Excel, WPS and LibreOffice show it as text. Our own pattern
 * instead of `true`: papaparse's built-in one (`/^[=+\-@\t\r].*$/`) misses a cell with a line break
 * after the formula, and a plain decimal such as -3.5 (a figure's value) is data, not a formula.
 */
export const FORMULA_START = /^(?!-?\d+(?:\.\d+)?$)[=+\-@\t\r]/;

/** CSV text with a BOM, a header row of `columns`, CRLF line ends, every cell a string. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `${BOM}${body}\r\n`;
}

/** The columns of reports.csv, in order, with what each holds (the /data/ page lists these). */
export const REPORT_COLUMNS = {
  id: '报道编号（content/reports 下的路径，无扩展名）',
  url: '本站网址（相对路径）',
  title: '标题',
  subtitle: '副标题',
  date: '日期：YYYY-MM-DD、YYYY-MM 或 YYYY',
  dateCertainty: 'stated（原文载明）或 inferred（推定）',
  dateNote: '推定日期的依据',
  outlet: '媒体编号（content/outlets.yaml）',
  outletCertainty: 'stated（原文署名）或 inferred（推定，未经核实）',
  kind: '体裁编号：news 消息、feature 通讯、speech 发言、brief 简讯、photo 图片新闻',
  bodies: '机构编号，以 ; 分隔：cppcc 政协、congress 人大 …',
  regions: 'GB/T 2260 行政区划代码，以 ; 分隔，最具体者在前',
  regionNames: '对应的行政区划全称，以 ; 分隔',
  topics: '主题编号，以 ; 分隔（content/topics.yaml）',
  keywords: '关键词，以 ; 分隔',
  reporters: '记者，以 ; 分隔',
  figureCount: '报道所载数据条数（详见 figures.csv）',
  eventCount: '报道所载事件条数（详见 timeline.json）',
  sourceUrl: '原文网址',
  sourcePage: '版面',
  editorsNote: '编者注（给读者的说明）',
} as const;

/** reports.csv: one row per report, newest first. */
export function reportsCsv(reports: readonly Report[]): string {
  const rows = sortReportsNewestFirst(reports).map((r) => {
    const d = r.data;
    const row: Record<keyof typeof REPORT_COLUMNS, string> = {
      id: r.id,
      url: `/reports/${r.id}/`,
      title: d.title,
      subtitle: d.subtitle ?? '',
      date: d.date,
      dateCertainty: d.dateCertainty,
      dateNote: d.dateNote ?? '',
      outlet: d.outlet,
      outletCertainty: d.outletCertainty,
      kind: d.kind,
      bodies: d.bodies.join(LIST_SEPARATOR),
      regions: d.regions.join(LIST_SEPARATOR),
      regionNames: d.regions.map(fullRegionName).join(LIST_SEPARATOR),
      topics: d.topics.join(LIST_SEPARATOR),
      keywords: d.keywords.join(LIST_SEPARATOR),
      reporters: d.reporters.join(LIST_SEPARATOR),
      figureCount: String(d.figures.length),
      eventCount: String(d.events.length),
      sourceUrl: d.source.url ?? '',
      sourcePage: d.source.page ?? '',
      editorsNote: d.editorsNote ?? '',
    };
    return row;
  });
  return toCsv(Object.keys(REPORT_COLUMNS), rows);
}

/** The columns of figures.csv. */
export const FIGURE_COLUMNS = {
  reportId: '报道编号',
  reportTitle: '报道标题',
  reportDate: '报道日期',
  label: '指标（原文表述）',
  value: '数值，与原文一致的十进制字符串（如 54.90，保留末尾的0）',
  unit: '单位（原文）：亿元、%、家 …；只在同一单位内比较数值',
  year: '数据所指年份（原文载明时）',
  period: '年内时段，如 上半年',
  region: '数据所指地区代码（未单独注明时为报道的第一个地区）',
  regionName: '地区全称',
} as const;

/** figures.csv: one row per stated figure, in the figures table's order. */
export function figuresCsv(rows: readonly FigureRow[]): string {
  return toCsv(
    Object.keys(FIGURE_COLUMNS),
    rows.map((f) => ({
      reportId: f.reportId,
      reportTitle: f.reportTitle,
      reportDate: f.reportDate,
      label: f.label,
      value: f.value,
      unit: f.unit,
      year: f.year === undefined ? '' : String(f.year),
      period: f.period ?? '',
      region: f.region,
      regionName: fullRegionName(f.region),
    })),
  );
}

/**
 * reports.json: every report's front-matter plus id and url, newest first; without the internal
 * `notes`, which are working notes and never published (readers get `editorsNote`).
 */
export function reportsJson(reports: readonly Report[]): string {
  return stableStringify({
    reports: sortReportsNewestFirst(reports).map((r) => {
      const { notes: _internal, ...published } = r.data;
      return { id: r.id, url: `/reports/${r.id}/`, ...published };
    }),
  });
}

/** The fields of each entry in timeline.json. */
export const TIMELINE_FIELDS = {
  date: '日期：YYYY-MM-DD、YYYY-MM 或 YYYY',
  precision: 'day、month 或 year：日期精确到哪一级',
  certainty: 'stated（原文载明）或 inferred（推定，沿用报道的日期可信度）',
  kind: 'report（报道本身的日期）或 event（报道中记载的事件）',
  label: '报道标题或事件说明',
  reportId: '出处报道编号',
  reportTitle: '出处报道标题',
  regions: '行政区划代码列表',
  topics: '主题编号列表',
} as const;

/** timeline.json: all entries, oldest first. */
export function timelineJson(entries: readonly TimelineEntry[]): string {
  return stableStringify({ entries });
}
