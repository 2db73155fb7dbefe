/**
 * Step: per article, title and subtitle from the headline block (or page metadata), captions and
 * broken lines in the body, outlet (read-outlet.ts) and kind. Dates are read-date.ts.
 */
import { sameHeadline } from '../site-title.ts';
import { outletEntryFix } from '../outlet-entry.ts';
import { isPersonName } from '../names.ts';
import { findOutlet, statedOutlet } from './read-outlet.ts';
import { findBodies } from './find-bodies.ts';
import { isAnchor, overlap } from './split-articles.ts';
import type { ArticleDraft, ImportDoc, Line, Step } from '../types.ts';

const TERMINAL = /[。！？!?…；;：:]['”’」』)）]?$/u;

/** Joins a paragraph the scraper broke mid-sentence (`…参加例会等方式，` + `监督小组…`). */
export function joinBrokenLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    // An open quote (“…引领 / 力不强。”) is a sentence the scraper cut, not a caption.
    const openQuote = prev && (prev.text.match(/“/gu) ?? []).length > (prev.text.match(/”/gu) ?? []).length;
    const broken = prev && !TERMINAL.test(prev.text) && (/[，、,]$/u.test(prev.text) || prev.text.length >= 60 || openQuote);
    if (prev && broken && prev.kind === 'para' && line.kind === 'para' && !/^[#>]/u.test(prev.text) && !/^[#>]/u.test(line.text)) {
      out[out.length - 1] = { ...prev, text: prev.text + line.text };
    } else out.push(line);
  }
  return out;
}

