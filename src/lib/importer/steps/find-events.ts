/**
 * Step: dated happenings for `events` (8月17日，…恳谈会召开 → 2022-08-17). The label is one clause
 * of the text with the date taken out and places shortened (云南省楚雄彝族自治州政协 → 楚雄州政协).
 * A missing year comes from the article's date, and only when that leaves no doubt.
 */
import { allRegions } from '../../regions/gazetteer.ts';
import type { ArticleDraft, EventDraft, Step } from '../types.ts';

// Verbs that make a bare year (or 日前) a happening rather than a period being described.
const EVENT_VERB = /(召开|举行|举办|启动|开幕|闭幕|成立|提出|审议通过|表决通过|出台|印发|发布|签约|签署|落户|建成|投产|开工|揭牌|开通|上线|调研|视察|走访|开展|组织)/u;

// 2021年3月17日 | 2021年3月 | 8月17日 | 6月(以来|起|，) | 2021年 | 去年(底)? | 今年 | 日前 | 近日 | 几天前
const DATE = /(?<![\d年])(?:(?<y>(?:19|20)\d{2})年(?:(?<ym>\d{1,2})月(?:(?<yd>\d{1,2})日)?)?|(?<m>\d{1,2})月(?:(?<d>\d{1,2})日|(?=以来|起|开展|开始|[，,]))|(?<rel>去年底?|今年)|(?<recent>日前|近日|几天前|前几天))/gu;

let placeNames: Set<string> | undefined;
function isPlaceName(text: string): boolean {
  placeNames ??= new Set(allRegions().map((r) => r.name));
  return placeNames.has(text);
}

/** The longest place name (2–8 characters) at the start of `text`, if any. */
function placeAt(text: string): string | undefined {
  for (let n = Math.min(8, text.length); n >= 2; n--) if (isPlaceName(text.slice(0, n))) return text.slice(0, n);
  return undefined;
}

/** Shortens places at the start of a label: 陕西省宝鸡市陇县政协 → 陇县政协, 楚雄彝族自治州 → 楚雄州. */
export function shortenPlaces(label: string): string {
  let out = label;
  for (let place = placeAt(out); place && placeAt(out.slice(place.length)); place = placeAt(out)) out = out.slice(place.length);
  return out.replace(/^([\u4e00-\u9fff]{2})(?:[\u4e00-\u9fff]{1,3}族)+自治州/u, '$1州');
}

export interface ArticleDate {
  year: number;
  month?: number;
  day?: number;
  stated: boolean;
}

/** The article's date as the year/month/day events may borrow; undefined without a date. */
export function toArticleDate(date: string | null | undefined, certainty: string | null | undefined): ArticleDate | undefined {
  const m = date?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u);
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined, stated: certainty === 'stated' };
}

