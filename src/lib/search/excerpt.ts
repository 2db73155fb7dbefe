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

/**
 * About `length` characters of `text` starting a little before the first hit (or from the start
 * when nothing matches), with every hit inside the window marked; ellipses show cut ends.
 */
export function buildExcerpt(text: string, phrases: readonly string[], length = 90): ExcerptPiece[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  const hits = findHits(clean, phrases);
  const start = hits.length ? Math.max(0, hits[0][0] - Math.floor(length / 4)) : 0;
  const end = Math.min(clean.length, start + length);
  const pieces: ExcerptPiece[] = [];
  const push = (piece: string, hit: boolean) => {
    if (piece) pieces.push({ text: piece, hit });
  };
  if (start > 0) push('…', false);
  let cursor = start;
  for (const [from, to] of hits) {
    if (to <= start || from >= end) continue;
    push(clean.slice(cursor, Math.max(cursor, from)), false);
    push(clean.slice(Math.max(cursor, from), Math.min(to, end)), true);
    cursor = Math.min(to, end);
  }
  push(clean.slice(cursor, end), false);
  if (end < clean.length) push('…', false);
  return pieces;
}
