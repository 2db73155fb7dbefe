/**
 * Step: stated amounts (亿元, 万元, %, 家 …) with a label from the clause before them, decimal-exact:
 * the value is the digits as printed, never parsed into a float.
 */
import type { ArticleDraft, Figure, Step } from '../types.ts';

// Longest first, so 万平方米 wins over 万 and 个方面 over 个.
const UNITS = ['万平方米', '平方公里', '个方面', '万余字', '亿元', '万元', '万人', '万条', '万字', '人次', '家次', '公里', '平方米', '元', '%', '家', '个', '件', '项', '条', '篇', '名', '次', '位', '所', '页', '年', '亿', '万'];
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(余|多)?(${UNITS.map((u) => u.replace('%', '%')).join('|')})`, 'gu');

// A clause that stops on these did not name the thing counted: 关于产业的 [60件] 提案, 创建中策橡胶等 [6家] 国家级博士后工作站.
const OPEN_END = /(的|了|已|有|采购|完成|促成|建立|创建|形成|提交|收集|拥有|集聚|落实|等)$/u;
// 浙江解纷码等 [7个] 省市系统: examples before a count; the counted noun names it when it says enough.
const EXAMPLES_END = /等$/u;
const LIST_END = /(和|与|及)$/u;

/**
 * The label of a figure from the clause before it and the words after it: the clause when it names
 * the thing; clause + noun when the clause stops open (关于产业的 + 提案, 创建中策橡胶等 + 国家级博士后工作站);
 * the noun alone when the clause ends a list or holds another number (60公里生态海岸线和 [77平方公里] 江海湿地).
 */
export function improveLabel(clause: string, after: string): string {
  const before = clause.replace(/^(目前|现已|至今|在|并|我们|我)/u, '');
  const noun = after.split(/\d/u)[0].split('了')[0].replace(/[和与及等中]+$/u, '').slice(0, 16).trim();
  if (before.length < 2 || LIST_END.test(before) || /\d/u.test(before)) return noun.length >= 2 ? noun : before;
  if (EXAMPLES_END.test(before) && noun.length >= 3) return noun;
  if (OPEN_END.test(before) && noun.length >= 2) return (before + noun).replace(/[中]$/u, '');
  return before;
}

/** Figures in one text, with labels from the clause they stand in; years (2022年) and dates are not figures. */
export function findFiguresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index ?? 0;
    const before = text.slice(Math.max(0, start - 40), start);
    const clause = before.split(/[，。；：、！？\n“”]/u).pop() ?? '';
    let label = clause.replace(/^(其中|共|累计|已|达到了?|达|为|实现|超过|超|近|约)/u, '').replace(/(达到了?|达|为|实现|超过|超|近|约|共|累计|有)$/u, '').trim();
    const end = start + m[0].length;
    label = improveLabel(label, (text.slice(end, end + 20).split(/[，。；：、！？\n“”（(…]/u)[0] ?? '').trim());
    // A year (2022年) or a date is not a figure; neither is a number inside a longer one.
    if (m[3] === '年' && /^(19|20)\d{2}$/u.test(m[1])) continue;
    if (/^[月日号]/u.test(text.slice(end, end + 1)) || /[\d.]$/u.test(text.slice(0, start))) continue;
    // 年产值10亿元以上企业: an amount that sizes a noun is a threshold, not a stated figure.
    if (/元$/u.test(m[3]) && /^(以上|以下)[\u4e00-\u9fff]/u.test(text.slice(end, end + 3))) continue;
    if (label.length < 2) continue;
    out.push({ label, value: m[1], unit: (m[2] ?? '') + m[3] });
  }
  return out;
}

export const findFigures: Step = (doc) => ({
  doc: { ...doc, articles: doc.articles.map((a: ArticleDraft) => ({ ...a, figures: findFiguresIn(a.lines.map((l) => l.text).join('\n')) })) },
  issues: [],
});
