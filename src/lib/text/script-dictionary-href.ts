/**
 * Where a page's 简/繁 dictionary lives, in one small module: the layout names it in a <meta> at
 * render time (src/layouts/BaseLayout.astro), the pass over the built site writes the file the
 * meta names (write-script-dictionaries.ts), and the page's scripts fetch it (reader-init.js,
 * src/client/reader/script-toggle.ts). Kept apart from the writer so the layout does not load
 * OpenCC's data.
 */

/** Where the dictionaries go, under the site root. */
export const DICTIONARY_DIR = '_hant';
/** The meta element's name; public/scripts/reader-init.js and the 简/繁 script read it. */
export const DICTIONARY_META = 'xieshang:script-dictionary';

/**
 * The address of the dictionary of the page at `pathname` ('/reports/2022/x/' →
 * '/_hant/reports/2022/x.json', '/' → '/_hant/index.json', '/404.html' → '/_hant/404.json'): one
 * file per page, in a directory per section of the site rather than one per page (creating 13,837
 * directories would cost as much as the files).
 */
export function dictionaryHref(pathname: string): string {
  const path = pathname.replace(/^\/+|\/+$/g, '').replace(/\.html$/, '');
  return `/${DICTIONARY_DIR}/${path || 'index'}.json`;
}
