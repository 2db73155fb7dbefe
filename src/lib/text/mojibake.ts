/**
 * Repairs one scraper artefact seen on pages that print pinyin after characters (協(xié)): a GBK byte
 * lost in front of the annotation leaves `?yún)` plus text decoded one byte off. Two shapes are
 * repairable from the bytes themselves:
 *  - `?yún)f(xié)`: the trail byte survived as ASCII (`f` = 0x66) and the next annotation names the
 *    character, so the one GBK character with that trail byte and that pinyin is it (協 = 0x85 0x66);
 *  - `?nèi)翰呷毫`: a run decoded one byte off; re-encoding it and trying every lead and trail byte,
 *    jieba picks the reading that makes words (群策群力). Anything less certain is left marked.
 */
import iconv from 'iconv-lite';
import { cut } from 'jieba-wasm';
import { pinyin } from 'pinyin-pro';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
const SYLLABLE = `[a-z${TONED}]{1,6}`;
const LEAD_LOST = new RegExp(`[?\\ufffd]+${SYLLABLE}\\)([\\x40-\\x7e])\\((${SYLLABLE})\\)`, 'gu');
const SHIFTED_RUN = new RegExp(`[?\\ufffd]+${SYLLABLE}\\)([\\u4e00-\\u9fff]{2,8})(?=[,，。、；;：:！？!?\\s]|$)`, 'gu');

/** The GBK characters whose second byte is `trail` and whose pinyin is `syllable` (usually one). */
export function charsWithTrailByte(trail: string, syllable: string): string[] {
  const out: string[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const ch = GBK.decode(new Uint8Array([lead, trail.charCodeAt(0)]));
    if ([...ch].length === 1 && /[\u4e00-\u9fff]/u.test(ch) && pinyin(ch, { toneType: 'symbol' }) === syllable) out.push(ch);
  }
  return out;
}

/** How word-like a text is for jieba: the sum of squared lengths of its multi-character words. */
function wordiness(text: string): number {
  return cut(text, false).reduce((n, w) => n + (w.length >= 2 ? w.length * w.length : 0), 0);
}

// One WHATWG decoder, reused: creating an iconv decoder per two bytes costs a quarter millisecond.
const GBK = new TextDecoder('gbk');

function decodeGbk(bytes: number[]): string | undefined {
  const s = GBK.decode(new Uint8Array(bytes));
  return /^[\u4e00-\u9fff]+$/u.test(s) ? s : undefined;
}

/** Re-reads a run decoded one byte off (first lead byte and last trail byte lost); undefined when unsure. */
export function realignShiftedRun(before: string, garbage: string, after: string): string | undefined {
  const bytes = [...iconv.encode(garbage, 'gbk')];
  if (bytes.length % 2 !== 0 || bytes.length < 4) return undefined;
  const middle = decodeGbk(bytes.slice(1, -1));
  if (!middle) return undefined;
  const firsts: [string, number][] = [];
  for (let x = 0x81; x <= 0xfe; x++) {
    const c = decodeGbk([x, bytes[0]]);
    if (c) firsts.push([c, wordiness(before.slice(-3) + c + middle)]);
  }
  const lasts: [string, number][] = [];
  for (let y = 0x40; y <= 0xfe; y++) {
    const c = y === 0x7f ? undefined : decodeGbk([bytes[bytes.length - 1], y]);
    if (c) lasts.push([c, wordiness(middle + c + after.slice(0, 3))]);
  }
  const top = (list: [string, number][]) => list.sort((a, b) => b[1] - a[1]).slice(0, 6).map(([c]) => c);
  const ranked = top(firsts)
    .flatMap((f) => top(lasts).map((l) => f + middle + l))
    .map((cand) => ({ cand, score: wordiness(before.slice(-3) + cand + after.slice(0, 3)), whole: cut(cand, false).length === 1 }))
    .sort((a, b) => b.score - a.score);
  // Accept only a reading that jieba knows as one word (an idiom such as 群策群力) and that wins outright.
  const [best, second] = ranked;
  return best && best.whole && (!second || best.score > second.score) ? best.cand : undefined;
}

/** Repairs the two recoverable shapes in a line; returns the line and what it repaired. */
export function repairShiftedGbk(text: string): { text: string; repaired: { from: string; to: string }[] } {
  const repaired: { from: string; to: string }[] = [];
  let out = text.replace(LEAD_LOST, (all, trail: string, syllable: string) => {
    const chars = charsWithTrailByte(trail, syllable);
    if (chars.length !== 1) return all;
    repaired.push({ from: all, to: chars[0] });
    return chars[0];
  });
  out = out.replace(SHIFTED_RUN, (all, garbage: string, offset: number, whole: string) => {
    const fixed = realignShiftedRun(whole.slice(Math.max(0, offset - 4), offset), garbage, whole.slice(offset + all.length, offset + all.length + 4));
    if (!fixed) return all;
    repaired.push({ from: all, to: fixed });
    return fixed;
  });
  return { text: out, repaired };
}
