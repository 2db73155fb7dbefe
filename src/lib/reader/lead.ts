/**
 * The lead (导语) of a report as plain text: its first paragraph, for feed readers and previews,
 * which show no report text at all when an item carries only the facts line.
 *
 * It reads the rendered, sanitised body HTML that the content layer keeps (the raw Markdown is
 * not retained, see src/content.config.ts), so what a feed says is exactly what the page shows.
 */
import { parseHTML } from 'linkedom';

/**
 * Longest lead a feed item carries, in characters. Almost every lead is shorter; a page-long
 * first paragraph is cut at its last sentence end before this, so the item stays a summary.
 */
export const LEAD_MAX_CHARS = 300;

const STOP = /[。！？!?…]/u;
const CLOSE = /[”」』）)]/u;

/** True when a sentence ends right after `chars[i]`: a stop not followed by a closing quote, or that quote. */
function endsSentence(chars: readonly string[], i: number): boolean {
  if (STOP.test(chars[i])) return !CLOSE.test(chars[i + 1] ?? '');
  return CLOSE.test(chars[i]) && STOP.test(chars[i - 1] ?? '');
}

/** Collapses whitespace; soft line breaks inside a Chinese paragraph become nothing, not a space. */
function plain(text: string): string {
  return text
    .replace(/(\p{Script=Han}|[，。、；：！？“”「」（）])\s*\n\s*(?=\p{Script=Han}|[，。、；：！？“”「」（）])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Cuts a long lead after its last sentence end within `max` characters (if that keeps at least a
 * third of it), else at `max` with "……".
 */
export function shortenLead(text: string, max = LEAD_MAX_CHARS): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  for (let i = max - 1; i >= Math.floor(max / 3); i--) {
    if (endsSentence(chars, i)) return chars.slice(0, i + 1).join('');
  }
  return `${chars.slice(0, max).join('').trimEnd()}……`;
}

/**
 * A first paragraph shorter than this (an opening line such as 又到一年潮起时。) says too little
 * alone, so the next paragraphs join it until the lead reaches this length.
 */
export const LEAD_MIN_CHARS = 60;

/** The lead from the top-level paragraphs of one parsed fragment; `done` once it is long enough. */
function leadOfFragment(html: string): { lead: string; done: boolean } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  let lead = '';
  for (const el of document.body.children) {
    if (el.localName !== 'p') continue;
    const text = plain(el.textContent ?? '');
    if (!text) continue;
    lead = lead ? `${lead}${/[\p{Script=Han}，。！？”」]$/u.test(lead) ? '' : ' '}${text}` : text;
    if ([...lead].length >= LEAD_MIN_CHARS) return { lead, done: true };
  }
  return { lead, done: false };
}

/**
 * The first top-level paragraph with text in a report's body HTML, as plain text, with the next
 * ones while it is shorter than LEAD_MIN_CHARS, shortened to LEAD_MAX_CHARS; '' when the body
 * has no paragraph (a photo report, an empty body).
 *
 * Only the body up to the paragraph that completes the lead is parsed, one more `</p>` at a
 * time: a whole body costs about 1 ms, and every report of a 10k archive appears in some feed.
 */
export function leadOfHtml(html: string | undefined): string {
  if (!html) return '';
  let end = 0;
  for (;;) {
    const close = html.indexOf('</p>', end);
    end = close < 0 ? html.length : close + '</p>'.length;
    const { lead, done } = leadOfFragment(html.slice(0, end));
    if (done || end === html.length) return shortenLead(lead);
  }
}
