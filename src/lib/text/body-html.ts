/**
 * The two rules about raw HTML in report bodies that the sanitiser (src/plugins) applies and the
 * content check (src/lib/check/body.ts) reports, kept here so that both agree by construction.
 *
 * 1. Tags that would swallow the text after them are shown as text. An HTML parser reads
 *    everything after `<textarea>`, `<title>`, `<style>`, `<script>`, `<xmp>`, `<plaintext>`,
 *    `<iframe>`, `<noembed>`, `<noframes>`, `<noscript>` as the element's raw text up to its
 *    closing tag (or the end of the report), and `<svg>`, `<math>`, `<object>`, `<template>`,
 *    `<select>`, `<applet>` open a subtree; the sanitiser removes all of these with their content,
 *    so one such word in a sentence ("网页的 <title> 标签") made the rest of the paragraph or the
 *    whole report vanish, silently. No report needs these elements, so instead of guessing where
 *    the editor meant them to end, their tags are escaped: the reader sees exactly what was
 *    written, nothing after them is lost, and nothing in them can run.
 * 2. Images only from this site. The site promises no third-party requests (the CSP would block
 *    them, leaving a broken image): `<img src>`, `![](…)` and `srcset` candidates that point to
 *    another host are dropped.
 */

/** Elements whose tag, written in a body, would hide the text that follows it (see rule 1). */
export const SWALLOWING_TAGS = [
  'script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'iframe', 'noembed', 'noframes', 'noscript',
  'svg', 'math', 'object', 'applet', 'template', 'select',
] as const;

// `<` or `</`, the name in any case, then what ends a tag name for the HTML tokenizer.
const SWALLOWING_TAG = new RegExp(`<(/?)(${SWALLOWING_TAGS.join('|')})(?=[\\t\\n\\f\\r />]|$)`, 'giu');

/** Raw HTML with the `<` of every swallowing tag escaped, so a parser reads those tags as text. */
export function escapeSwallowingTags(html: string): string {
  return html.replace(SWALLOWING_TAG, '&lt;$1$2');
}

/** Each swallowing tag in `html`, with its offset, e.g. `{ tag: '<textarea', index: 4 }`. */
export function findSwallowingTags(html: string): { tag: string; index: number }[] {
  return [...html.matchAll(SWALLOWING_TAG)].map((m) => ({ tag: m[0], index: m.index }));
}

/**
 * True when an image URL stays on this site: relative (`./tu.jpg`, `tu.jpg`, `/images/…`, `#x`).
 * False for anything with a scheme (`https:`, `data:` …) and for protocol-relative `//host/…`,
 * read as a browser reads it: leading spaces and control characters stripped, tabs and line
 * breaks removed, `\` taken for `/`.
 */
export function isLocalImageUrl(url: string): boolean {
  const u = url.replace(/^[\u0000-\u0020]+/u, '').replace(/[\t\n\r]/gu, '');
  return !/^[a-z][a-z0-9+.-]*:/iu.test(u) && !/^[\\/]{2}/u.test(u);
}

/**
 * True when every candidate of a `srcset` (comma-separated `url [descriptor]`) is local. All or
 * nothing: splitting at commas cuts a `data:…,…` URL in two, and its tail must not pass for a
 * relative address.
 */
export function isLocalSrcset(srcset: string): boolean {
  const candidates = srcset.split(',').map((c) => c.trim());
  return candidates.some((c) => c !== '') && candidates.every((c) => c === '' || isLocalImageUrl(c.split(/\s+/u)[0]));
}
