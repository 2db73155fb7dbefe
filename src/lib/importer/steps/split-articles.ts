/**
 * Step: one document → articles. A newspaper page is split at article anchors (本报讯, 本报记者,
 * datelines such as 杭州4月1日电, bylines, photo captions ending in 摄); the short lines just before
 * an anchor are its headline. A headline printed after its body (as on some pages) is given back to
 * the article whose words it shares.
 */
import type { ArticleDraft, Line, Step } from '../types.ts';

/** Sentence end: 。！？… possibly inside a closing quote (“…。”), not a headline ending in a quoted name (“四梁八柱”). */
export const SENTENCE_END = /[。！？!?…；;]['”’」』)）]?$/u;
const BYLINE = /^[(（]?\s*(本报)?(记者|通讯员|特约记者|实习记者)\s*[\u4e00-\u9fff]{2,4}/u;

/** True for a line that opens an article: 本报讯, a dateline (…4月1日电), or a staff byline. */
export function isAnchor(text: string): boolean {
  return (
    /^(本报讯|本报记者|本刊讯|本网讯)/u.test(text) ||
    /^[\u4e00-\u9fff]{0,12}?\d{1,2}月\d{1,2}日(电|讯)/u.test(text) ||
    (BYLINE.test(text) && text.length <= 40)
  );
}

/** A line that is a staff byline and nothing else (记者 方力, （本报记者 王磊 通讯员 李四）). */
function isBylineLine(text: string): boolean {
  return BYLINE.test(text) && text.length <= 40 && !/[。，！？]/u.test(text);
}

/** A photo caption that ends with the photographers' credit (…效应。罗鸣 范文杰 摄). */
export const PHOTO_CREDIT = /[。！？”)）]\s*((?:[\u4e00-\u9fff]{2,4}[ 、]?){1,4})\s*(?:摄|摄影)[)）]?$/u;

/** True for a short line that can be a headline: no sentence-ending punctuation, not a byline. */
export function isHeadlineLike(line: Line): boolean {
  const t = line.text;
  if (line.kind === 'heading') return true;
  if (isAnchor(t)) return false;
  if (/^——/u.test(t)) return t.length <= 60;
  return t.length <= 60 && !SENTENCE_END.test(t) && !/[。；]/u.test(t) && !/[，、：]$/u.test(t);
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\u4e00-\u9fff]/gu, '')];
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i] + chars[i + 1]);
  return set;
}

/** Share of a headline's character bigrams that occur in a body: how much the headline is "about" it. */
export function overlap(headline: string, body: string): number {
  const h = bigrams(headline);
  if (!h.size) return 0;
  const b = bigrams(body);
  let hit = 0;
  for (const g of h) if (b.has(g)) hit++;
  return hit / h.size;
}

function emptyArticle(headline: Line[], lines: Line[]): ArticleDraft {
  return { lines, headline, removed: [], issues: [], reporters: [], correspondents: [], editors: [], photographers: [], keywords: [], bodies: [], regions: [], topics: [], figures: [] };
}

interface Segment {
  headline: Line[];
  body: Line[];
}

/** Headline run directly before index `i` (stops at the previous body line or `floor`). */
function headlineBefore(lines: Line[], i: number, floor: number): number {
  let start = i;
  while (start - 1 >= floor && isHeadlineLike(lines[start - 1]) && i - start < 4) start--;
  return start;
}

/** Splits the lines at anchors; returns one segment per article. */
export function segmentArticles(lines: Line[]): Segment[] {
  const anchors: number[] = [];
  lines.forEach((line, i) => {
    const photo = PHOTO_CREDIT.test(line.text) && line.text.length <= 260 && i > 0 && isHeadlineLike(lines[i - 1]);
    if (isAnchor(line.text) || photo) anchors.push(i);
  });
  // A byline on its own line directly above a dateline (记者 方力 / 本报杭州1月25日讯) opens one article, not two.
  for (let k = anchors.length - 1; k > 0; k--) {
    if (anchors[k] === anchors[k - 1] + 1 && isBylineLine(lines[anchors[k - 1]].text)) anchors.splice(k, 1);
  }
  if (anchors.length <= 1) return [{ headline: [], body: lines }];
  const starts = anchors.map((a, k) => headlineBefore(lines, a, k === 0 ? 0 : anchors[k - 1] + 1));
  const segments: Segment[] = anchors.map((a, k) => ({
    headline: lines.slice(starts[k], a),
    body: lines.slice(a, k + 1 < anchors.length ? starts[k + 1] : lines.length),
  }));
  // Lines before the first headline belong to the first article's head.
  if (starts[0] > 0) segments[0].headline = [...lines.slice(0, starts[0]), ...segments[0].headline];
  reassignTrailingHeadlines(segments);
  return segments;
}

/** An article without a headline takes the leading lines of the next headline block that share its words. */
function reassignTrailingHeadlines(segments: Segment[]): void {
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k];
    if (seg.headline.length) continue;
    const next = segments[k + 1];
    const bodyText = seg.body.map((l) => l.text).join('');
    if (!next) {
      // Last article: a trailing short line at the very end is its headline.
      const last = seg.body[seg.body.length - 1];
      if (last && isHeadlineLike(last) && seg.body.length > 1) seg.headline = [seg.body.pop() as Line];
      continue;
    }
    const nextBody = next.body.map((l) => l.text).join('');
    let best = 0;
    let bestScore = 0;
    for (let cut = 1; cut < next.headline.length; cut++) {
      const mine = next.headline.slice(0, cut).map((l) => l.text).join('');
      const theirs = next.headline.slice(cut).map((l) => l.text).join('');
      const score = overlap(mine, bodyText) - overlap(mine, nextBody) + overlap(theirs, nextBody) - overlap(theirs, bodyText);
      if (score > bestScore) {
        best = cut;
        bestScore = score;
      }
    }
    if (best) {
      seg.headline = next.headline.slice(0, best);
      next.headline = next.headline.slice(best);
    }
  }
}

export const splitArticles: Step = (doc) => {
  const segments = segmentArticles(doc.lines);
  const articles = segments.map((s, i) => {
    const a = emptyArticle(s.headline, s.body);
    if (segments.length > 1) a.part = `article ${i + 1} of ${segments.length}`;
    return a;
  });
  return { doc: { ...doc, articles }, issues: [] };
};
