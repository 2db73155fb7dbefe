/**
 * HTML → lines + page metadata. Metadata comes from the page itself (<title>, meta tags, JSON-LD,
 * <time datetime>); the main content from @mozilla/readability over a linkedom document, or from
 * each <article> when a page holds several. Blocks outside the main content are reported, not lost.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { stripSiteSuffix } from './site-title.ts';
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

/** The page's own statements about itself; JSON-LD first, then meta tags, then <time>, then <title>. */
export function readPageMeta(document: { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> }): PageMeta {
  const ld = readJsonLd(Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map((s) => s.textContent ?? ''))[0];
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const siteName = meta(document, 'og:site_name', 'application-name') ?? nameOf(ld?.publisher)[0];
  const date = ld?.datePublished ?? meta(document, 'article:published_time', 'pubdate', 'publishdate', 'PubDate', 'datePublished') ?? time;
  const dateFrom = ld?.datePublished ? 'JSON-LD datePublished' : meta(document, 'article:published_time', 'pubdate', 'publishdate', 'PubDate', 'datePublished') ? 'meta published_time' : time ? '<time datetime>' : undefined;
  const keywords = ld?.keywords ?? meta(document, 'keywords', 'news_keywords');
  return {
    // og:title and <title> usually end in the site or channel name: keep the headline part only.
    title:
      clean(ld?.headline) ||
      stripSiteSuffix(meta(document, 'og:title', 'twitter:title') || clean(document.querySelector('title')?.textContent) || '', siteName) ||
      undefined,
    siteName,
    date,
    dateFrom,
    authors: nameOf(ld?.author).length ? nameOf(ld?.author) : meta(document, 'author', 'article:author')?.split(/[,，、\s]+/u).filter(Boolean),
    outlet: meta(document, 'source', 'article:publisher_name') ?? siteName,
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

export interface HtmlExtract {
  meta: PageMeta;
  /** One list of lines per article found (several <article> elements make several). */
  parts: { lines: Line[]; meta: PageMeta }[];
  removed: Removed[];
  /** Every block text of the page, for coverage accounting. */
  allBlocks: string[];
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
  const kept = new Set(parts.flatMap((p) => p.lines.map((l) => l.text)));
  const removed: Removed[] = allBlocks
    .filter((text) => !kept.has(text) && ![...kept].some((k) => k.includes(text)))
    .map((text) => ({ text, reason: 'outside the main content of the page (navigation, sidebar or footer)' }));
  return { meta: pageMeta, parts, removed, allBlocks };
}
