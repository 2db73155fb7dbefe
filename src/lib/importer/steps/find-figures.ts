/**
 * Step: stated amounts (亿元, 万元, %, 家 …) with a label from the clause before them, decimal-exact:
 * the value is the digits as printed, never parsed into a float.
 */
import type { ArticleDraft, Figure, Step } from '../types.ts';

const UNITS = ['亿元', '万元', '元', '%', '万人', '人次', '家次', '家', '个', '件', '项', '条', '篇', '名', '平方公里', '公里', '万平方米', '平方米', '亿', '万'];
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(余|多)?(${UNITS.map((u) => u.replace('%', '%')).join('|')})`, 'gu');

/** Figures in one text, with labels from the clause they stand in; years (2022年) and dates are not figures. */
export function findFiguresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index ?? 0;
    const before = text.slice(Math.max(0, start - 40), start);
    const clause = before.split(/[，。；：、！？\n“”]/u).pop() ?? '';
    const label = clause.replace(/^(其中|共|累计|已|达到了?|达|为|实现|超|近|约|超过)/u, '').replace(/(达到了?|达|为|实现|超过|超|近|约|共|累计|有)$/u, '').trim();
    if (label.length < 2) continue;
    if (/^\d/u.test(text.slice(start - 1, start))) continue;
    out.push({ label, value: m[1], unit: (m[2] ?? '') + m[3] });
  }
  return out;
}

export const findFigures: Step = (doc) => ({
  doc: { ...doc, articles: doc.articles.map((a: ArticleDraft) => ({ ...a, figures: findFiguresIn(a.lines.map((l) => l.text).join('\n')) })) },
  issues: [],
});
