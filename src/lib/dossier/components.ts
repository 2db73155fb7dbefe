/**
 * The components a dossier (专题) may embed, as data: one table drives the MDX guard (what is
 * allowed, which props, which values), the messages' examples and the README's editor section,
 * so that what the checker accepts and what the pages render cannot drift apart. Pure.
 */

/** What a prop's literal value must be; `region`, `topic`, `report` are checked against the archive. */
export type PropKind = 'region' | 'topic' | 'report' | 'year' | 'limit' | 'text' | { oneOf: readonly string[] };

export interface PropSpec {
  name: string;
  kind: PropKind;
  required?: boolean;
  /** 中文 (English), for messages and docs. */
  doc: string;
}

export interface ComponentSpec {
  name: DossierComponentName;
  /** What it shows: 中文 (English). */
  doc: string;
  props: readonly PropSpec[];
  /** True when the component takes text between its tags (Quote). */
  children: boolean;
  /** A valid use, as an editor would write it. */
  example: string;
}

/** Dimensions a <CountChart by="…"> can count by. */
export const COUNT_BY = ['year', 'province', 'topic', 'kind'] as const;
export type CountBy = (typeof COUNT_BY)[number];

/** Largest `limit` a list may ask for: a dossier links to the full list instead of copying it. */
export const MAX_LIMIT = 50;

const topic: PropSpec = { name: 'topic', kind: 'topic', doc: '主题 id，如 private-economy (topic id from content/topics.yaml)' };
const region: PropSpec = { name: 'region', kind: 'region', doc: '区划代码，如 330000（含下辖地区）(GB/T 2260 region code, places below included)' };
const year: PropSpec = { name: 'year', kind: 'year', doc: '年份，如 2022 (year)' };
const report: PropSpec = { name: 'report', kind: 'report', required: true, doc: '报道编号，如 2022/2022-08-jia-xing-bai-ri-gong-jian (report id: its path under content/reports without .md)' };

export const DOSSIER_COMPONENTS = [
  {
    name: 'Reports',
    doc: '报道列表，最新在前 (list of reports, newest first)',
    props: [topic, region, year, { name: 'limit', kind: 'limit', doc: `最多列几篇，1–${MAX_LIMIT}，默认 10 (how many, default 10)` }],
    children: false,
    example: '<Reports topic="private-economy" region="330000" limit={10} />',
  },
  {
    name: 'CountChart',
    doc: '报道数量柱状图（静态 SVG，附数据表）(bar chart of report counts, static SVG with its table)',
    props: [{ name: 'by', kind: { oneOf: COUNT_BY }, required: true, doc: `按什么统计：${COUNT_BY.join(' | ')} (count by)` }, topic, region, year],
    children: false,
    example: '<CountChart by="year" topic="private-economy" region="330000" />',
  },
  {
    name: 'RegionMap',
    doc: '各地报道数：省级地图，或给定地区下辖各地的列表 (reports per place: province tile map, or the places below `region`)',
    props: [topic, region],
    children: false,
    example: '<RegionMap topic="industrial-clusters" region="330000" />',
  },
  {
    name: 'Timeline',
    doc: '时间线：报道日期与报道中的事件 (timeline of report dates and the events they record)',
    props: [region, topic, year, { name: 'limit', kind: 'limit', doc: `最多几条，默认 ${MAX_LIMIT} (how many entries, most recent kept)` }],
    children: false,
    example: '<Timeline region="330000" topic="private-economy" />',
  },
  {
    name: 'Figures',
    doc: '一篇报道中的数据，照原文 (the figures a report states, as printed)',
    props: [report, { name: 'limit', kind: 'limit', doc: '只列前几项，其余见报道 (only the first figures; the report lists the rest)' }],
    children: false,
    example: '<Figures report="2022/2022-08-24-qian-tang-qu-gui-shang-gong-ye" limit={6} />',
  },
  {
    name: 'Quote',
    doc: '引文，链接到出处报道 (a passage, linked to its report)',
    props: [report],
    children: true,
    example: '<Quote report="2022/2022-08-jia-xing-bai-ri-gong-jian">用实际行动提振企业发展信心</Quote>',
  },
] as const satisfies readonly (Omit<ComponentSpec, 'name'> & { name: string })[];

export type DossierComponentName = (typeof DOSSIER_COMPONENTS)[number]['name'];

export const DOSSIER_COMPONENT_NAMES: readonly string[] = DOSSIER_COMPONENTS.map((c) => c.name);

/** The spec of a component by its tag name, or undefined for anything not allowed. */
export function componentSpec(name: string): ComponentSpec | undefined {
  return (DOSSIER_COMPONENTS as readonly ComponentSpec[]).find((c) => c.name === name);
}

/** Props as the components receive them after the guard: literal strings and numbers only. */
export interface EmbedFilter {
  topic?: string;
  region?: string;
  year?: number | string;
}
