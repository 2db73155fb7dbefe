/**
 * HTML → lines + page metadata. Metadata comes from the page itself (<title>, meta tags, JSON-LD,
 * <time datetime>); the main content from @mozilla/readability over a linkedom document, or from
 * each <article> when a page holds several. Blocks outside the main content are reported, not lost.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DATE_TIME, isoOfMatch } from '../dates/date-in-text.ts';
import { depthProblem, type TreeElement } from './limits.ts';
import { compact, siteNameFromTitle, stripSiteSuffix } from './site-title.ts';
import type { Line, PageMeta, Removed } from './types.ts';

type El = { tagName: string; textContent: string | null; getAttribute(n: string): string | null; querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El>; children: ArrayLike<El>; closest?(s: string): El | null };

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,figcaption,blockquote,pre,td,dd,dt,caption';

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/gu, ' ').trim();
}

function meta(document: { querySelector(s: string): El | null }, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = clean(el?.getAttribute('content'));
    if (v) return v;
  }
  return undefined;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: unknown;
  publisher?: unknown;
  keywords?: unknown;
  url?: string;
}

function nameOf(value: unknown): string[] {
  if (!value) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(nameOf);
  if (typeof value === 'object' && 'name' in value && typeof value.name === 'string') return [value.name];
  return [];
}

/** NewsArticle-like objects in the page's JSON-LD (top level, arrays and @graph). */
export function readJsonLd(scripts: readonly string[]): JsonLdArticle[] {
  const out: JsonLdArticle[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const type = ([] as unknown[]).concat(record['@type'] ?? []).map(String);
    if (type.some((t) => /Article|NewsArticle|Report|BlogPosting/.test(t))) out.push(record as JsonLdArticle);
    if (record['@graph']) visit(record['@graph']);
  };
  for (const script of scripts) {
    try {
      visit(JSON.parse(script));
    } catch {
      // A broken JSON-LD block is ignored; other metadata still applies.
    }
  }
  return out;
}

/** Texts of the page's headings and title-classed elements, the candidates for the visible headline. */
function headingTexts(document: { querySelectorAll(s: string): ArrayLike<El> }): string[] {
  return Array.from(document.querySelectorAll('h1,h2,h3,h4,[class*="title"],[id*="title"],[class*="headline"]'))
    .map((el) => clean(el.textContent))
    .filter((t) => t.length >= 6 && t.length <= 120);
}

/**
 * The headline a reader sees, cross-checked with the page title: the longest visible heading that
 * the <title> (or og:title) contains. Titles add site, channel and place names in every shape
 * (`_首页武汉_新闻中心_长江网_cjn.cn`, ` - 生活 - 自由時報電子報`); a heading that the title repeats
 * is the part that is the headline, whatever the separators. Undefined when no heading is in it.
 */
export function visibleHeadline(pageTitle: string | undefined, headings: readonly string[]): string | undefined {
  const title = compact(pageTitle ?? '');
  if (!title) return undefined;
  return headings.filter((h) => title.includes(compact(h))).sort((a, b) => compact(b).length - compact(a).length)[0];
}

/** The page's own statements about itself; JSON-LD first, then meta tags, then <time>, then <title>. */
export function readPageMeta(document: { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> }): PageMeta {
  const ld = readJsonLd(Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? ''))[0];
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const siteName = meta(document, 'og:site_name', 'application-name') ?? nameOf(ld?.publisher)[0];
  const date = ld?.datePublished ?? meta(document, 'article:published_time', 'pubdate', 'publishdate', 'PubDate', 'datePublished') ?? time;
  const dateFrom = ld?.datePublished ? 'JSON-LD datePublished' : meta(document, 'article:published_time', 'pubdate', 'publishdate', 'PubDate', 'datePublished') ? 'meta published_time' : time ? '<time datetime>' : undefined;
  const keywords = ld?.keywords ?? meta(document, 'keywords', 'news_keywords');
  const pageTitle = meta(document, 'og:title', 'twitter:title') || clean(document.querySelector('title')?.textContent);
  return {
    // og:title and <title> usually end in the site or channel name: the visible headline they
    // repeat is the headline; without one, the title's site and channel segments are cut.
    title: clean(ld?.headline) || visibleHeadline(pageTitle, headingTexts(document)) || stripSiteSuffix(pageTitle || '', siteName) || undefined,
    siteName: siteName ?? siteNameFromTitle(pageTitle),
    date,
    dateFrom,
    authors: nameOf(ld?.author).length ? nameOf(ld?.author) : meta(document, 'author', 'article:author')?.split(/[,，、\s]+/u).filter(Boolean),
    // ContentSource is what TRS, the CMS of many government portals, writes for 来源.
    outlet: meta(document, 'source', 'article:publisher_name', 'ContentSource', 'contentsource'),
    url: ld?.url ?? meta(document, 'og:url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
    keywords: typeof keywords === 'string' ? keywords.split(/[,，、;；\s]+/u).filter(Boolean) : Array.isArray(keywords) ? keywords.map(String) : undefined,
  };
}

