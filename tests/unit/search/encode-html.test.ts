import { describe, expect, it } from 'vitest';
import { encodeHanInHtml } from '../../../src/lib/search/encode-html.ts';
import { decodeHanText, encodeHanText } from '../../../src/lib/search/han-bigrams.ts';

describe(encodeHanInHtml, () => {
  it('leaves HTML without Chinese text unchanged', () => {
    expect(encodeHanInHtml('')).toBe('');
    expect(encodeHanInHtml('<p class="a">GDP</p>')).toBe('<p class="a">GDP</p>');
  });
  it('encodes text content but not attributes, where filters and metadata live', () => {
    const html = '<h1 data-pagefind-meta="title">钱塘新区</h1><data value="杭州市钱塘区" data-pagefind-filter="district[value]"></data>';
    const out = encodeHanInHtml(html);
    expect(out).toContain('value="杭州市钱塘区"');
    expect(out).toContain(`>${encodeHanText('钱塘新区')}<`);
    expect(decodeHanText(out.replace(/<[^>]*>/g, ' '))).toBe('钱塘新区');
  });
  it('leaves scripts, styles and comments alone', () => {
    const html = '<script>const a = "钱塘";</script><style>/* 钱塘 */</style><!-- 钱塘 --><p>钱塘</p>';
    const out = encodeHanInHtml(html);
    expect(out.startsWith('<script>const a = "钱塘";</script><style>/* 钱塘 */</style><!-- 钱塘 -->')).toBe(true);
    expect(out.endsWith(`<p>${encodeHanText('钱塘')}</p>`)).toBe(true);
  });
});
