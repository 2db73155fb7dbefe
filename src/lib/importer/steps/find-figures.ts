/**
 * Step: stated amounts (亿元, 万元, %, 家 …) with a label from the clause before them, decimal-exact:
 * the value is the digits as printed, never parsed into a float.
 */
import type { ArticleDraft, Figure, Step } from '../types.ts';

// Longest first, so 万平方米 wins over 万 and 个方面 over 个.
const UNITS = ['万平方米', '平方公里', '个方面', '万余字', '亿元', '万元', '万人', '万条', '万字', '人次', '家次', '公里', '平方米', '元', '%', '家', '个', '件', '项', '条', '篇', '名', '次', '位', '所', '页', '年', '亿', '万'];
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(余|多)?(${UNITS.map((u) => u.replace('%', '%')).join('|')})`, 'gu');

/** Figures in one text, with labels from the clause they stand in; years (2022年) and dates are not figures. */
export function findFiguresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index ?? 0;
    const before = text.slice(Math.max(0, start - 40), start);
    const clause = before.split(/[，。；：、！？\n“”]/u).pop() ?? '';
    let label = clause.replace(/^(其中|共|累计|已|达到了?|达|为|实现|超过|超|近|约)/u, '').replace(/(达到了?|达|为|实现|超过|超|近|约|共|累计|有)$/u, '').trim();
    const end = start + m[0].length;
    // 220万平方米创新平台: when nothing names the number before it, the noun after it does.
    if (label.length < 2) label = (text.slice(end, end + 20).split(/[，。；：、！？\n“”（(]/u)[0] ?? '').trim();
    // A year (2022年) or a date is not a figure; neither is a number inside a longer one.
    if (m[3] === '年' && /^(19|20)\d{2}$/u.test(m[1])) continue;
    if (/^[月日号]/u.test(text.slice(end, end + 1)) || /[\d.]$/u.test(text.slice(0, start))) continue;
    if (label.length < 2) continue;
    out.push({ label, value: m[1], unit: (m[2] ?? '') + m[3] });
  }
  return out;
}

export const findFigures: Step = (doc) => ({
  doc: { ...doc, articles: doc.articles.map((a: ArticleDraft) => ({ ...a, figures: findFiguresIn(a.lines.map((l) => l.text).join('\n')) })) },
  issues: [],
});