/** Block texts of an element, in document order, as lines (headings and captions marked). */
function blocksOf(root: El, startN: number): Line[] {
  const lines: Line[] = [];
  let n = startN;
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    // Skip blocks nested in another block we already emit (li > p, blockquote > p).
    const inner = el.querySelectorAll(BLOCKS);
    if (inner.length && el.tagName !== 'LI' && el.tagName !== 'TD') continue;
    const text = clean(el.textContent);
    if (!text) continue;
    const tag = el.tagName.toLowerCase();
    const kind = /^h[1-6]$/.test(tag) ? 'heading' : tag === 'figcaption' || tag === 'caption' ? 'caption' : 'para';
    lines.push({ text, n: n++, kind });
  }
  return lines;
}

type Node = { nodeType: number; nodeValue?: string | null; tagName?: string; childNodes?: ArrayLike<Node>; getAttribute?(n: string): string | null };

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'IFRAME', 'SVG', 'BUTTON', 'TEXTAREA']);
const INLINE = new Set(['A', 'SPAN', 'B', 'STRONG', 'EM', 'I', 'U', 'FONT', 'SMALL', 'BIG', 'SUB', 'SUP', 'LABEL', 'ABBR', 'TIME', 'MARK', 'CITE', 'Q', 'S', 'IMG']);

/** True for an element a reader cannot see (hidden, display:none, zero size): its text is never the page's statement. */
function invisible(el: Node): boolean {
  if (el.getAttribute?.('hidden') !== null && el.getAttribute?.('hidden') !== undefined) return true;
  if (el.getAttribute?.('aria-hidden') === 'true') return true;
  const style = (el.getAttribute?.('style') ?? '').replace(/\s/gu, '').toLowerCase();
  return /display:none|visibility:hidden|font-size:0(?![.\d])|(?:^|;)(?:width|height):0(?:px)?(?:;|$)/u.test(style);
}

/**
 * The page's visible text in document order, one run per block (inline elements run together as a
 * reader sees them: `金融市场 棱镜 2019-09-23 07:48`). Iterative, so a deeply nested page cannot
 * overflow the stack.
 */
export function visibleRuns(root: Node): string[] {
  const runs: string[] = [];
  let current = '';
  const flush = () => {
    const text = clean(current);
    if (text) runs.push(text);
    current = '';
  };
  const stack: (Node | 'flush')[] = [root];
  while (stack.length) {
    const node = stack.pop() as Node | 'flush';
    if (node === 'flush') {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node.tagName ?? '').toUpperCase();
    if (SKIPPED.has(tag) || invisible(node)) continue;
    if (tag === 'BR') {
      flush();
      continue;
    }
    const block = !INLINE.has(tag);
    if (block) stack.push('flush');
    const children = Array.from(node.childNodes ?? []);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    if (block) stack.push('flush');
  }
  flush();
  return runs;
}


/** What the lines around the headline state: publication date, 来源 and 作者, as a reader sees them. */
export interface HeadZone {
  date?: string;
  dateLine?: string;
  source?: string;
  sourceLine?: string;
  authors?: string[];
  /** The runs read, to record as removed chrome. */
  lines: string[];
}

/**
 * Reads the few lines between the visible headline and the article text (and one line above the
 * headline): where pages print 发布时间, 来源 and 作者. A date shown there is the page's own
 * statement, which beats metadata that is often the last-update time; a page clock (…星期三…)
 * and 更新/修改 times are not publication dates.
 */
export function readHeadZone(runs: readonly string[], headline: string | undefined, firstBody: string | undefined): HeadZone {
  const h = headline ? compact(headline) : '';
  const start = h ? runs.findIndex((r) => compact(r) === h || (compact(r).includes(h) && r.length <= h.length + 12)) : -1;
  if (start < 0) return { lines: [] };
  const bodyStart = firstBody ? compact(firstBody).slice(0, 24) : '';
  const zone: string[] = [];
  for (let i = Math.max(0, start - 1); i < Math.min(runs.length, start + 14); i++) {
    if (i === start) continue;
    if (i > start && bodyStart && compact(runs[i]).startsWith(bodyStart)) break;
    zone.push(runs[i]);
  }
  const out: HeadZone = { lines: [] };
  zone.forEach((run, k) => {
    if (run.length > 120) return;
    const date = run.match(DATE_TIME);
    const clock = /星期|周[一二三四五六日天]|农历|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年/u.test(run) && !date?.[4];
    const update = /(更新|修改|最后)\S{0,4}\s*[:：]?\s*$/u.test(run.slice(0, date?.index ?? 0));
    if (date && !clock && !update && !out.date && (date[4] || /(发布|发表|时间|日期|来源)/u.test(run) || run.length <= 24)) {
      out.date = isoOfMatch(date);
      out.dateLine = run;
      out.lines.push(run);
    }
    const source = run.match(/(?:来源|來源|稿源|出处|信息来源)\s*[:：]\s*([^\s|｜]*)/u);
    if (source && !out.source) {
      const value = source[1] || (zone[k + 1] && zone[k + 1].length <= 30 ? zone[k + 1] : '');
      if (value) {
        out.source = value;
        out.sourceLine = run;
        if (!out.lines.includes(run)) out.lines.push(run);
      }
    }
    const author = run.match(/(?:作者|记者|文)\s*[:：/／]\s*((?:[\u4e00-\u9fff·]{2,4}[ 、,，]?){1,4})/u);
    if (author && !out.authors) {
      out.authors = author[1].split(/[ 、,，]+/u).filter(Boolean);
      if (!out.lines.includes(run)) out.lines.push(run);
    }
  });
  return out;
}

