/**
 * rehype-report-sanitize: one job, make a report's HTML safe. Raw HTML in Markdown is parsed
 * first (Astro's own rehype-raw runs after user plugins, so at this point it is still `raw`
 * text), then everything goes through `reportSanitizeSchema`. MDX nodes (JSX, expressions, ESM)
 * are dropped too; remark-report-mdx-guard rejects them earlier with a clear message.
 *
 * Files in the project's own `src/` (pages written by developers, reviewed as code) are left alone.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { escapeSwallowingTags, isLocalImageUrl, isLocalSrcset } from '../lib/text/body-html.ts';
import { reportSanitizeSchema } from './report-sanitize-schema.ts';

export interface Options {
  /** Which files to sanitise, by path (undefined for in-memory input); default: all but the project's src/. */
  include?: (path: string | undefined) => boolean;
}

// The MDX node types that hast-util-raw must pass through untouched (as @mdx-js/mdx's nodeTypes).
const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];
const PREFIX = 'user-content-';
/**
 * Prefix of the ids of body headings. Astro slugs headings after user plugins, unprefixed, so
 * `## main` became id="main" next to the page's own <main id="main"> (and `## cite-gbt` took the
 * cite box's id, so its copy button copied the heading). No id of the page itself starts with it.
 */
export const HEADING_ID_PREFIX = 'h-';
const emptyOptions: Options = {};

/**
 * True unless `path` lies inside `<root>/src/` (root: the project, i.e. the working directory of
 * the build). Fail-safe: a path it cannot place, or a project that itself sits in some `…/src/…`
 * folder, is still treated as content.
 */
export function isContentFile(path: string | undefined, root: string = process.cwd()): boolean {
  if (path === undefined) return true;
  const srcDir = resolve(root, 'src') + sep;
  return !resolve(path).startsWith(srcDir);
}

function hasRaw(node: { type: string; children?: unknown[] }): boolean {
  return node.type === 'raw' || (node.children ?? []).some((child) => hasRaw(child as { type: string }));
}

// `<textarea>`, `<title>`, `<script>` … in raw HTML become text before parsing, so they cannot
// swallow the rest of the paragraph or report (src/lib/text/body-html.ts says why).
function escapeRawTextTags(node: { type: string; value?: unknown; children?: unknown[] }): void {
  if (node.type === 'raw' && typeof node.value === 'string') node.value = escapeSwallowingTags(node.value);
  for (const child of node.children ?? []) escapeRawTextTags(child as typeof node);
}

// remark-rehype already prefixes footnote ids with `user-content-`; sanitising adds it again.
function unDoublePrefix(node: { properties?: Record<string, unknown>; children?: unknown[] }): void {
  const props = node.properties;
  if (props) {
    for (const key of ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy']) {
      const value = props[key];
      if (typeof value === 'string' && value.startsWith(PREFIX + PREFIX)) props[key] = value.slice(PREFIX.length);
      if (Array.isArray(value)) props[key] = value.map((v) => (typeof v === 'string' && v.startsWith(PREFIX + PREFIX) ? v.slice(PREFIX.length) : v));
    }
  }
  for (const child of node.children ?? []) unDoublePrefix(child as typeof node);
}

function textOf(node: { type: string; value?: unknown; children?: unknown[] }): string {
  if (node.type === 'text') return String(node.value);
  return (node.children ?? []).map((child) => textOf(child as typeof node)).join('');
}

/**
 * Gives every body heading without an id `h-` plus the slug Astro would have given it (same
 * github-slugger, same text, so `## 一、基本情况` gets id="h-一基本情况"); Astro then keeps ours.
 * In-page links of the body that named the bare slug (`[见上](#一基本情况)`) or an author's own
 * id (`#main` for `<p id="main">`, now `user-content-main`) are pointed at the prefixed id, so they
 * keep working instead of jumping to the page's own element of that name.
 */
export function prefixBodyIds(tree: Root): void {
  const slugger = new GithubSlugger();
  const renamed = new Map<string, string>();
  visit(tree, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string' && id.startsWith(PREFIX)) renamed.set(id.slice(PREFIX.length), id);
    if (!/^h[1-6]$/.test(node.tagName) || id !== undefined) return;
    const slug = slugger.slug(textOf(node));
    node.properties.id = HEADING_ID_PREFIX + slug;
    renamed.set(slug, HEADING_ID_PREFIX + slug);
  });
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    let target: string;
    try {
      target = decodeURIComponent(href.slice(1));
    } catch {
      return;
    }
    const id = renamed.get(target);
    if (id !== undefined) node.properties.href = `#${id}`;
  });
}

/**
 * Removes images from other hosts: an <img> whose src is not local, a <source> whose srcset or src
 * is not, and a srcset on <img> with any remote candidate. The site makes no third-party requests
 * and the CSP would only leave a broken image; `npm run check` warns about each one dropped
 * (src/lib/check/body.ts, same rule from src/lib/text/body-html.ts).
 */
export function dropRemoteImages(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' && node.tagName !== 'source') return;
    const { src, srcSet } = node.properties;
    const remoteSrc = typeof src === 'string' ? !isLocalImageUrl(src) : node.tagName === 'img';
    const srcset = Array.isArray(srcSet) ? srcSet.join(', ') : typeof srcSet === 'string' ? srcSet : undefined;
    const remoteSet = srcset !== undefined && !isLocalSrcset(srcset);
    if (node.tagName === 'img' && remoteSet && !remoteSrc) delete node.properties.srcSet;
    else if ((remoteSrc || remoteSet || (node.tagName === 'source' && srcset === undefined && src === undefined)) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
  });
}

/** Sanitises report HTML; guarantees no script, handler, style, frame or unsafe URL survives. */
export default function rehypeReportSanitize(options?: Options | null) {
  const settings = options ?? emptyOptions;
  const include = settings.include ?? ((path: string | undefined) => isContentFile(path));
  return function (tree: Root, file: VFile): Root {
    if (!include(file.path)) return tree;
    if (hasRaw(tree)) escapeRawTextTags(tree);
    const parsed = hasRaw(tree) ? (raw(tree, { file, passThrough: MDX_NODE_TYPES }) as Root) : tree;
    const clean = sanitize(parsed, reportSanitizeSchema) as Root;
    unDoublePrefix(clean);
    dropRemoteImages(clean);
    prefixBodyIds(clean);
    return clean;
  };
}

export { rehypeReportSanitize };
