/** One-paragraph Chinese summaries of derived tables, shown beside each chart. */
import type { CountTable } from './counts.ts';

export interface SummaryOptions {
  /** What is counted, with its measure word: 个省份, 个主题, 种体裁 … */
  dimension: string;
  /** The dimension without measure word, for "未标注…": 省份, 主题 … */
  noun: string;
  label: (key: string) => string;
  /** True when one report can have several keys (topics, regions, bodies). */
  multi?: boolean;
}

function listNames(names: readonly string[]): string {
  return names.length <= 3 ? names.join('、') : `${names.slice(0, 3).join('、')}等${names.length}个`;
}

/** E.g. "9篇报道涉及3个省份。最多的是浙江省（7篇），其次是云南省（1篇）。" Ties are named together. */
export function summarizeCountTable(table: CountTable, options: SummaryOptions): string {
  const { rows } = table;
  if (!rows.length) {
    return table.unassigned ? `${table.unassigned}篇报道均未标注${options.noun}。` : '暂无报道。';
  }
  const parts = [`${table.counted}篇报道涉及${rows.length}${options.dimension}${options.multi ? '（一篇报道可计入多项）' : ''}。`];
  const top = rows.filter((r) => r.count === rows[0].count);
  const topNames = listNames(top.map((r) => options.label(r.key)));
  if (rows.length > 1) {
    parts.push(top.length > 1 ? `并列最多的是${topNames}（各${top[0].count}篇）` : `最多的是${topNames}（${top[0].count}篇）`);
    const next = rows[top.length];
    if (next) {
      const second = rows.filter((r) => r.count === next.count);
      parts.push(`，其次是${listNames(second.map((r) => options.label(r.key)))}（${second.length > 1 ? '各' : ''}${next.count}篇）`);
    }
    parts.push('。');
  }
  if (table.unassigned) parts.push(`另有${table.unassigned}篇未标注${options.noun}。`);
  return parts.join('');
}

/** Chronological summary: span, busiest period(s) and unassigned reports. */
export function summarizeTimeTable(table: CountTable, options: Pick<SummaryOptions, 'label' | 'noun'>): string {
  const { rows } = table;
  if (!rows.length) return table.unassigned ? `${table.unassigned}篇报道均无${options.noun}。` : '暂无报道。';
  const first = options.label(rows[0].key);
  const last = options.label(rows[rows.length - 1].key);
  const max = Math.max(...rows.map((r) => r.count));
  const peaks = rows.filter((r) => r.count === max).map((r) => options.label(r.key));
  const span = rows.length > 1 ? `${table.counted}篇报道，从${first}到${last}。` : `${table.counted}篇报道，都在${first}。`;
  const peak = rows.length > 1 ? `最多的是${listNames(peaks)}（${peaks.length > 1 ? '各' : ''}${max}篇）。` : '';
  const rest = table.unassigned ? `另有${table.unassigned}篇只知年份，不计入${options.noun}。` : '';
  return span + peak + rest;
}
