/**
 * Link check over the built site: every internal href/src/action in every HTML page resolves to
 * a built file, every #fragment to an id on its page, and nothing loads from another host.
 * Also: every page but the home page has breadcrumbs; the sitemap lists exactly the pages built.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { isBuilt } from './reader-pages.ts';

const distDir = inject('distDir');
// Only the host matters for "internal"; the canonical host comes from astro.config (SITE_URL).
const PAGE_BASE = 'http://site.invalid';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

const htmlFiles = walk(distDir).filter((f) => f.endsWith('.html'));
const pages = htmlFiles.map((file) => {
  const rel = relative(distDir, file).replaceAll('\\', '/');
  const path = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
  return { file, path, document: parseHTML(readFileSync(file, 'utf8')).document };
});
const idsByPath = new Map(pages.map((p) => [p.path, new Set([...p.document.querySelectorAll('[id]')].map((e) => e.id))]));
const canonicalOrigin = (() => {
  const href = pages.find((p) => p.path === '/')?.document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  // Root-relative without SITE_URL: then there is no other origin to count as internal.
  return href && /^https?:/.test(href) ? new URL(href).origin : undefined;
})();

interface Ref {
  page: string;
  attr: string;
  value: string;
  /** True when the browser fetches it while showing the page (not a link to follow). */
  loads: boolean;
}

// <link rel> values that make the browser fetch something on page load.
const LOADING_RELS = /\b(stylesheet|icon|apple-touch-icon|preload|modulepreload|prefetch|manifest)\b/;

function refsOf(page: (typeof pages)[number]): Ref[] {
  const refs: Ref[] = [];
  const add = (selector: string, attr: string) => {
    for (const el of page.document.querySelectorAll(selector)) {
      const value = el.getAttribute(attr);
      const tag = el.tagName.toLowerCase();
      const loads = tag === 'link' ? LOADING_RELS.test(el.getAttribute('rel') ?? '') : tag !== 'a' && tag !== 'form';
      if (value !== null) refs.push({ page: page.path, attr: `${tag}[${attr}]`, value, loads });
    }
  };
  add('a[href]', 'href');
  add('link[href]', 'href');
  add('script[src]', 'src');
  add('img[src]', 'src');
  add('source[src]', 'src');
  add('iframe[src]', 'src');
  add('form[action]', 'action');
  return refs;
}

/** True when an internal URL path is a built file, or a directory with index.html (trailing slash). */
function resolves(pathname: string): boolean {
  return isBuilt(distDir, decodeURIComponent(pathname));
}

describe('internal links in the built site', () => {
  it('the build has pages to check', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it('every internal href, src and form action resolves to a built file', () => {
    // Target → pages linking to it, so one missing page reads as one line, not seventy.
    const broken = new Map<string, string[]>();
    for (const page of pages) {
      for (const ref of refsOf(page)) {
        if (/^(mailto|tel|javascript|data):/i.test(ref.value)) continue;
        const url = new URL(ref.value, PAGE_BASE + page.path);
        const internal = url.origin === PAGE_BASE || url.origin === canonicalOrigin;
        if (!internal || resolves(url.pathname)) continue;
        broken.set(url.pathname, [...(broken.get(url.pathname) ?? []), `${ref.page} (${ref.attr})`]);
      }
    }
    const report = [...broken].map(([target, from]) => `${target} ← ${from.length} page(s), e.g. ${from.slice(0, 3).join(', ')}`);
    expect(report).toEqual([]);
  });

  it('every #fragment names an id on its target page', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const ref of refsOf(page).filter((r) => r.value.includes('#') && r.attr === 'a[href]')) {
        const url = new URL(ref.value, PAGE_BASE + page.path);
        if (url.origin !== PAGE_BASE || !url.hash) continue;
        const ids = idsByPath.get(url.pathname);
        if (ids && !ids.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${ref.page}: ${ref.value}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('no page loads a script, style, font, image or frame from another host', () => {
    const foreign: string[] = [];
    for (const page of pages) {
      for (const ref of refsOf(page).filter((r) => r.loads)) {
        const url = new URL(ref.value, PAGE_BASE + page.path);
        if (url.origin !== PAGE_BASE) foreign.push(`${ref.page}: ${ref.attr}="${ref.value}"`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it('every page except the home page shows breadcrumbs starting at 首页', () => {
    const missing = pages
      .filter((p) => p.path !== '/' && !p.path.startsWith('/search-index/'))
      .filter((p) => p.document.querySelector('nav.breadcrumbs a')?.textContent !== '首页')
      .map((p) => p.path);
    expect(missing).toEqual([]);
  });

  // The sitemap protocol needs absolute URLs: without SITE_URL none is built (and none is linked).
  it.skipIf(!process.env.SITE_URL?.trim())('the sitemap lists every page except 404, each once, and nothing that was not built', () => {
    const index = parseHTML(readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8')).document;
    const listed: string[] = [];
    for (const loc of index.querySelectorAll('sitemap > loc')) {
      const file = join(distDir, new URL(loc.textContent!.trim()).pathname);
      const sitemap = parseHTML(readFileSync(file, 'utf8')).document;
      for (const url of sitemap.querySelectorAll('url > loc')) listed.push(new URL(url.textContent!.trim()).pathname);
    }
    const built = pages.map((p) => p.path).filter((p) => p !== '/404.html' && !p.startsWith('/search-index/'));
    expect([...listed].sort()).toEqual([...new Set(built)].sort());
  });
});