function articleDate(a: ArticleDraft): ArticleDate | undefined {
  return toArticleDate(a.date?.value.date, a.date?.value.certainty);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The partial date a match stands for, or undefined when its year cannot be known for sure. */
function dateOf(g: Record<string, string | undefined>, at: ArticleDate | undefined): { date: string; needsVerb: boolean; vague?: boolean } | undefined {
  if (g.y) return { date: [g.y, g.ym && pad(Number(g.ym)), g.yd && pad(Number(g.yd))].filter(Boolean).join('-'), needsVerb: !g.ym };
  if (!at) return undefined;
  if (g.m) {
    const month = Number(g.m);
    // 8月17日 in an article of 2022-08: same year. A later month than the article's could be last year: skip.
    if (!at.month || month > at.month || month < 1) return undefined;
    return { date: `${at.year}-${pad(month)}${g.d ? `-${pad(Number(g.d))}` : ''}`, needsVerb: false };
  }
  if (g.rel) return { date: String(g.rel.startsWith('去年') ? at.year - 1 : at.year), needsVerb: true, vague: true };
  // 日前/近日: the article's month when its day is printed, else only its year.
  return { date: at.stated && at.day ? `${at.year}-${pad(at.month as number)}` : String(at.year), needsVerb: true, vague: true };
}

const CLAUSE_END = /[，,。；;！？!?]/u;

/** Index just after the last of `marks` before `start` (0 when none): looks back, never scans the text from its start. */
export function startAfterLast(text: string, start: number, marks: string): number {
  for (let i = start - 1; i >= 0; i--) if (marks.includes(text[i])) return i + 1;
  return 0;
}

/** The clause starting at `from` (up to the next comma or stop), and where it ends. */
function clauseFrom(text: string, from: number): { text: string; end: number } {
  const stop = text.slice(from).search(CLAUSE_END);
  const end = stop < 0 ? text.length : from + stop;
  return { text: text.slice(from, end), end };
}

/** The clause around a date, without the date: the one after it when the date opens a clause. */
function clauseAt(text: string, start: number, end: number): { text: string; end: number } {
  const clauseStart = startAfterLast(text, start, '，,。；;！？!?\n');
  // A closing quote or …… before the date belongs to the previous sentence.
  const before = text.slice(clauseStart, start).replace(/^[”’"』」…\s—]+/u, '').replace(/^(早在|就在|截至|截止|在|于|自)/u, '');
  let rest = clauseFrom(text, end);
  if (!(before + rest.text).replace(/^(以来|起|初|底|中旬|上旬|下旬|份|的)/u, '').trim() && rest.end < text.length) rest = clauseFrom(text, rest.end + 1);
  else rest = { text: before + rest.text, end: rest.end };
  const label = rest.text
    .replace(/^(以来|起|底|份|在|于)+/u, '')
    .replace(/^在/u, '')
    .replace(/(期间|时|上)$/u, '')
    // 在今年召开的区政协十七届一次会议 → 区政协十七届一次会议召开; 活动自6月开展以来 → 活动开展.
    .replace(/^(召开|举行|举办)的(.+)$/u, '$2$1')
    .replace(/自(开展|启动|实施)以来$/u, '$1')
    .trim();
  return { text: shortenPlaces(label), end: rest.end };
}

// A clause that opens with the act has its actor earlier in the sentence (市政协…沟通，8月9日，举办…).
const OPENS_WITH_ACT = /^(举办|召开|举行|开展|组织|启动|提出|赴|前往|走访|调研|视察|成立|发布|印发|出台)/u;
const ACTOR = /^[\u4e00-\u9fff]{0,10}?(?:政协|人大常委会|人大|政府|党委|工商联)/u;

/** The label with the sentence's actor put in front when the clause opens with the act. */
function withSubject(text: string, start: number, label: string): string {
  if (!OPENS_WITH_ACT.test(label)) return label;
  const sentenceStart = startAfterLast(text, start, '。！？!?\n');
  const actor = text.slice(sentenceStart, start).replace(/^[”’"』」…\s—]+/u, '').match(ACTOR)?.[0];
  return actor ? shortenPlaces(actor) + label : label;
}

/**
 * The label for a date at start..end. When `verb` is asked for and the clause has none, the next
 * clause joins it if it has one and `join` allows (在2021年，滨江区政协围绕…，召开了常委会…).
 */
function labelAt(text: string, start: number, end: number, verb: boolean, join: boolean): string {
  const clause = clauseAt(text, start, end);
  clause.text = withSubject(text, start, clause.text);
  if (!verb || !join || EVENT_VERB.test(clause.text) || clause.end >= text.length || text[clause.end] === '。') return clause.text;
  const next = clauseFrom(text, clause.end + 1).text.trim();
  return EVENT_VERB.test(next) && next.length <= 40 ? `${clause.text}，${next}` : clause.text;
}

/** Events in one article's body, in text order, at most one per date and label. */
export function findEventsIn(text: string, at: ArticleDate | undefined): EventDraft[] {
  const out: EventDraft[] = [];
  for (const m of text.matchAll(DATE)) {
    const start = m.index ?? 0;
    const found = dateOf(m.groups ?? {}, at);
    if (!found) continue;
    const end = start + m[0].length;
    // 2022年是…之年, 2022年度工作计划, 2022年经济运行恳谈会: a year inside a name or a copula is no happening.
    // (6月以来 is a start worth recording; 2021年以来 is a period.)
    const bareYear = (m.groups?.y && !m.groups.ym) || m.groups?.rel;
    if (bareYear && /^(是|为|度|以来|来|之|的|[\u4e00-\u9fff]{0,6}(会|计划|目标))/u.test(text.slice(end, end + 8))) continue;
    // 去年/今年/日前 open narrative as often as happenings: their own clause must name the act.
    const label = labelAt(text, start, end, found.needsVerb, !found.vague);
    if (label.length < 6 || (found.needsVerb && !EVENT_VERB.test(label))) continue;
    if (!out.some((e) => e.date === found.date && e.label === label)) out.push({ date: found.date, label });
  }
  return out;
}

export const findEvents: Step = (doc) => ({
  doc: { ...doc, articles: doc.articles.map((a) => ({ ...a, events: findEventsIn(a.lines.map((l) => l.text).join('\n'), articleDate(a)) })) },
  issues: [],
});
