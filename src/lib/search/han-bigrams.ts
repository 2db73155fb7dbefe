/**
 * The search index's view of Chinese text: overlapping character bigrams, written as ASCII tokens.
 *
 * Why: Pagefind splits Chinese into words with jieba when indexing and with the browser's
 * Intl.Segmenter (ICU) when searching. The two disagree, and neither knows place names or our
 * domain terms: ICU splits 钱塘 → 钱|塘, 民营 → 民|营, 电商 → 电|商, so a query matches any page
 * holding words that start with 钱 and 塘 anywhere (measured on the fixtures: 59% precision,
 * 96% of queries finding every page that contains them). Overlapping bigrams — what Lucene's
 * CJKAnalyzer does — make a phrase search an exact substring search, whatever the dictionary.
 *
 * Why ASCII: the browser re-segments every query with ICU, which would cut a bigram such as 量发
 * in two; a run of ASCII letters and digits is one word to ICU and to Pagefind, so our tokens
 * survive both untouched. Each Han character becomes 3 base-36 digits; a token is `zq` + one
 * character (a run's last character, so single-character queries find every occurrence) or
 * `zq` + two characters (a bigram). Decoding is exact for the Chinese text; only whitespace next
 * to Chinese runs is not kept (Chinese text has none worth keeping).
 */

const LEAD = 'zq';
// CJK Unified Ideographs with Extension A (U+3400–U+9FFF) and Compatibility Ideographs
// (U+F900–U+FAFF): 28,160 code points, all below 36³ = 46,656.
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const COMPAT_START = 0xf900;
const COMPAT_OFFSET = 0x9fff - 0x3400 + 1;
const TOKEN = /^zq([0-9a-z]{3})([0-9a-z]{3})?$/;

function encodeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const n = cp >= COMPAT_START ? COMPAT_OFFSET + cp - COMPAT_START : cp - 0x3400;
  return n.toString(36).padStart(3, '0');
}

function decodeChar(digits: string): string {
  const n = parseInt(digits, 36);
  return String.fromCodePoint(n >= COMPAT_OFFSET ? COMPAT_START + n - COMPAT_OFFSET : 0x3400 + n);
}

/** True when `ch` is one Han character that this codec encodes. */
export function isEncodableHan(ch: string): boolean {
  return /^[\u3400-\u9fff\uf900-\ufaff]$/u.test(ch);
}

/** The tokens of one Han run: its bigrams, then its last character alone. */
function runTokens(run: string): string[] {
  const chars = [...run].map(encodeChar);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(LEAD + chars[i] + chars[i + 1]);
  tokens.push(LEAD + chars[chars.length - 1]);
  return tokens;
}

/** Text with every Han run replaced by its space-separated tokens; all other text unchanged. */
export function encodeHanText(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${runTokens(run).join(' ')} `);
}

/**
 * The exact inverse of encodeHanText for the Chinese text (whitespace next to Han runs aside):
 * tokens become characters again and the spaces put around runs are removed.
 */
export function decodeHanText(encoded: string): string {
  const parts = encoded.split(/(\s+)/);
  let out = '';
  // What the previous non-space part was: a bigram still inside a run, the end of a run, or plain text.
  let previous: 'bigram' | 'end' | 'plain' | 'none' = 'none';
  for (const part of parts) {
    if (!part) continue;
    if (/^\s+$/.test(part)) continue;
    const m = TOKEN.exec(part);
    if (!m) {
      if (previous === 'plain') out += ' ';
      out += part;
      previous = 'plain';
    } else if (m[2]) {
      // A bigram continues a run (add its second character) or opens one (add both).
      out += previous === 'bigram' ? decodeChar(m[2]) : decodeChar(m[1]) + decodeChar(m[2]);
      previous = 'bigram';
    } else {
      // A lone character ends the run it follows, or is a one-character run of its own.
      if (previous !== 'bigram') out += decodeChar(m[1]);
      previous = 'end';
    }
  }
  return out;
}

/**
 * The index tokens that a phrase must match, in order: one bigram token per adjacent pair of Han
 * characters (a lone Han character gives its one-character token, which Pagefind's prefix match
 * extends to every bigram starting with it); other words are kept as they are, lower-cased.
 */
export function phraseTokens(phrase: string): string[] {
  const tokens: string[] = [];
  const pieces = phrase.replace(HAN_RUN, (run) => ` \u0000${run} `).split(/\s+/).filter(Boolean);
  for (const piece of pieces) {
    if (piece.startsWith('\u0000')) {
      const chars = [...piece.slice(1)].map(encodeChar);
      if (chars.length === 1) tokens.push(LEAD + chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(LEAD + chars[i] + chars[i + 1]);
    } else {
      const word = piece.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (word) tokens.push(word);
    }
  }
  return tokens;
}
