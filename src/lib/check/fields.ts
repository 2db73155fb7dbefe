/**
 * What each report field means to an editor: its Chinese name, what it expects and a valid example
 * (used to explain schema errors), and the Chinese or Traditional names editors type by mistake.
 */
import { BODIES, REPORT_KINDS } from '../taxonomy/vocabularies.ts';

/** A closed vocabulary as an editor reads it: 'news 消息、feature 通讯、…'. */
const terms = (vocabulary: readonly { id: string; zh: string }[]) => vocabulary.map((t) => `${t.id} ${t.zh}`).join('、');

export interface FieldGuide {
  /** Chinese name of the field. */
  zh: string;
  /** What is expected: 中文 (English). */
  expected: string;
  /** A valid line, as written in the front matter. */
  example: string;
}

/** One entry per top-level field of the report schema. */
export const FIELD_GUIDE: Readonly<Record<string, FieldGuide>> = {
  title: { zh: '标题', expected: '非空文字，照录原标题 (non-empty text: the headline as published)', example: 'title: 钱塘江畔迎接高远未来' },
  subtitle: { zh: '副标题', expected: '非空文字 (non-empty text)', example: 'subtitle: 区政协助推产业高质量发展' },
  date: {
    zh: '日期',
    expected: '真实日期，写作 YYYY-MM-DD、YYYY-MM 或 YYYY (a real date as YYYY-MM-DD, YYYY-MM or YYYY)',
    example: 'date: 2022-04-01',
  },
  dateCertainty: {
    zh: '日期确定性',
    expected: '`stated`（原文印有日期）或 `inferred`（推定，须写 dateNote） (`stated` or `inferred`)',
    example: 'dateCertainty: stated',
  },
  dateNote: {
    zh: '日期说明',
    expected: '推定日期的依据 (why an inferred date is what it is)',
    example: 'dateNote: 电头无年份，据文中“2022年”推定。',
  },
  outlet: {
    zh: '媒体',
    expected: 'content/outlets.yaml 中的 id 或中文名 (an outlet id or Chinese name from content/outlets.yaml)',
    example: 'outlet: rmzxw',
  },
  outletCertainty: {
    zh: '媒体可信度',
    expected: '`stated` 原文署名或 `inferred` 推定 (`stated` or `inferred`)',
    example: 'outletCertainty: stated',
  },
  source: {
    zh: '来源',
    expected: '可含 url、page、file、part (may hold url, page, file, part)',
    example: 'source: { url: "https://www.example.com/2022/0401.html", page: 第3版 }',
  },
  reporters: { zh: '记者', expected: '姓名列表 (a list of names)', example: 'reporters: [鲍蔓华]' },
  correspondents: { zh: '通讯员', expected: '姓名列表 (a list of names)', example: 'correspondents: [张三]' },
  editors: { zh: '编辑', expected: '姓名列表 (a list of names)', example: 'editors: [李京]' },
  photographers: { zh: '摄影', expected: '姓名列表 (a list of names)', example: 'photographers: [王五]' },
  kind: {
    zh: '体裁',
    expected: `${terms(REPORT_KINDS)}之一 (one of ${REPORT_KINDS.map((k) => k.id).join(', ')})`,
    example: 'kind: news',
  },
  bodies: {
    zh: '机构',
    expected: `${terms(BODIES)} (list of body ids)`,
    example: 'bodies: [cppcc]',
  },
  regions: {
    zh: '地区',
    expected: 'GB/T 2260 六位行政区划代码，最具体的在前 (six-digit GB/T 2260 codes, most specific first)',
    example: 'regions: ["330114"]',
  },
  topics: {
    zh: '主题',
    expected: 'content/topics.yaml 中的 id 或中文名 (topic ids or Chinese names from content/topics.yaml)',
    example: 'topics: [private-economy, 制造业]',
  },
  keywords: { zh: '关键词', expected: '词语列表 (a list of words)', example: 'keywords: [民营经济, 营商环境]' },
  figures: {
    zh: '数据',
    expected: 'label、带引号的 value、unit，可选 year/period/region (label, quoted value, unit; optional year, period, region)',
    example: '- { label: 营业收入, value: "157.36", unit: 亿元, year: 2021 }',
  },
  events: {
    zh: '事件',
    expected: 'date 与 label，可选 region (date and label; optional region)',
    example: '- { date: 2022-04-01, label: 区政协三届一次会议召开 }',
  },
  lang: { zh: '语言', expected: '`zh-Hans`（档案正文一律简体） (always zh-Hans)', example: 'lang: zh-Hans' },
  originalScript: {
    zh: '原文字形',
    expected: '`Hans` 简体或 `Hant` 繁体 (`Hans` Simplified or `Hant` Traditional)',
    example: 'originalScript: Hans',
  },
  editorsNote: {
    zh: '编者注',
    expected: '给读者看的一段中文说明 (plain Chinese prose, shown to readers)',
    example: 'editorsNote: 原文未署媒体名，媒体为本档案推定，未经核实。',
  },
  notes: { zh: '内部说明', expected: '文字列表，不公开 (a list of internal notes, never published)', example: 'notes: [年份据文意推定。]' },
};

