/**
 * What HTML a report may contain: GitHub's sanitising schema (hast-util-sanitize's default),
 * plus the few elements reports need (figures with captions, table captions and column groups,
 * <mark>, <abbr>, <time>, <small>, <cite>, <u>), minus link schemes a report never needs.
 * No scripts, event handlers, styles, frames, objects, forms or SVG; URLs only http(s), mailto
 * (links) and relative ones.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

const EXTRA_TAGS = ['figure', 'figcaption', 'caption', 'colgroup', 'col', 'mark', 'abbr', 'time', 'small', 'cite', 'u'];

// Elements removed together with their content (other disallowed elements are unwrapped and
// keep their text): code, styles and embedded documents must not leak in as visible text either.
const STRIP = ['script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'textarea', 'select', 'title', 'head', 'meta', 'link', 'base'];

/** The sanitising schema for report bodies (tested in tests/unit/plugins). */
export const reportSanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS],
  attributes: {
    ...defaultSchema.attributes,
    col: ['span'],
    colgroup: ['span'],
    img: [...(defaultSchema.attributes?.img ?? []), 'loading'],
  },
  ancestors: { ...defaultSchema.ancestors, caption: ['table'], col: ['table'], colgroup: ['table'] },
  protocols: {
    ...defaultSchema.protocols,
    // No irc/xmpp: reports link to web pages and, rarely, an e-mail address.
    href: ['http', 'https', 'mailto'],
  },
  strip: STRIP,
};
