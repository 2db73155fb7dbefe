import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { convertTree, newConversionRecord, restoreTree } from '../../../src/client/reader/script-convert.ts';

// A stand-in for OpenCC: enough characters to see what was converted.
const toHant = (s: string) => s.replace(/协/g, '協').replace(/档/g, '檔').replace(/区/g, '區');

function page(body: string) {
  return parseHTML(`<!doctype html><html lang="zh-Hans"><body>${body}</body></html>`).document;
}

describe(convertTree, () => {
  it('leaves a page without Chinese untouched and records nothing', () => {
    const doc = page('<p>abc 123</p>');
    const record = newConversionRecord();
    convertTree(doc.body, toHant, record);
    expect(record.texts.size).toBe(0);
  });
  it('converts text and labelling attributes, but not code, scripts or marked subtrees', () => {
    const doc = page(
      '<p title="协商">协商档案</p><code>协</code><script>"协"</script><div class="ignore-opencc">协</div><input placeholder="钱塘区">',
    );
    convertTree(doc.body, toHant, newConversionRecord());
    expect(doc.querySelector('p')!.textContent).toBe('協商檔案');
    expect(doc.querySelector('p')!.getAttribute('title')).toBe('協商');
    expect(doc.querySelector('input')!.getAttribute('placeholder')).toBe('钱塘區');
    expect(doc.querySelector('code')!.textContent).toBe('协');
    expect(doc.querySelector('script')!.textContent).toBe('"协"');
    expect(doc.querySelector('.ignore-opencc')!.textContent).toBe('协');
  });
  it('leaves text added later inside a marked subtree as written (a toggle relabelling itself)', () => {
    const doc = page('<button class="ignore-opencc"><span>简</span></button>');
    const span = doc.querySelector('span')!;
    span.textContent = '繁→简';
    convertTree(span.firstChild!, (s) => s.replace(/简/g, '簡'), newConversionRecord());
    expect(span.textContent).toBe('繁→简');
  });
});

describe(restoreTree, () => {
  it('gives back exactly the original text, even after converting twice', () => {
    const doc = page('<h1>协商档案</h1><p aria-label="钱塘区">钱塘区</p>');
    const before = doc.body.innerHTML;
    const record = newConversionRecord();
    convertTree(doc.body, toHant, record);
    convertTree(doc.body, toHant, record);
    restoreTree(record);
    expect(doc.body.innerHTML).toBe(before);
    expect(record.texts.size).toBe(0);
  });
  it('keeps text the page rewrote after conversion', () => {
    const doc = page('<p id="live">协商</p>');
    const record = newConversionRecord();
    convertTree(doc.body, toHant, record);
    doc.getElementById('live')!.firstChild!.textContent = '新的结果';
    restoreTree(record);
    expect(doc.getElementById('live')!.textContent).toBe('新的结果');
  });
});
