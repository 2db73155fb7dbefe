/**
 * The sentence pool for synthetic reports: real sentences from the raw fixtures and the published
 * reports, cleaned to Simplified Chinese, so that segmentation, index size and search behave as
 * they would on the real archive. Pure: callers pass the texts in.
 */
import * as OpenCC from 'opencc-js';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
// 協(xié) → 協: annotations always carry a tone mark or ü in these sources.
const PINYIN = new RegExp(`\\((?=[a-z${TONED}]*[${TONED}])[a-z${TONED}]{1,6}\\)`, 'gu');
const CJK = /[\u3400-\u9fff]/gu;
const JUNK = /[?*|>\ufffd<{}[\]#_=\\/]|https?:|www\.|\(.*[a-z]{2,}/u;

let toSimplified: ((text: string) => string) | undefined;

function simplify(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return toSimplified(text);
}

/** Splits `text` into clean Simplified sentences (ending in 。！？), dropping breadcrumbs, datelines and scraping debris. */
export function sentencesOf(text: string): string[] {
  const plain = simplify(text.replace(PINYIN, ''))
    // Front matter and Markdown headings are not body text.
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .replace(/^#.*$/gmu, '')
    // Scrapers insert half-width commas next to full-width punctuation.
    .replace(/,(?=[。、，；：！？”）])/gu, '')
    .replace(/,{2,}/gu, '，')
    .replace(/(?<=[\u3400-\u9fff”）])[,](?=[\u3400-\u9fff“（]|$)/gu, '，')
    .replace(/(?<=[\u3400-\u9fff])[;](?=[\u3400-\u9fff])/gu, '；')
    .replace(/(?<=[\u3400-\u9fff])[:](?=[\u3400-\u9fff“])/gu, '：');
  const out: string[] = [];
  for (const line of plain.split(/\n+/u)) {
    const pieces = line.trim().match(/[^。！？]+[。！？]+[”’」』]?/gu) ?? [];
    for (const raw of pieces) {
      const sentence = raw.trim().replace(/^[，、；：\s]+/u, '');
      if (sentence.length < 12 || sentence.length > 160) continue;
      if (JUNK.test(sentence)) continue;
      const cjk = sentence.match(CJK)?.length ?? 0;
      if (cjk / sentence.length < 0.7) continue;
      // Datelines and bylines (本报讯、记者…) belong to one report, not to a synthetic one.
      if (/^(本报讯|记者|通讯员|编辑|来源|责任编辑)/u.test(sentence) || /电\s*[（(]记者/u.test(sentence)) continue;
      out.push(sentence);
    }
  }
  return out;
}

/** All sentences of all texts, in input order, each once. */
export function buildCorpus(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of texts) {
    for (const s of sentencesOf(text)) {
      if (seen.has(s)) continue;
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}
