/**
 * The importer's programmatic API: bytes of a saved page or text in, clean article records out.
 * Pure (no fs, no clock): the CLI (scripts/import.ts) and the benchmark call this.
 */
import { decodeBytes } from './decode.ts';
import { extractHtml } from './html.ts';
import { sizeProblem } from './limits.ts';
import { runPipeline } from './pipeline.ts';
import { toArticleRecord, type ArticleRecord } from './record.ts';
import type { ImportDoc, ImportRegistry, Issue, Line } from './types.ts';

export type { ArticleRecord } from './record.ts';
export type { ImportRegistry, Issue as ImportProblem } from './types.ts';

export interface ImportOptions {
  /** Name of the input, used in messages and `source.file`. */
  fileName: string;
  registry: ImportRegistry;
  /** The run's date (YYYY-MM-DD); only used to flag dates in the future. */
  now?: string;
}

export type ImportResult =
  | { ok: true; encoding: string; format: 'text' | 'html'; articles: ArticleRecord[]; issues: Issue[] }
  | { ok: false; error: string };

/** True when the text is an HTML document (by name or by its first tags). */
export function looksLikeHtml(fileName: string, text: string): boolean {
  return /\.html?$/iu.test(fileName) || /^\s*(<!doctype html|<html[\s>])/iu.test(text.slice(0, 500));
}

function textLines(text: string): Line[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((t, i) => ({ text: t.trim(), n: i + 1, kind: 'para' as const }))
    .filter((l) => l.text.length > 0);
}

function baseDoc(fileName: string, encoding: string, format: 'text' | 'html', rawLines: string[], registry: ImportRegistry): ImportDoc {
  return { fileName, encoding, format, rawLines, lines: [], removed: [], meta: {}, page: { editors: [], keywords: [], photographers: [] }, originalScript: 'Hans', articles: [], registry };
}

/** Imports one document. Never throws for bad input: unreadable input is `{ ok: false, error }`. */
export function importDocument(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const tooBig = sizeProblem(bytes.length);
  if (tooBig) return { ok: false, error: tooBig };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.reason };
  const text = decoded.text.replace(/^\ufeff/u, '');
  if (!text.trim()) return { ok: false, error: 'the file holds only whitespace' };
  const html = looksLikeHtml(options.fileName, text);
  const docs: ImportDoc[] = [];
  if (html) {
    const extract = extractHtml(text);
    if (extract.problem) return { ok: false, error: extract.problem };
    extract.parts.forEach((part, i) => {
      const doc = baseDoc(options.fileName, decoded.encoding, 'html', extract.allBlocks, options.registry);
      doc.meta = { ...extract.meta, ...Object.fromEntries(Object.entries(part.meta).filter(([, v]) => v !== undefined)) };
      if (extract.parts.length > 1 && !part.meta.title) delete doc.meta.title;
      doc.lines = part.lines;
      if (i === 0) doc.removed = extract.removed;
      docs.push(doc);
    });
  } else {
    const doc = baseDoc(options.fileName, decoded.encoding, 'text', text.replace(/\r\n?/gu, '\n').split('\n'), options.registry);
    doc.lines = textLines(text);
    docs.push(doc);
  }
  const articles: ArticleRecord[] = [];
  const issues: Issue[] = [];
  for (const doc of docs) {
    if (!doc.lines.length) continue;
    const { doc: done, issues: found } = runPipeline(doc);
    issues.push(...found);
    const starts = firstLines(done);
    const byArticle = done.articles.map((): typeof done.removed => []);
    // Page-level removals go with the article they stand nearest to, so each is listed once.
    for (const r of done.removed) byArticle[nearestArticle(starts, r.line)].push(r);
    done.articles.forEach((a, i) => {
      const pageRemoved = byArticle[i];
      articles.push(toArticleRecord(done, a, pageRemoved, found, options));
    });
  }
  if (!articles.length) return { ok: false, error: 'no text found in the document (no paragraphs after removing page chrome)' };
  if (html && docs.length > 1) articles.forEach((a, i) => (a.source.part = `article ${i + 1} of ${articles.length}`));
  return { ok: true, encoding: decoded.encoding, format: html ? 'html' : 'text', articles, issues };
}

/** The first input line of each article, computed once per document (articles can number thousands). */
function firstLines(doc: ImportDoc): number[] {
  return doc.articles.map((a) => [...a.headline, ...a.lines].reduce((min, l) => Math.min(min, l.n), Infinity));
}

/** The article a removed line stands nearest to: the last one that starts at or before it (starts ascend). */
function nearestArticle(starts: readonly number[], line: number | undefined): number {
  if (line === undefined || starts.length <= 1) return 0;
  let lo = 0;
  let hi = starts.length - 1;
  let index = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= line) {
      index = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return index;
}
