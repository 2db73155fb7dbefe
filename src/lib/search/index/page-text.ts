/**
 * Reads what the search index needs from a built report page: the text inside the element marked
 * `data-search-body`, leaving out elements marked `data-search-ignore`, and the `<data>` values
 * SearchMeta.astro writes (facets, card facts, archive rank).
 *
 * A small scanner rather than an HTML parser: it runs over every built report (10,000 pages take
 * a couple of seconds instead of the better part of a minute with a DOM), and the pages are Astro's
 * own well-formed output, whose text is escaped with a handful of character references.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Elements whose end starts a new line of text, so words of adjacent paragraphs do not run together.
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Text with HTML character references (&amp; &#x4e2d; &#20013; &nbsp;) decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Collapses spaces within lines and blank lines between them. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * The text of the first element carrying `data-search-body`, without `data-search-ignore`
 * subtrees, scripts and styles; one line per block. Undefined when the page has no such element.
 */
export function searchBodyText(html: string): string | undefined {
  let depth = 0; // open elements inside the body element, the body itself included
  let ignoreDepth = 0; // depth at which an ignored subtree started (0: none)
  let out = '';
  let last = 0;
  let found = false;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const text = html.slice(last, m.index);
    last = TAG.lastIndex;
    if (depth > 0 && ignoreDepth === 0) out += text;
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    if (!closing && (name === 'script' || name === 'style')) {
      // Raw text: jump to its end tag, so a `<` inside a script cannot open a fake tag.
      const endTag = name === 'script' ? /<\/script/giy : /<\/style/giy;
      let end = -1;
      for (let i = html.indexOf('</', TAG.lastIndex); i >= 0; i = html.indexOf('</', i + 2)) {
        endTag.lastIndex = i;
        if (endTag.test(html)) {
          end = i;
          break;
        }
      }
      const close = end < 0 ? -1 : html.indexOf('>', end);
      last = TAG.lastIndex = close < 0 ? html.length : close + 1;
      continue;
    }
    if (depth === 0) {
      if (!closing && /\sdata-search-body(?=[\s=>/]|$)/.test(m[3])) {
        depth = 1;
        found = true;
      }
      continue;
    }
    if (closing) {
      if (BLOCK.has(name)) out += '\n';
      if (ignoreDepth === depth) ignoreDepth = 0;
      depth--;
      if (depth === 0) break;
      continue;
    }
    if (BLOCK.has(name)) out += '\n';
    if (VOID.has(name) || m[4] === '/') continue;
    depth++;
    if (ignoreDepth === 0 && /\sdata-search-ignore(?=[\s=>/]|$)/.test(m[3])) ignoreDepth = depth;
  }
  return found ? tidy(decodeEntities(out)) : undefined;
}

export interface SearchData {
  /** data-search-meta values: headline, date, outlet, region, kind, rank. */
  meta: Record<string, string>;
  /** data-search-facet values, in page order. */
  facets: Record<string, string[]>;
}

/** Every `<data value="…" data-search-meta="key">` and `<data value="…" data-search-facet="key">` of a page. */
export function searchData(html: string): SearchData {
  const meta: Record<string, string> = {};
  const facets: Record<string, string[]> = {};
  for (const m of html.matchAll(/<data\s([^>]*)>/g)) {
    const attrs = m[1];
    const value = /(?:^|\s)value="([^"]*)"/.exec(attrs)?.[1];
    if (value === undefined) continue;
    const metaKey = /data-search-meta="([^"]*)"/.exec(attrs)?.[1];
    const facetKey = /data-search-facet="([^"]*)"/.exec(attrs)?.[1];
    if (metaKey) meta[metaKey] = decodeEntities(value);
    if (facetKey) (facets[facetKey] ??= []).push(decodeEntities(value));
  }
  return { meta, facets };
}
