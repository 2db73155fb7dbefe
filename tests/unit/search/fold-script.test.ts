import { describe, expect, it, vi } from 'vitest';

// Counts imports of OpenCC, to prove that Simplified queries never load it.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('opencc-js/t2cn', async (importOriginal) => {
  loads.count++;
  return importOriginal();
});

const { containsTraditional, foldToSimplified, isTraditionalChar } = await import('../../../src/lib/search/fold-script.ts');
const { TRADITIONAL_BITMAP_BASE64 } = await import('../../../src/lib/search/traditional-chars.ts');
const { traditionalBitmapBase64 } = await import('../../../src/lib/search/build/traditional-bitmap-source.ts');

describe(isTraditionalChar, () => {
  it('is false for empty input, ASCII and characters outside U+4E00–U+9FFF', () => {
    expect(isTraditionalChar('')).toBe(false);
    expect(isTraditionalChar('a')).toBe(false);
    expect(isTraditionalChar('〇')).toBe(false);
  });
  it('knows Traditional-only characters from Simplified ones', () => {
    for (const ch of '錢協數經濟質發電') expect(isTraditionalChar(ch), ch).toBe(true);
    for (const ch of '钱协数经济质发电塘商量') expect(isTraditionalChar(ch), ch).toBe(false);
  });
  it('does not flag characters that are standard in Simplified text too (著, 于, 后)', () => {
    for (const ch of '著于后') expect(isTraditionalChar(ch), ch).toBe(false);
  });
});

describe('traditional-chars.ts', () => {
  it('is current with the installed OpenCC tables (regenerate: npx tsx scripts/search/gen-traditional-chars.ts)', async () => {
    expect(TRADITIONAL_BITMAP_BASE64).toBe(await traditionalBitmapBase64());
  });
});

describe(foldToSimplified, () => {
  it('returns Simplified and mixed-script-free queries unchanged without loading OpenCC', async () => {
    for (const q of ['', '钱塘', '民营经济', '数字经济', '高质量发展', '电商', 'ai 5g']) {
      expect(containsTraditional(q)).toBe(false);
      expect(await foldToSimplified(q)).toBe(q);
    }
    expect(loads.count).toBe(0);
  });
  it('folds Traditional queries to the Simplified text of the archive', async () => {
    expect(await foldToSimplified('錢塘')).toBe('钱塘');
    expect(await foldToSimplified('協商')).toBe('协商');
    expect(await foldToSimplified('數字經濟')).toBe('数字经济');
    expect(await foldToSimplified('高質量發展')).toBe('高质量发展');
    expect(await foldToSimplified('電商 產業')).toBe('电商 产业');
    expect(loads.count).toBe(1);
  });
});