export interface HtmlExtract {
  meta: PageMeta;
  /** One list of lines per article found (several <article> elements make several). */
  parts: { lines: Line[]; meta: PageMeta }[];
  removed: Removed[];
  /** Every block text of the page, for coverage accounting. */
  allBlocks: string[];
  /** Why the page cannot be imported at all (nested beyond the limits), with its Fix. */
  problem?: string;
}

const CONTAINERS = 'nav,div,section,aside,header,footer,figure,span,td';

/** Text of containers that hold text but no block elements (nav links, share bars): chrome that readability drops. */
function looseTexts(root: El): string[] {
  return Array.from(root.querySelectorAll(CONTAINERS))
    .filter((el) => !el.querySelectorAll(`${BLOCKS},${CONTAINERS}`).length)
    .map((el) => clean(el.textContent))
    .filter(Boolean);
}

/** Extracts main content and metadata from an HTML page. */
export function extractHtml(html: string): HtmlExtract {
  const { document } = parseHTML(html);
  // Readability and the block walk recurse per level: refuse a page nested deeper than any news page.
  const tooDeep = depthProblem(document.documentElement as unknown as TreeElement);
  if (tooDeep) return { meta: {}, parts: [], allBlocks: [], removed: [], problem: tooDeep };
  const pageMeta = readPageMeta(document as never);
  const body = document.body as unknown as El;
  const allBlocks = body ? [...blocksOf(body, 1).map((l) => l.text), ...looseTexts(body)] : [];
  const articles = Array.from((document as unknown as El).querySelectorAll('article')).filter((a) => !a.closest?.('article article'));
  const parts: HtmlExtract['parts'] = [];
  if (articles.length > 1) {
    const ld = readJsonLd(Array.from((document as unknown as El).querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? ''));
    let n = 1;
    articles.forEach((article, i) => {
      const lines = blocksOf(article, n);
      n += lines.length;
      const t = article.querySelector?.('time[datetime]')?.getAttribute('datetime') ?? ld[i]?.datePublished;
      parts.push({ lines, meta: { title: clean(ld[i]?.headline) || undefined, date: t ?? undefined, dateFrom: t ? (ld[i]?.datePublished ? 'JSON-LD datePublished' : '<time datetime>') : undefined } });
    });
  } else {
    const reader = new Readability(parseHTML(html).document as never, { charThreshold: 50, keepClasses: false });
    const result = reader.parse();
    let lines: Line[] = [];
    if (result?.content) {
      const { document: content } = parseHTML(`<!doctype html><html><body>${result.content}</body></html>`);
      lines = blocksOf(content.body as unknown as El, 1);
    }
    if (!lines.length && body) lines = blocksOf(body, 1);
    parts.push({ lines, meta: {} });
  }
  if (parts.length === 1 && body) {
    // The lines around the visible headline state date, 来源 and 作者 (readability drops them).
    const zone = readHeadZone(visibleRuns(body as unknown as Node), pageMeta.title, parts[0].lines.find((l) => l.kind !== 'heading')?.text);
    pageMeta.shownDate = zone.date;
    pageMeta.shownDateLine = zone.dateLine;
    pageMeta.shownSource = zone.source;
    pageMeta.shownSourceLine = zone.sourceLine;
    pageMeta.shownAuthors = zone.authors;
  }
  const kept = new Set(parts.flatMap((p) => p.lines.map((l) => l.text)));
  const removed: Removed[] = allBlocks
    .filter((text) => !kept.has(text) && ![...kept].some((k) => k.includes(text)))
    .map((text) => ({ text, reason: 'outside the main content of the page (navigation, sidebar or footer)' }));
  return { meta: pageMeta, parts, removed, allBlocks };
}
