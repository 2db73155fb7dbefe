/**
 * Closed vocabularies of the report schema that are not editorial data: kinds of report and the
 * bodies (机构) a report is about. Each value has a URL slug, its Chinese label and an English one.
 */

export const REPORT_KINDS = [
  { id: 'news', zh: '消息', en: 'News' },
  { id: 'feature', zh: '通讯', en: 'Feature' },
  { id: 'speech', zh: '发言', en: 'Speech' },
  { id: 'brief', zh: '简讯', en: 'Brief' },
  { id: 'photo', zh: '图片新闻', en: 'Photo news' },
] as const;

export type ReportKind = (typeof REPORT_KINDS)[number]['id'];

/** The kind slugs as a tuple, for schema enums. */
export const REPORT_KIND_IDS = REPORT_KINDS.map((k) => k.id) as [ReportKind, ...ReportKind[]];

// 政协 CPPCC committee, 人大 people's congress, 政府 government, 党委 Party committee,
// 民主党派 democratic parties, 工商联 federation of industry and commerce.
export const BODIES = [
  { id: 'cppcc', zh: '政协', en: 'CPPCC committee' },
  { id: 'congress', zh: '人大', en: "People's congress" },
  { id: 'government', zh: '政府', en: 'Government' },
  { id: 'party', zh: '党委', en: 'Party committee' },
  { id: 'parties', zh: '民主党派', en: 'Democratic parties' },
  { id: 'fic', zh: '工商联', en: 'Federation of Industry and Commerce' },
] as const;

export type BodyId = (typeof BODIES)[number]['id'];

/** The body slugs as a tuple, for schema enums. */
export const BODY_IDS = BODIES.map((b) => b.id) as [BodyId, ...BodyId[]];

interface Term {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

/** Accepts a slug or its Chinese label (消息 → news); returns the input unchanged if neither. */
export function toVocabularyId(value: unknown, terms: readonly Term[]): unknown {
  if (typeof value !== 'string') return value;
  const v = value.trim();
  return terms.find((t) => t.id === v || t.zh === v)?.id ?? v;
}

/** The Chinese label of a kind slug. */
export function kindLabel(id: string): string {
  return REPORT_KINDS.find((k) => k.id === id)?.zh ?? id;
}

/** The Chinese label of a body slug. */
export function bodyLabel(id: string): string {
  return BODIES.find((b) => b.id === id)?.zh ?? id;
}
