/**
 * What the search index stores for a piece of text, and what a query looks up.
 *
 * Text is read as a stream of units: every Han character is one unit, every run of other letters
 * and digits (5G, GDP, 2025) is one unit, and whitespace and punctuation separate units without
 * taking a position. The index keeps, per report, every Han character (for one-character queries),
 * every pair of adjacent Han characters — the overlapping bigrams of Lucene's CJKAnalyzer, so a
 * phrase is found whatever a dictionary thinks its words are (钱塘 is one token, not 钱|塘) — and
 * every other word, each with the unit positions where it occurs.
 *
 * A query phrase is cut the same way into tokens with their offsets from the phrase's start: a
 * report holds the phrase where every token occurs at (start + offset).
 */
import { toHalfWidth } from '../normalize-query.ts';

const HAN = /\p{Script=Han}/u;
// Letters, digits and combining marks: with HAN, what makes a unit. A Han character is one unit; a
// run of the others (5G, GDP, 2025) is one unit; anything else separates units.
const WORD = /[\p{L}\p{N}\p{M}]/u;

const SEPARATOR = 0;
const HAN_CHAR = 1;
const WORD_CHAR = 2;
/**
 * The class of each code point of the Basic Multilingual Plane, worked out from HAN and WORD the
 * first time it is met (-1 until then). Scanning with this table instead of one regular
 * expression with Unicode property escapes (as until December 2026) makes tokenising several
 * times faster; the classes are the expressions' own, so the units are the same
 * (tests/unit/search/index/tokens.test.ts compares the two).
 */
const bmpClass = new Int8Array(0x10000).fill(-1);

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = bmpClass[cp];
    if (known >= 0) return known;
  }
  const ch = String.fromCodePoint(cp);
  const found = HAN.test(ch) ? HAN_CHAR : WORD.test(ch) ? WORD_CHAR : SEPARATOR;
  if (cp < 0x10000) bmpClass[cp] = found;
  return found;
}

export interface PhraseToken {
  key: string;
  /** Units from the phrase's first unit. */
  offset: number;
  /** The Han character the phrase has right after this token, if any. */
  follower?: string;
}

/** The form text is indexed and queried in: NFC, half-width ASCII, lower case. */
export function foldForIndex(text: string): string {
  return toHalfWidth(text.normalize('NFC')).toLowerCase();
}

interface Unit {
  text: string;
  han: boolean;
  /** True when the previous unit is a Han character directly before this one (no separator). */
  joined: boolean;
}

/** The units of `text` (folded): each Han character, each maximal run of other letters, digits and marks. */
function units(text: string): Unit[] {
  const folded = foldForIndex(text);
  const out: Unit[] = [];
  let hanEnd = -1; // where the last Han unit ended: a Han unit starting there is joined to it
  let i = 0;
  while (i < folded.length) {
    const cp = folded.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const kind = classOf(cp);
    if (kind === HAN_CHAR) {
      out.push({ text: folded.slice(i, i + width), han: true, joined: hanEnd === i });
      i += width;
      hanEnd = i;
    } else if (kind === WORD_CHAR) {
      const start = i;
      i += width;
      while (i < folded.length) {
        const next = folded.codePointAt(i)!;
        if (classOf(next) !== WORD_CHAR) break;
        i += next > 0xffff ? 2 : 1;
      }
      out.push({ text: folded.slice(start, i), han: false, joined: false });
    } else i += width;
  }
  return out;
}

/**
 * Every token of `text` with its position, positions counted from `start`: each Han character,
 * each pair of adjacent Han characters (at the first one's position) and each other word, with
 * the Han character directly after the token when there is one. Returns the position after the
 * last unit, so the next field can start beyond it.
 */
export function textOccurrences(text: string, start: number, emit: (key: string, position: number, follower: string | undefined) => void): number {
  const list = units(text);
  const followerAt = (i: number) => (list[i]?.joined ? list[i].text : undefined);
  for (let i = 0; i < list.length; i++) {
    const unit = list[i];
    const position = start + i;
    emit(unit.text, position, unit.han ? followerAt(i + 1) : undefined);
    if (unit.han && list[i + 1]?.joined) emit(unit.text + list[i + 1].text, position, followerAt(i + 2));
  }
  return start + list.length;
}

/**
 * Where textOccurrencesTo sends the tokens: a token of one or two Han characters of the Basic
 * Multilingual Plane by its UTF-16 code units (`second` −1 for one character), any other token
 * (a word, a Han character beyond the BMP or a pair with one) by its text. `follower` is the code
 * point of the Han character right after the token, or −1.
 */
export interface OccurrenceSink {
  han(first: number, second: number, position: number, follower: number): void;
  other(key: string, position: number, follower: number): void;
}

// textOccurrencesTo's units, one slot each, grown on first use (the page never tokenises this
// way): where the unit starts and ends in the folded text, and its kind (0 a word, 1 a Han
// character, 2 a Han character joined to the one before). Shared, so a sink must not call
// textOccurrencesTo itself.
let unitStart = new Int32Array(0);
let unitEnd = new Int32Array(0);
let unitKind = new Uint8Array(0);

