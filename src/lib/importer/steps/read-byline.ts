/**
 * Step: per article, the lead (本报讯, dateline 人民政协网杭州4月1日电, bylines) is read into
 * reporters, correspondents and outlet hints and taken out of the body, recorded in `removed`.
 */
import type { ArticleDraft, Line, Step } from '../types.ts';
import { isPersonName } from '../names.ts';
import { splitNames } from './strip-chrome.ts';

const NAME = /^[\u4e00-\u9fff·]{2,4}$/u;

/** Reads a byline such as `记者 吕金平 通讯员 李茜茜 赵学志` into reporters and correspondents. */
export function parseByline(text: string): { reporters: string[]; correspondents: string[] } {
  const reporters: string[] = [];
  const correspondents: string[] = [];
  let role: 'reporter' | 'correspondent' | 'unknown' = 'unknown';
  for (const token of text.replace(/[()（）]/gu, ' ').replace(/^\s*(文|文图)\s*[/／:：]\s*/u, '$1 ').split(/[\s、,，]+/u).filter(Boolean)) {
    if (/^(本报)?(记者|特约记者|实习记者|首席记者|文|文图|文\/图)$/u.test(token)) role = 'reporter';
    else if (/^(本报)?(通讯员|特约通讯员|见习记者)$/u.test(token)) role = 'correspondent';
    else if (/^(整合|整理|综合|编译|编辑|报道|摄影?|采写|发自.*)$/u.test(token)) continue;
    else if (/^(本报)?(记者|通讯员|特约记者|实习记者|首席记者|特约通讯员|见习记者)[\u4e00-\u9fff·]{2,4}$/u.test(token)) {
      // The role glued to the name (记者陈智, 本报通讯员李茜).
      role = /通讯员|见习/u.test(token) ? 'correspondent' : 'reporter';
      const rest = token.replace(/^(本报)?(记者|通讯员|特约记者|实习记者|首席记者|特约通讯员|见习记者)/u, '');
      if (NAME.test(rest)) (role === 'reporter' ? reporters : correspondents).push(rest);
    } else if (NAME.test(token)) {
      // A name before any role label (严军 记者 王磊) is a contributor, filed as correspondent.
      (role === 'reporter' ? reporters : correspondents).push(token);
    } else if (token.length > 4) {
      // An organisation between names (钱塘微融圈 糜利萍): the names after it are its contributors.
      role = 'correspondent';
    }
  }
  return { reporters, correspondents };
}

// A dateline names the outlet, optionally the place and the day, and ends in 电, 讯 or 消息:
// 本报讯, 本报杭州1月25日讯, 人民政协网杭州4月1日电, 台海网10月11日讯, 中国菏泽网消息, 台湾网10月21日烟台消息.
// The place alone with a day also counts (杭州1月25日电). The outlet ends in a medium's word, so an
// ordinary first sentence (大会消息称…) is not read as one.
const OUTLET = String.raw`(?<outlet>本报|本刊|本网|本台|[\u4e00-\u9fff]{1,12}?(?:网|报|社|电视台|电台|客户端|融媒体中心|新闻中心))`;
const PLACE = String.raw`[\u4e00-\u9fff]{2,6}?`;
const DAY = String.raw`(?<month>\d{1,2})月(?<day>\d{1,2})日`;
// The byline after a dateline: in parentheses, or bare names separated by spaces (本报讯 记者 张三 通讯员 李四 近日…).
const BYLINE = String.raw`\s*(?<byline>[(（][^()（）]{2,60}[)）]|(?:(?:本报)?(?:记者|通讯员|实习生)(?:\s+[\u4e00-\u9fff·]{2,4})+\s+)+)?`;
const LEAD = new RegExp(
  String.raw`^(?:${OUTLET}(?<place>${PLACE})??(?:${DAY})?(?<after>${PLACE})??(?:电|讯|消息)|(?<only>${PLACE})(?<month2>\d{1,2})月(?<day2>\d{1,2})日(?:电|讯))${BYLINE}`,
  'u',
);

/** Cuts the lead of an article's first body line; returns the parts found. */
export function readLead(line: Line): { rest: string; lead?: string; outlet?: string; place?: string; month?: number; day?: number; byline?: string } {
  const m = line.text.match(LEAD);
  if (m?.groups) {
    const g = m.groups;
    const month = g.month ?? g.month2;
    const day = g.day ?? g.day2;
    return { rest: line.text.slice(m[0].length).trim(), lead: m[0].trim(), outlet: g.outlet, place: g.place ?? g.after ?? g.only, month: month ? Number(month) : undefined, day: day ? Number(day) : undefined, byline: g.byline };
  }
  const byline = line.text.match(/^(本报记者|记者|通讯员|文\s*[/／]|文图\s*[/／]|文\s*[:：])\s*[\u4e00-\u9fff ·、/／]+$/u);
  if (byline && line.text.length <= 60) return { rest: '', lead: line.text, byline: line.text };
  return { rest: line.text };
}

