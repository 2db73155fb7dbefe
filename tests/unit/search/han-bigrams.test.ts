import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHanText, encodeHanText, phraseTokens } from '../../../src/lib/search/han-bigrams.ts';

const rawDir = new URL('../../fixtures/raw/', import.meta.url);
const fixtures = readdirSync(rawDir).sort().map((f) => readFileSync(new URL(f, rawDir), 'utf8'));
/** Whitespace next to Chinese is the one thing the codec does not keep. */
const withoutSpacesNextToHan = (text: string) =>
  text.replace(/\s+/g, ' ').replace(/ ?([\u3400-\u9fff\uf900-\ufaff]+) ?/gu, '$1').trim();

describe(encodeHanText, () => {
  it('leaves text without Chinese unchanged', () => {
    expect(encodeHanText('')).toBe('');
    expect(encodeHanText('GDP 5G 98.1%')).toBe('GDP 5G 98.1%');
  });
  it('writes a run as its bigrams followed by its last character, all ASCII', () => {
    const encoded = encodeHanText('钱塘区').trim().split(' ');
    expect(encoded).toHaveLength(3);
    for (const token of encoded) expect(token).toMatch(/^zq[0-9a-z]{3}([0-9a-z]{3})?$/);
    expect(encoded[0]).toBe(phraseTokens('钱塘')[0]);
    expect(encoded[1]).toBe(phraseTokens('塘区')[0]);
    expect(encoded[2]).toBe(phraseTokens('区')[0]);
  });
});

describe(decodeHanText, () => {
  it('restores a one-character run and neighbouring non-Chinese text', () => {
    expect(decodeHanText(encodeHanText('2024年5G'))).toBe('2024年5G');
    expect(decodeHanText(encodeHanText('增长98.1%，达157.36亿元'))).toBe('增长98.1%，达157.36亿元');
  });
  it('restores every fixture text exactly, whitespace next to Chinese aside', () => {
    for (const text of fixtures) expect(decodeHanText(encodeHanText(text))).toBe(withoutSpacesNextToHan(text));
  });
});

describe(phraseTokens, () => {
  it('gives no tokens for an empty phrase and one token for one character', () => {
    expect(phraseTokens('')).toEqual([]);
    expect(phraseTokens('钱')).toHaveLength(1);
  });
  it('lower-cases and strips punctuation from other words', () => {
    expect(phraseTokens('5G')).toEqual(['5g']);
    expect(phraseTokens('98.1%')).toEqual(['981']);
  });
  it('finds a phrase exactly where the text contains it: every adjacent token run matches a substring', () => {
    // The search contract: a phrase's tokens occur consecutively in a text's tokens iff the text contains it.
    const texts = fixtures.map((t) => t.replace(/\s+/g, ''));
    const tokenised = texts.map((t) => ` ${encodeHanText(t).trim().split(/\s+/).join(' ')} `);
    let checked = 0;
    for (const source of texts) {
      const runs = source.match(/[\u4e00-\u9fff]{5,}/gu) ?? [];
      for (const run of runs.slice(0, 40)) {
        for (const phrase of [run.slice(0, 2), run.slice(1, 4), run.slice(0, 5)]) {
          const joined = ` ${phraseTokens(phrase).join(' ')} `;
          texts.forEach((text, i) => {
            expect(tokenised[i].includes(joined), `${phrase} in fixture ${i}`).toBe(text.includes(phrase));
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