/**
 * textOccurrences without a string or an object per token: the same tokens, positions and
 * followers, in the same order (tests/unit/search/index/tokens.test.ts compares the two). The
 * index builder sends every report through it; at 10,000 reports the strings made for each Han
 * character and each pair were most of the index pass's tokenising.
 */
export function textOccurrencesTo(text: string, start: number, sink: OccurrenceSink): number {
  const folded = foldForIndex(text);
  if (unitStart.length < folded.length) {
    const size = Math.max(folded.length, 1024);
    unitStart = new Int32Array(size);
    unitEnd = new Int32Array(size);
    unitKind = new Uint8Array(size);
  }
  let count = 0;
  let hanEnd = -1;
  for (let i = 0; i < folded.length; ) {
    const cp = folded.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const kind = classOf(cp);
    if (kind === HAN_CHAR) {
      unitStart[count] = i;
      unitKind[count] = hanEnd === i ? 2 : 1;
      i += width;
      unitEnd[count++] = i;
      hanEnd = i;
    } else if (kind === WORD_CHAR) {
      unitStart[count] = i;
      unitKind[count] = 0;
      i += width;
      while (i < folded.length) {
        const next = folded.codePointAt(i)!;
        if (classOf(next) !== WORD_CHAR) break;
        i += next > 0xffff ? 2 : 1;
      }
      unitEnd[count++] = i;
    } else i += width;
  }
  /** The code point of unit u when it is a Han character joined to the one before, else −1. */
  const followerAt = (u: number) => (u < count && unitKind[u] === 2 ? folded.codePointAt(unitStart[u])! : -1);
  for (let u = 0; u < count; u++) {
    const position = start + u;
    const from = unitStart[u];
    const to = unitEnd[u];
    if (unitKind[u] === 0) {
      sink.other(folded.slice(from, to), position, -1);
      continue;
    }
    const pair = u + 1 < count && unitKind[u + 1] === 2;
    const bmp = to - from === 1;
    if (bmp) sink.han(folded.charCodeAt(from), -1, position, followerAt(u + 1));
    else sink.other(folded.slice(from, to), position, followerAt(u + 1));
    if (!pair) continue;
    const nextTo = unitEnd[u + 1];
    if (bmp && nextTo - to === 1) sink.han(folded.charCodeAt(from), folded.charCodeAt(to), position, followerAt(u + 2));
    else sink.other(folded.slice(from, nextTo), position, followerAt(u + 2));
  }
  return start + count;
}

/** followerBit of the character with code point `cp`. */
export function followerBitOf(cp: number): number {
  return 1 << (Math.imul(cp, 0x9e3779b1) >>> 29);
}

/**
 * One of 8 bits for a Han character that follows a token (a one-byte Bloom filter of followers):
 * a report holding 质量 only before other characters cannot hold 质量发展.
 */
export function followerBit(ch: string): number {
  return followerBitOf(ch.codePointAt(0)!);
}

/**
 * The tokens a report must hold for it to contain `phrase`: the bigrams of each Han run (a lone Han
 * character stands for itself) and each other word, with offsets. Empty for a phrase with no
 * letters, digits or Han characters.
 */
export function phraseTokens(phrase: string): PhraseToken[] {
  const list = units(phrase);
  const tokens: PhraseToken[] = [];
  for (let i = 0; i < list.length; i++) {
    const unit = list[i];
    const next = list[i + 1];
    const after = list[i + 2]?.joined ? list[i + 2].text : undefined;
    if (!unit.han) tokens.push({ key: unit.text, offset: i });
    else if (next?.joined) tokens.push(after ? { key: unit.text + next.text, offset: i, follower: after } : { key: unit.text + next.text, offset: i });
    else if (!unit.joined) tokens.push({ key: unit.text, offset: i });
  }
  return tokens;
}

/** True when `ch` is a Han character. */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/**
 * Exactly what the index approximates: true when `phrase`'s tokens all occur in the headline, the
 * text or one of the further fields (reporters, keywords) at one start position (fields do not
 * run into each other). Used to confirm a report
 * that the index matched on positions modulo 7.
 */
export function containsPhrase(title: string, text: string, phrase: string, fields: readonly string[] = []): boolean {
  const tokens = phraseTokens(phrase);
  if (tokens.length === 0) return false;
  const wanted = new Set(tokens.map((t) => t.key));
  const positions = new Map<string, Set<number>>();
  const collect = (key: string, position: number) => {
    if (!wanted.has(key)) return;
    let set = positions.get(key);
    if (!set) positions.set(key, (set = new Set()));
    set.add(position);
  };
  let after = textOccurrences(text, textOccurrences(title, 0, collect) + 1, collect);
  for (const field of fields) after = textOccurrences(field, after + 1, collect);
  const first = positions.get(tokens[0].key);
  if (!first) return false;
  for (const start of first) {
    const at = start - tokens[0].offset;
    if (tokens.every((t) => positions.get(t.key)?.has(at + t.offset))) return true;
  }
  return false;
}
