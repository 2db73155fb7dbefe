/**
 * What a reader types, made comparable with the index: full-width ASCII folded to half-width,
 * ideographic spaces and runs of whitespace collapsed, ends trimmed, Latin letters lower-cased.
 * Traditional → Simplified folding needs OpenCC's tables, so it is a separate, lazily loaded step
 * (see fold-script.ts); this module stays tiny and pure.
 */

/** Full-width ASCII (！ to ～, U+FF01–U+FF5E) to its half-width form; the ideographic space U+3000 to a space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Longest query searched, in characters: every Chinese character is one more index chunk to fetch,
 * so a pasted paragraph is cut rather than downloading half the index.
 */
export const MAX_QUERY_LENGTH = 64;

/**
 * The query with widths folded, whitespace collapsed to single spaces, trimmed, lower-cased and cut
 * to MAX_QUERY_LENGTH characters; '' for blank input.
 */
export function normalizeQuery(raw: string | null | undefined): string {
  if (!raw) return '';
  const folded = toHalfWidth(raw.normalize('NFC'))
    .replace(/[\s\u200b\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
  return [...folded].slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/**
 * The phrases of a normalised query: whitespace separates them, and quotes and punctuation
 * (，。、“” and their ASCII forms) are treated as separators too, so 钱塘，数字经济 is two phrases.
 */
export function splitPhrases(query: string): string[] {
  return query
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((p) => p.length > 0)
    .filter((p, i, all) => all.indexOf(p) === i);
}
