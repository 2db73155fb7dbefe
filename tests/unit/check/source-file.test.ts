import { describe, expect, it } from 'vitest';
import { decodeContentFile, fixLineEndings, MAX_FILE_BYTES, splitFrontMatter } from '../../../src/lib/check/source-file.ts';

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
  it('warns about BOM and CRLF together and still returns normalised text (and the raw text Astro reads)', () => {
    const { text, raw, problems } = decodeContentFile(FILE, enc('\ufeff---\r\ntitle: x\r\n---\r\n'));
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['bom', 'warning'], ['crlf', 'warning']]);
    expect(text).toBe('---\ntitle: x\n---\n');
    expect(raw).toBe('\ufeff---\r\ntitle: x\r\n---\r\n');
  });
  it('a CR alone is an error at its line', () => {
    const { problems } = decodeContentFile(FILE, enc('---\r\ntitle: x\r---\n'));
    expect(problems.map((p) => [p.code, p.severity, p.line])).toEqual([['crlf', 'error', 2]]);
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

describe(fixLineEndings, () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it('removes a leading BOM and turns CRLF and lone CR into LF, byte for byte, nothing else', () => {
    // BOM, "a\r\n", "b\r", "\xff" (invalid UTF-8 stays), "\r\n", "c" with no final newline, an inner BOM stays.
    const input = bytes(0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0x0d, 0xff, 0x0d, 0x0a, 0xef, 0xbb, 0xbf, 0x63);
    expect([...fixLineEndings(input)!]).toEqual([0x61, 0x0a, 0x62, 0x0a, 0xff, 0x0a, 0xef, 0xbb, 0xbf, 0x63]);
  });
  it('returns null when there is nothing to fix', () => {
    expect(fixLineEndings(enc('---\ntitle: x\n---\n\n正文\n'))).toBeNull();
  });
  it('a fixed report decodes with no BOM or CRLF problems and the same text', () => {
    const original = enc('\ufeff---\r\ntitle: 钱塘\r\n---\r\n\r\n正文\r\n');
    const fixed = fixLineEndings(original)!;
    expect(new TextDecoder().decode(fixed)).toBe('---\ntitle: 钱塘\n---\n\n正文\n');
    expect(decodeContentFile(FILE, fixed).problems).toEqual([]);
  });
});
