import { describe, expect, it } from 'vitest';
import { LEAD_MAX_CHARS, LEAD_MIN_CHARS, leadOfHtml, shortenLead } from '../../../src/lib/reader/lead.ts';

describe(leadOfHtml, () => {
  it('takes the first paragraph as plain text, without markup', () => {
    expect(leadOfHtml(`<p>8月17日，<strong>楚雄州政协</strong>召开<a href="/x">恳谈会</a>。${'会'.repeat(LEAD_MIN_CHARS)}</p><p>第二段。</p>`)).toBe(`8月17日，楚雄州政协召开恳谈会。${'会'.repeat(LEAD_MIN_CHARS)}`);
  });
  it('skips headings, figures, quotes and empty paragraphs before it', () => {
    expect(leadOfHtml('<h2>小标题</h2><figure><img alt="图" src="/a.png"></figure><blockquote><p>引文</p></blockquote><p> </p><p>导语。</p>')).toBe('导语。');
  });
  it('joins soft line breaks inside Chinese text without a space, and keeps spaces between Latin words', () => {
    expect(leadOfHtml('<p>州政协委员李时云\n建议。GDP growth\nrate</p>')).toBe('州政协委员李时云建议。GDP growth rate');
  });
  it('joins the next paragraphs to a first one too short to say anything', () => {
    const second = '二'.repeat(LEAD_MIN_CHARS);
    expect(leadOfHtml(`<p>又到一年潮起时。</p><p>${second}</p><p>第三段。</p>`)).toBe(`又到一年潮起时。${second}`);
  });
  it('is empty when the body has no paragraph', () => {
    expect(leadOfHtml(undefined)).toBe('');
    expect(leadOfHtml('<figure><img alt="" src="/a.png"></figure>')).toBe('');
  });
});

describe(shortenLead, () => {
  it('keeps a lead within the limit as it is', () => {
    expect(shortenLead('短。', 10)).toBe('短。');
  });
  it('cuts a long lead after its last full sentence within the limit', () => {
    expect(shortenLead('一二三四。五六七八九十一二。', 10)).toBe('一二三四。');
    expect(shortenLead('他说：“好。”然后走了很远很远的路。', 12)).toBe('他说：“好。”');
  });
  it('cuts mid-sentence with …… when no sentence ends early enough', () => {
    expect(shortenLead('一'.repeat(LEAD_MAX_CHARS + 5))).toBe(`${'一'.repeat(LEAD_MAX_CHARS)}……`);
  });
});
