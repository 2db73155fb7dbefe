import { describe, expect, it } from 'vitest';
import { decodeContentFile, MAX_FILE_BYTES, splitFrontMatter } from '../../../src/lib/check/source-file.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const FILE = 'content/reports/2022/2022-04-01-x.md';

describe(decodeContentFile, () => {
  it('rejects a 5 MB body as too large, without decoding it', () => {
    const head = '---\ntitle: 很长\n---\n\n';
    const bytes = enc(head + '正文'.repeat((5 * 1024 * 1024) / 6));
    expect(bytes.length).toBeGreaterThan(5 * 1024 * 1024 - 10);
    const { text, problems } = decodeContentFile(FILE, bytes);
    expect(text).toBeNull();
    expect(problems.map((p) => [p.code, p.line])).toEqual([['too-large', 1]]);
    expect(problems[0].message).toContain('5.0 MB');
  });
  it('accepts a file just under the limit', () => {
    const bytes = enc('---\ntitle: x\n---\n\n' + 'a'.repeat(MAX_FILE_BYTES - 30));
    expect(decodeContentFile(FILE, bytes).problems).toEqual([]);
  });
  it('treats whitespace-only files as empty', () => {
    expect(decodeContentFile(FILE, enc(' \n\n\t')).problems[0].code).toBe('empty-file');
  });
  it('reports BOM and CRLF together and still returns normalised text', () => {
    const { text, problems } = decodeContentFile(FILE, enc('\ufeff---\r\ntitle: x\r\n---\r\n'));
    expect(problems.map((p) => p.code)).toEqual(['bom', 'crlf']);
    expect(text).toBe('---\ntitle: x\n---\n');
  });
  it('points CRLF at the first line that has it', () => {
    const { problems } = decodeContentFile(FILE, enc('---\ntitle: x\n---\r\n'));
    expect(problems.map((p) => [p.code, p.line])).toEqual([['crlf', 3]]);
  });
  it('names a guessed encoding for non-UTF-8 bytes', () => {
    const { problems } = decodeContentFile(FILE, new Uint8Array([0xd5, 0xfe, 0xd0, 0xad]), () => 'GB18030');
    expect(problems[0].code).toBe('not-utf8');
    expect(problems[0].message).toContain('GB18030');
  });
});

describe(splitFrontMatter, () => {
  it('gives the file lines of front matter and body', () => {
    const { split } = splitFrontMatter(FILE, '---\ntitle: x\ndate: 2022\n---\n\n正文\n');
    expect(split).toMatchObject({ frontMatter: 'title: x\ndate: 2022\n', frontMatterLine: 2, bodyLine: 5 });
  });
  it('tolerates blank lines before the opening ---, as Astro does, and keeps line numbers true', () => {
    const { split } = splitFrontMatter(FILE, '\n\n---\ntitle: x\n---\n正文');
    expect(split?.frontMatterLine).toBe(4);
  });
});