/** Names editors type instead of the field key: Chinese (Simplified and Traditional) and near-misses. */
export const FIELD_ALIASES: Readonly<Record<string, string>> = {
  标题: 'title', 標題: 'title', 题目: 'title', 題目: 'title',
  副标题: 'subtitle', 副標題: 'subtitle', 引题: 'subtitle', 引題: 'subtitle',
  日期: 'date', 时间: 'date', 時間: 'date', 发布日期: 'date', 發佈日期: 'date', 發布日期: 'date',
  日期说明: 'dateNote', 日期說明: 'dateNote',
  媒体: 'outlet', 媒體: 'outlet', 出处: 'outlet', 出處: 'outlet', 报纸: 'outlet', 報紙: 'outlet',
  来源: 'source', 來源: 'source', 版面: 'source',
  记者: 'reporters', 記者: 'reporters', 作者: 'reporters',
  通讯员: 'correspondents', 通訊員: 'correspondents',
  编辑: 'editors', 編輯: 'editors', 责任编辑: 'editors', 責任編輯: 'editors',
  摄影: 'photographers', 攝影: 'photographers',
  体裁: 'kind', 體裁: 'kind', 类型: 'kind', 類型: 'kind',
  机构: 'bodies', 機構: 'bodies',
  地区: 'regions', 地區: 'regions', 地点: 'regions', 地點: 'regions',
  主题: 'topics', 主題: 'topics', 话题: 'topics', 話題: 'topics',
  关键词: 'keywords', 關鍵詞: 'keywords', 关键字: 'keywords', 關鍵字: 'keywords',
  数据: 'figures', 數據: 'figures', 数字: 'figures', 數字: 'figures',
  事件: 'events', 大事记: 'events', 大事記: 'events',
  备注: 'notes', 備註: 'notes', 附注: 'notes', 附註: 'notes', 编者注: 'editorsNote', 編者註: 'editorsNote', 编者按: 'editorsNote',
  语言: 'lang', 語言: 'lang',
  author: 'reporters', authors: 'reporters', reporter: 'reporters', editor: 'editors',
  photographer: 'photographers', region: 'regions', topic: 'topics', tags: 'topics', body: 'bodies',
  figure: 'figures', event: 'events', note: 'notes', keyword: 'keywords', published: 'date', pubDate: 'date',
  url: 'source', page: 'source', language: 'lang', type: 'kind',
};

/** Fields that look valid to editors but are derived by the site and must not be written. */
export const DERIVED_FIELDS: Readonly<Record<string, string>> = {
  slug: '网址由文件名决定，请改文件名而不要写 slug (the URL comes from the file name; rename the file instead of writing slug)',
  id: '编号由文件路径决定，不能手写 (the id is the file path; it cannot be written by hand)',
};

/** True when a key contains CJK characters (a Chinese field name). */
export function isChineseKey(key: string): boolean {
  return /[\u3400-\u9fff]/u.test(key);
}