/** A byline printed at the end of the last paragraph: （记者 史俊杰 钱塘微融圈 糜利萍）. */
const TRAILING_BYLINE = /[(（]\s*((?:本报)?(?:记者|通讯员)[^()（）]{2,60})[)）]\s*$/u;
/** Bare names in parentheses after the last sentence: …阿根廷举行。（张巨峰） — the usual signature of a short news item. */
const TRAILING_NAMES = /(?<=[。！？”])\s*[(（]\s*([\u4e00-\u9fff·]{2,4}(?:[ 、]+[\u4e00-\u9fff·]{2,4}){0,3})\s*[)）]\s*$/u;
/** Words in that slot that are not people: 完, 资料图, 据人民网, 编译 (organisations are left out by isPersonName). */
const NOT_A_SIGNATURE = /(完|图|供|摄|译|编|整理|综合|来源|据|转载|记者|通讯员)/u;
/** A whole line naming the author (《棱镜》作者 周纯, 作者：王磊 李明, 文/张三), which can stand after a summary box. */
const AUTHOR_LINE = /^(?:《[^》]{1,16}》|[\u4e00-\u9fff]{2,12}(?:网|报|社)\s*)?(?:作者|文|撰文)\s*[:：/／]?\s*([\u4e00-\u9fff·]{2,4}(?:[ 、]+[\u4e00-\u9fff·]{2,4}){0,3})$/u;

function readArticle(a: ArticleDraft): ArticleDraft {
  const lines = [...a.lines];
  const removed = [...a.removed];
  const out: ArticleDraft = { ...a, lines, removed, reporters: [...a.reporters], correspondents: [...a.correspondents] };
  for (let i = 0; i < Math.min(2, lines.length); i++) {
    const lead = readLead(lines[i]);
    if (!lead.lead) continue;
    removed.push({ text: lead.lead, reason: 'lead: dateline and byline (kept as outlet, date and reporters)', line: lines[i].n });
    if (lead.byline) {
      const people = parseByline(lead.byline);
      out.reporters.push(...people.reporters);
      out.correspondents.push(...people.correspondents);
    }
    const prior = (out as ArticleDraft & { lead?: typeof lead }).lead;
    (out as ArticleDraft & { lead?: typeof lead }).lead = prior ? { ...lead, byline: lead.byline ?? prior.byline, lead: `${prior.lead} ${lead.lead}` } : lead;
    if (lead.rest) lines[i] = { ...lines[i], text: lead.rest };
    else lines.splice(i, 1);
    // A byline alone on its line (记者 方力) may stand above the dateline (本报杭州1月25日讯): read that too.
    if (!lead.rest && !lead.outlet && !prior) {
      i--;
      continue;
    }
    break;
  }
  if (!out.reporters.length) {
    for (let i = 0; i < Math.min(8, lines.length); i++) {
      const author = lines[i].text.match(AUTHOR_LINE);
      if (!author) continue;
      out.reporters.push(...author[1].split(/[ 、]+/u));
      removed.push({ text: lines[i].text, reason: 'author line (kept as reporters)', line: lines[i].n });
      lines.splice(i, 1);
      break;
    }
  }
  const last = lines[lines.length - 1];
  const signature = !out.reporters.length && !out.correspondents.length ? last?.text.match(TRAILING_NAMES) : null;
  if (last && signature && !NOT_A_SIGNATURE.test(signature[1]) && signature[1].split(/[ 、]+/u).every(isPersonName)) {
    out.reporters.push(...signature[1].split(/[ 、]+/u));
    removed.push({ text: signature[0].trim(), reason: 'signature at the end (kept as reporters)', line: last.n });
    const text = last.text.slice(0, signature.index).trim();
    if (text) lines[lines.length - 1] = { ...last, text };
    else lines.pop();
  }
  const trailing = lines[lines.length - 1]?.text.match(TRAILING_BYLINE);
  if (trailing && !out.reporters.length) {
    const last = lines[lines.length - 1];
    const people = parseByline(trailing[1]);
    out.reporters.push(...people.reporters);
    out.correspondents.push(...people.correspondents);
    removed.push({ text: trailing[0].trim(), reason: 'byline at the end (kept as reporters)', line: last.n });
    const text = last.text.slice(0, trailing.index).trim();
    if (text) lines[lines.length - 1] = { ...last, text };
    else lines.pop();
  }
  // Photo news: the credit at the end of the caption becomes photographers.
  const credit = lines[lines.length - 1]?.text.match(/(?<=[。！？”)）])\s*((?:[\u4e00-\u9fff]{2,4}[ 、]?){1,4})\s*(摄影|摄)[)）]?$/u);
  if (credit) {
    const l = lines[lines.length - 1];
    out.photographers = [...out.photographers, ...splitNames(credit[1])];
    removed.push({ text: credit[0].trim(), reason: 'photo credit (kept as photographers)', line: l.n });
    lines[lines.length - 1] = { ...l, text: l.text.slice(0, credit.index).trim() };
  }
  return out;
}

export const readBylines: Step = (doc) => ({ doc: { ...doc, articles: doc.articles.map(readArticle) }, issues: [] });