/** Short lines without sentence punctuation inside a body are image captions or section headings. */
export function markCaptions(lines: Line[]): Line[] {
  return lines.map((line) => {
    if (line.kind !== 'para') return line;
    const t = line.text;
    const md = t.match(/^(#{1,6})\s+(.+)$/u);
    if (md) return { ...line, text: md[2], kind: 'heading' };
    if (t.length <= 60 && !TERMINAL.test(t) && !/[。；]/u.test(t) && !/[，,、]$/u.test(t)) {
      // 全域创新 构建现代产业体系: two short phrases side by side are a section heading, longer lines captions.
      if (/^[\u4e00-\u9fff“”‘’]{2,10} [\u4e00-\u9fff“”‘’]{2,12}$/u.test(t) || /^[一二三四五六七八九十]+、[^，。]{2,24}$/u.test(t)) return { ...line, kind: 'heading' };
      return { ...line, kind: 'caption' };
    }
    return line;
  });
}

/** A line that is surely article text: long, with sentence punctuation, or an opening dateline. */
function isBodyLine(text: string): boolean {
  return (text.length >= 30 && /[。！？，,；]/u.test(text)) || isAnchor(text);
}

/**
 * True for a line at the top of a copied page that is site chrome, never a headline: a column path
 * (长者专版/海淀要闻), a Latin-only link (English), a site name (…网, …政协网), a date, a line in
 * brackets, or a line the page prints twice (a logo text).
 */
export function isHeadChrome(text: string, all: readonly string[]): boolean {
  if (!/[\u4e00-\u9fff]{4}/u.test(text)) return true;
  if (/^[^\s/／|｜>]{1,10}([/／|｜>][^\s/／|｜>]{1,10})+$/u.test(text)) return true;
  if ([...text].length <= 10 && /(网|網|报|報|站|台|频道|首页|门户)$/u.test(text)) return true;
  if (/^[(（\[【].*[)）\]】]$/u.test(text)) return true;
  if (/^[\d\s年月日:：\-/.〇零一二三四五六七八九十0]+$/u.test(text)) return true;
  return all.filter((t) => t === text).length > 1;
}

/**
 * The headline of a copied text page: among the short lines above the first paragraph, the one a
 * reader sees as the headline. Chrome lines are skipped; the candidate that shares most words with
 * the text wins (a headline is about its article, a navigation label is not). Returns its index, or
 * -1 when the page has no headline above its text.
 */
export function findTextHeadline(lines: readonly Line[]): number {
  const bodyAt = lines.findIndex((l) => isBodyLine(l.text));
  const head = lines.slice(0, bodyAt < 0 ? Math.min(lines.length, 8) : bodyAt);
  const texts = lines.map((l) => l.text);
  const body = lines.slice(head.length).map((l) => l.text).join('');
  let best = -1;
  let bestScore = 0;
  head.forEach((line, i) => {
    const t = line.text.replace(/^#+\s*/u, '');
    if (t.length < 5 || t.length > 80 || TERMINAL.test(t) || /[。；]/u.test(t) || isHeadChrome(t, texts)) return;
    if (/^(原标题|来源|作者|日期|时间|发布)/u.test(t)) return;
    const score = body ? overlap(t, body) : 1;
    if (score >= 0.25 && score >= bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Title and subtitle from a headline block: `——` lines are subtitles; with three lines the first is the kicker (引题). */
export function pickTitle(headline: string[]): { title?: string; subtitle?: string; kicker?: string } {
  const lines = headline.map((l) => l.replace(/^#+\s*/u, '').trim()).filter(Boolean);
  if (!lines.length) return {};
  const dash = lines.findIndex((l) => /^——/u.test(l));
  if (dash > 0) return { title: lines[dash - 1], subtitle: lines[dash].replace(/^——\s*/u, ''), kicker: dash > 1 ? lines[dash - 2] : undefined };
  if (lines.length >= 3) return { kicker: lines[lines.length - 3], title: lines[lines.length - 2], subtitle: lines[lines.length - 1] };
  if (lines.length === 2) return { title: lines[0], subtitle: lines[1] };
  return { title: lines[0] };
}

/** Kind of report from its shape: photo caption, speech, feature (subheadings, 小记), brief, else news. */
export function guessKind(a: ArticleDraft, title: string): ArticleDraft['kind'] {
  const body = a.lines.map((l) => l.text).join('');
  if (a.photographers.length && body.length <= 300) return { value: 'photo', from: 'caption with photo credit (摄)', confidence: 'high' };
  if (/(发言|讲话|致辞|演讲|报告)$/u.test(title) || /^在.{2,40}(上|中)的(发言|讲话|致辞)/u.test(title)) return { value: 'speech', from: `title “${title}”`, confidence: 'high' };
  if (/(小记|纪实|侧记|速写|记事|特写|调查)$/u.test(a.subtitle ?? '') || (a.lines.some((l) => l.kind === 'heading') && body.length > 1500) || (!a.reporters.length && body.length > 2500 && !(a as { lead?: unknown }).lead)) {
    return { value: 'feature', from: a.subtitle ? `subtitle “${a.subtitle}”` : 'long text with section headings', confidence: 'medium' };
  }
  if (body.length < 300) return { value: 'brief', from: `short text (${body.length} characters)`, confidence: 'medium' };
  return { value: 'news', from: 'default for a dated report with a lead', confidence: 'medium' };
}

function readArticle(doc: ImportDoc, a: ArticleDraft, index: number): ArticleDraft {
  const out: ArticleDraft = { ...a, removed: [...a.removed], issues: [...a.issues] };
  let lines = a.lines;
  const picked = pickTitle(a.headline.map((l) => l.text));
  let title = picked.title;
  if (picked.kicker) {
    out.issues.push({ code: 'kicker', field: 'subtitle', message: `Kicker (引题) “${picked.kicker}” kept in notes, not in the title.` });
    const line = a.headline.find((l) => l.text === picked.kicker);
    out.removed.push({ text: picked.kicker, reason: 'kicker (引题) above the title (kept in notes)', line: line?.n });
  }
  // A single article's title may be the first line of the body, or come from page metadata.
  if (!title && doc.articles.length === 1 && doc.format === 'text' && !doc.meta.title) {
    // A copied page: the headline may sit below the site name and navigation; what is above it is chrome.
    const at = findTextHeadline(lines);
    if (at >= 0) {
      for (const l of lines.slice(0, at)) out.removed.push({ text: l.text, reason: 'page chrome above the headline (site name, navigation)', line: l.n });
      title = lines[at].text.replace(/^#+\s*/u, '');
      out.headline = [lines[at]];
      lines = lines.slice(at + 1);
    }
  } else if (!title && doc.articles.length === 1) {
    const first = lines[0];
    const short = first && (first.kind === 'heading' || /^#\s/u.test(first.text) || (first.text.length <= 60 && !TERMINAL.test(first.text)));
    // On a web page the article's own heading is the headline as printed; the page title often adds
    // the place or the site (「湖州市南浔区政协：…_湖州新闻网」 over an <h1> 「南浔区政协：…」).
    const pageHeading = doc.format === 'html' && first?.kind === 'heading' && (!doc.meta.title || sameHeadline(first.text, doc.meta.title));
    if (pageHeading) {
      title = first.text;
      out.headline = [first];
      lines = lines.slice(1);
    } else if (doc.meta.title && (doc.format === 'html' || !short)) title = doc.meta.title;
    else if (short) {
      title = first.text.replace(/^#+\s*/u, '');
      out.headline = [first];
      lines = lines.slice(1);
    }
    title ??= doc.meta.title;
    // HTML pages often repeat the headline as the first block: drop it once, with a record.
    if (title && lines[0] && lines[0].text.replace(/\s/gu, '') === title.replace(/\s/gu, '')) {
      out.removed.push({ text: lines[0].text, reason: 'headline repeated in the page body', line: lines[0].n });
      lines = lines.slice(1);
    }
  }
  if (title && doc.meta.title && doc.articles.length === 1 && lines[0]?.text.startsWith(doc.meta.title + ' ')) {
    out.removed.push({ text: doc.meta.title, reason: 'title repeated at the start of the body', line: lines[0].n });
    lines[0] = { ...lines[0], text: lines[0].text.slice(doc.meta.title.length).trim() };
  }
  lines = markCaptions(joinBrokenLines(lines));
  out.title = title?.replace(/^#+\s*/u, '');
  out.subtitle = picked.subtitle;
  out.lines = lines;
  if (!out.title) out.issues.push({ code: 'title-missing', field: 'title', message: `article ${index + 1}: no headline found. Fix: write the title by hand.` });
  out.outlet = findOutlet(doc, out);
  const stated = out.outlet ? undefined : statedOutlet(doc, out);
  if (stated) {
    out.statedOutlet = { value: stated.name, from: stated.from, confidence: stated.confidence };
    const fix = outletEntryFix(stated.name, doc.registry);
    out.issues.push({ code: 'outlet-unknown', field: 'outlet', message: `outlet: ${fix.message}`, outletEntry: fix.entry });
  }
  out.kind = guessKind(out, out.title ?? '');
  out.bodies = findBodies([out.title ?? '', ...lines.map((l) => l.text)].join('\n'));
  out.editors = [...new Set([...out.editors, ...doc.page.editors])];
  out.keywords = [...new Set([...out.keywords, ...doc.page.keywords, ...(doc.meta.keywords ?? [])])];
  // Captions credit photographers in parentheses: 专题协商会现场（记者 王晓燕 摄）.
  const credited = lines.filter((l) => l.kind === 'caption').flatMap((l) => [...l.text.matchAll(/[(（](?:本报)?(?:记者|通讯员)?\s*((?:[\u4e00-\u9fff]{2,4}\s*)+?)\s*摄[)）]/gu)].flatMap((m) => m[1].trim().split(/\s+/u)));
  out.photographers = [...new Set([...out.photographers, ...credited, ...doc.page.photographers])];
  // What the page shows (under the headline, in a 作者 line) beats metadata; metadata authors are
  // often placeholders (`name, email@gmail.com`) or the site itself (网易): only personal names count.
  const authors = [doc.meta.shownAuthors, doc.page.authors, doc.meta.authors].map((list) => (list ?? []).filter(isPersonName)).find((list) => list.length);
  if (!out.reporters.length && authors?.length && doc.articles.length === 1) out.reporters = [...authors];
  return out;
}

export const readFields: Step = (doc) => ({ doc: { ...doc, articles: doc.articles.map((a, i) => readArticle(doc, a, i)) }, issues: [] });
