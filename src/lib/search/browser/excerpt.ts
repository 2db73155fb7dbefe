/**
 * Result-card excerpts: a window of the report's text around the first hit, split into plain and
 * highlighted pieces (never HTML, so report text cannot inject markup into the page).
 */

export interface ExcerptPiece {
  text: string;
  hit: boolean;
}

/** [start, end) spans of every occurrence of any phrase in `text`, merged and in order. */
export function findHits(text: string, phrases: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const phrase of phrases) {
    if (!phrase) continue;
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) spans.push([at, at + phrase.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

// Han characters and CJK/full-width punctuation: no space belongs next to them in Chinese text.
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00b7]/u;

/**
 * The text on one line: a line break or run of spaces becomes nothing next to a Chinese character
 * or punctuation (the blocks of a page are lines in the card's text, so "。\n此外" must not
 * become "。 此外"), and one space between two other characters (5G 网络 stays apart from GDP).
 */
export function joinLines(text: string): string {
  return text.trim().replace(/\s+/g, (space, at: number, whole: string) => (CJK.test(whole[at - 1] ?? '') || CJK.test(whole[at + space.length] ?? '') ? '' : ' '));
}

/** The whole text as pieces with every hit marked (a headline). */
export function highlight(text: string, phrases: readonly string[]): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let cursor = 0;
  for (const [from, to] of findHits(text, phrases)) {
    if (from > cursor) pieces.push({ text: text.slice(cursor, from), hit: false });
    pieces.push({ text: text.slice(from, to), hit: true });
    cursor = to;
  }
  if (cursor < text.length || pieces.length === 0) pieces.push({ text: text.slice(cursor), hit: false });
  return pieces;
}

/**
 * About `length` characters of `text` starting a little before the first hit (or from the start
 * when nothing matches), with every hit inside the window marked; ellipses show cut ends. The
 * window grows to the end of a hit rather than cut it (…高质 would hide what matched).
 */
export function buildExcerpt(text: string, phrases: readonly string[], length = 90): ExcerptPiece[] {
  const clean = joinLines(text);
  const hits = findHits(clean, phrases);
  const start = hits.length ? Math.max(0, hits[0][0] - Math.floor(length / 4)) : 0;
  let end = Math.min(clean.length, start + length);
  // Grow the window to the end of a hit it would cut.
  for (const [from, to] of hits) if (from < end && to > end) end = to;
  const pieces: ExcerptPiece[] = [];
  const push = (piece: string, hit: boolean) => {
    if (piece) pieces.push({ text: piece, hit });
  };
  if (start > 0) push('…', false);
  let cursor = start;
  for (const [from, to] of hits) {
    if (to <= start || from >= end) continue;
    push(clean.slice(cursor, from), false);
    push(clean.slice(from, to), true);
    cursor = to;
  }
  push(clean.slice(cursor, end), false);
  if (end < clean.length) push('…', false);
  return pieces;
}
