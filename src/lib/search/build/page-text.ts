/**
 * Reads what the search index needs from a built report page: the text inside the element marked
 * `data-search-body`, leaving out elements marked `data-search-ignore`, and the `<data>` values
 * SearchMeta.astro writes (facets, card facts, archive rank).
 *
 * With htmlparser2's tokenizer (the streaming parser made for this, no DOM): a title or an outlet
 * name with `>`, `"` or `<` in it is an attribute value like any other, and script, style and
 * comment contents are raw text, as the HTML standard reads them. A hand-written scanner read
 * `<data value="a>b">` wrongly and crashed the build on such a title.
 */
import { Parser } from 'htmlparser2';

// Elements whose end starts a new line of text, so words of adjacent paragraphs do not run together.
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul']);
const RAW_TEXT = new Set(['script', 'style']);
/** Collapses spaces within lines and blank lines between them. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export interface SearchData {
  /** data-search-meta values: headline, date, outlet, region, kind, rank. */
  meta: Record<string, string>;
  /** data-search-facet values, in page order. */
  facets: Record<string, string[]>;
}

export interface SearchPage extends SearchData {
  /** The body text, one line per block; undefined when the page has no data-search-body element. */
  text: string | undefined;
}

/**
 * One pass over a built page: the text of the first element carrying `data-search-body` (without
 * `data-search-ignore` subtrees, scripts and styles; one line per block) and every
 * `<data value="…" data-search-meta|facet="key">`.
 */
export function readSearchPage(html: string): SearchPage {
  const meta: Record<string, string> = {};
  const facets: Record<string, string[]> = {};
  // Open elements inside the body element, the body itself included; 0 before it, -1 after it.
  let depth = 0;
  let ignoreDepth = 0; // depth at which an ignored subtree started (0: none)
  let raw = 0; // inside script/style
  let out = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'data' && attrs.value !== undefined) {
          const metaKey = attrs['data-search-meta'];
          const facetKey = attrs['data-search-facet'];
          if (metaKey) meta[metaKey] = attrs.value;
          if (facetKey) (facets[facetKey] ??= []).push(attrs.value);
        }
        if (RAW_TEXT.has(name)) raw++;
        if (depth === 0) {
          if ('data-search-body' in attrs) depth = 1;
          return;
        }
        if (depth < 0) return;
        if (BLOCK.has(name)) out += '\n';
        depth++;
        if (ignoreDepth === 0 && 'data-search-ignore' in attrs) ignoreDepth = depth;
      },
      ontext(text) {
        if (depth > 0 && ignoreDepth === 0 && raw === 0) out += text;
      },
      onclosetag(name) {
        if (RAW_TEXT.has(name)) raw = Math.max(0, raw - 1);
        if (depth <= 0) return;
        if (BLOCK.has(name)) out += '\n';
        if (ignoreDepth === depth) ignoreDepth = 0;
        depth--;
        if (depth === 0) depth = -1;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.end(html);
  return { text: depth === 0 ? undefined : tidy(out), meta, facets };
}

/** The body text of a built page (see readSearchPage); undefined when it has no body element. */
export function searchBodyText(html: string): string | undefined {
  return readSearchPage(html).text;
}

/** Every `<data value="…" data-search-meta="key">` and `<data value="…" data-search-facet="key">` of a page. */
export function searchData(html: string): SearchData {
  const { meta, facets } = readSearchPage(html);
  return { meta, facets };
}
