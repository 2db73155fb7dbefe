/** Step: repairs every line (width, pinyin annotations, Traditional → Simplified, punctuation). */
import {
  collapseDoubledPunctuation,
  detectScript,
  fixParticleZhe,
  markRedactions,
  normalizePunctuation,
  normalizeWidth,
  stripPinyinAnnotations,
  traditionalToSimplified,
} from '../../text/chinese.ts';
import { repairShiftedGbk } from '../../text/mojibake.ts';
import type { Issue, Line, PageMeta, Step } from '../types.ts';

/** Spaces inside letter-spaced runs (中 国 人 民) and next to CJK punctuation are artefacts; spaces between words stay. */
export function removeStrayCjkSpaces(text: string): string {
  let out = text.replace(/(?<![\u4e00-\u9fff])((?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff])(?![\u4e00-\u9fff])/gu, (run: string) => run.replace(/ /gu, ''));
  out = out.replace(/([，。、；：？！“‘（《])[ \t]+/gu, '$1').replace(/[ \t]+([，。、；：？！”’）》])/gu, '$1');
  return out.replace(/[ \t]{2,}/gu, ' ').trim();
}

/** One line's repairs, in a fixed order; returns the pinyin it removed. */
export function repairLine(text: string): { text: string; pinyin: string[]; orphans: string[]; repaired: { from: string; to: string }[] } {
  const widened = normalizeWidth(text);
  const { text: realigned, repaired } = /[?\ufffd][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/u.test(widened) ? repairShiftedGbk(widened) : { text: widened, repaired: [] };
  const { text: noPinyin, removed, orphans } = stripPinyinAnnotations(realigned);
  const simplified = fixParticleZhe(traditionalToSimplified(noPinyin));
  const punctuated = markRedactions(collapseDoubledPunctuation(normalizePunctuation(simplified)));
  return { text: removeStrayCjkSpaces(punctuated), pinyin: removed, orphans, repaired };
}

/** A very long line that holds several paragraphs glued with spaces (`…之路。 近年来…`) is split there. */
export function splitGluedParagraphs(line: Line): Line[] {
  if (line.text.length < 200) return [line];
  const parts = line.text.split(/(?<=[。！？”…])\s+(?=[\u4e00-\u9fff“（(《0-9一二三四五六七八九十])/u);
  return parts.filter((p) => p.trim()).map((text) => ({ ...line, text: text.trim() }));
}

/** The page's own statements (title, site, source, authors) in the script the body is converted to. */
function simplifiedMeta(meta: PageMeta): PageMeta {
  const convert = (text: string) => fixParticleZhe(traditionalToSimplified(text));
  const out: PageMeta = { ...meta };
  for (const key of ['title', 'siteName', 'outlet', 'shownSource', 'shownSourceLine', 'shownDateLine'] as const) {
    const value = out[key];
    if (value) out[key] = convert(value);
  }
  for (const key of ['authors', 'keywords', 'shownAuthors'] as const) {
    const value = out[key];
    if (value) out[key] = value.map(convert);
  }
  return out;
}

export const normalizeLines: Step = (doc) => {
  const issues: Issue[] = [];
  const pinyin: string[] = [];
  const originalScript = detectScript(doc.lines.map((l) => l.text).join('\n'));
  const lines: Line[] = [];
  for (const line of doc.lines) {
    const repaired = repairLine(line.text);
    pinyin.push(...repaired.pinyin);
    for (const fix of repaired.repaired) {
      issues.push({ code: 'repaired-mojibake', line: line.n, message: `line ${line.n}: repaired GBK bytes shifted by the scraper: “${fix.from}” → “${fix.to}” — check against the original.` });
    }
    for (const orphan of repaired.orphans) {
      issues.push({ code: 'damaged-character', line: line.n, message: `line ${line.n}: a character was lost before its pinyin (${orphan}); marked as � — check against the original.` });
    }
    if (repaired.text) lines.push(...splitGluedParagraphs({ ...line, text: repaired.text }));
  }
  const removed = [...doc.removed];
  if (pinyin.length) {
    const sample = [...new Set(pinyin)].slice(0, 12).join(' ');
    removed.push({ text: `${sample}${pinyin.length > 12 ? ' …' : ''}`, reason: `${pinyin.length} pinyin annotations after characters (協(xié)商 → 协商)` });
  }
  if (originalScript === 'Hant') issues.push({ code: 'converted-script', message: 'The original is in Traditional characters; converted to Simplified with OpenCC (originalScript: Hant).' });
  const damaged = lines.reduce((n, l) => n + (l.text.match(/\ufffd/gu) ?? []).length, 0);
  if (damaged) issues.push({ code: 'damaged-text', message: `${damaged} damaged character${damaged === 1 ? '' : 's'} (�) in the text; compare with the original page.` });
  const meta = originalScript === 'Hant' ? simplifiedMeta(doc.meta) : doc.meta;
  return { doc: { ...doc, lines, removed, originalScript, meta }, issues };
};
