/**
 * Small, pure repairs for Chinese text scraped from the web: pinyin annotations, doubled and
 * half-width punctuation, stray spaces between CJK characters, full-width ASCII, and
 * Traditional → Simplified conversion with OpenCC data.
 */
import * as OpenCC from 'opencc-js';

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
const PINYIN = `[a-z${TONED}]{1,6}`;

/** One annotation such as 協(xié): a CJK character followed by toned pinyin in ASCII parentheses. */
const PINYIN_AFTER_CHAR = new RegExp(`([${CJK}])\\((${PINYIN})\\)`, 'gu');
/** A character lost to `?`/U+FFFD before its annotation, e.g. `?yún)` where the `(` went with it. */
const ORPHAN_PINYIN = new RegExp(`[?\\ufffd]+\\(?(${PINYIN})\\)`, 'gu');

/** True when the syllable carries a tone mark or ü, so `(see)` or `(a)` are never taken for pinyin. */
function isTonedPinyin(syllable: string): boolean {
  return new RegExp(`[${TONED}]`, 'u').test(syllable);
}

export interface Repair {
  /** What was taken out, as found. */
  text: string;
  /** Why. */
  reason: string;
}

/** Removes pinyin annotations after characters (協(xié)商 → 協商); returns the text and what it removed. */
export function stripPinyinAnnotations(text: string): { text: string; removed: string[]; orphans: string[] } {
  const removed: string[] = [];
  const orphans: string[] = [];
  let out = text.replace(PINYIN_AFTER_CHAR, (all, char: string, syllable: string) => {
    if (!isTonedPinyin(syllable)) return all;
    removed.push(`(${syllable})`);
    return char;
  });
  out = out.replace(ORPHAN_PINYIN, (all, syllable: string) => {
    if (!isTonedPinyin(syllable)) return all;
    orphans.push(all);
    return '\ufffd';
  });
  return { text: out, removed, orphans };
}

const FULLWIDTH_SPACE = /[\u3000\u00a0\u2002-\u200b\ufeff]/gu;

/** Full-width and other exotic spaces become ASCII spaces; full-width letters and digits become ASCII. */
export function normalizeWidth(text: string): string {
  return text
    .replace(FULLWIDTH_SPACE, ' ')
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * Half-width , ; : ? ! next to Chinese text become full-width (，；：？！). Digits keep their ASCII
 * separators (1,500 and 9:19 stay); parentheses stay as printed (高新区(滨江)).
 */
export function normalizePunctuation(text: string): string {
  const before = new RegExp(`([${CJK}”’）》」』\\)…—%，、。；：？！])\\s*([,;:?!])`, 'gu');
  let out = text.replace(before, (_a, b: string, p: string) => b + HALF_TO_FULL[p]).replace(before, (_a, b: string, p: string) => b + HALF_TO_FULL[p]);
  out = out.replace(new RegExp(`(\\d)([,;:?!])(?=[${CJK}“‘（《])`, 'gu'), (_a, d: string, p: string) => d + HALF_TO_FULL[p]);
  return out;
}

/**
 * Collapses doubled punctuation left by scrapers and converters: `，，` → `，`, `，、` → `、`,
 * `，。` → `。`, `，；` → `；` (the comma is the artefact), `。。` → `。`. Ellipses (……) and dashes stay.
 */
export function collapseDoubledPunctuation(text: string): string {
  return text
    .replace(/，+\s*([，、。；：？！])/gu, '$1')
    .replace(/([、。；：？！])\1+/gu, '$1');
}

/** Redaction asterisks between Chinese characters (共商*传统产业) become ＊, so Markdown cannot read them as emphasis. */
export function markRedactions(text: string): string {
  return text.replace(new RegExp(`(?<=[${CJK}“”，。、；：‘’（(])\\*+|\\*+(?=[${CJK}“”，。、；：‘’）)])`, 'gu'), (stars) => '＊'.repeat(stars.length));
}

let toSimplified: ((s: string) => string) | undefined;

/** Traditional → Simplified (OpenCC `t` → `cn`); Simplified input is returned unchanged. */
export function traditionalToSimplified(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return toSimplified(text);
}

/** `Hant` when converting to Simplified changes a noticeable share of the CJK characters, else `Hans`. */
export function detectScript(text: string): 'Hans' | 'Hant' {
  const sample = [...text.replace(new RegExp(`[^${CJK}]`, 'gu'), '')].slice(0, 4000).join('');
  if (!sample) return 'Hans';
  const converted = traditionalToSimplified(sample);
  let changed = 0;
  const a = [...sample];
  const b = [...converted];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
  // Simplified text still has a few characters OpenCC maps (e.g. 著), so require a real share.
  return changed / a.length > 0.03 ? 'Hant' : 'Hans';
}

// 著 is both zhù (著名, 显著) and the aspect particle zhe/zhuó (保持著 → 保持着); OpenCC keeps 著.
const ZHU_WORDS = /(显著|著名|著作|著称|卓著|论著|名著|编著|原著|专著|巨著|土著|昭著|著述|著录|著书|译著|遗著|合著|新著|拙著|大著|著者|著译|著作权|彰著|著于|著有)/u;

/** Turns the particle 著 into 着 (保持著 → 保持着) while keeping 著 in 著名, 显著 and similar words. */
export function fixParticleZhe(text: string): string {
  if (!text.includes('著')) return text;
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '著') {
      out += chars[i];
      continue;
    }
    const around = chars.slice(Math.max(0, i - 2), i + 3).join('');
    out += ZHU_WORDS.test(around) ? '著' : '着';
  }
  return out;
}
