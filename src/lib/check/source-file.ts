/**
 * The byte-level and line-level checks of one content file, before any YAML is parsed: size,
 * binary content, encoding, BOM, CRLF, and splitting the `---` front-matter block from the body.
 */
import { parseFrontMatter, type ParsedFrontMatter } from './front-matter.ts';
import type { Problem } from './problem.ts';

/** Reports are text of a few kilobytes; anything this large is a mistake (a pasted PDF, a log). */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface SplitFile {
  /** Text of the front-matter block (between the two `---` lines), LF line endings. */
  frontMatter: string;
  /** 1-based file line on which the front-matter text starts (the line after the opening `---`). */
  frontMatterLine: number;
  /** The body after the closing `---`. */
  body: string;
  /** 1-based file line of the first body line. */
  bodyLine: number;
}

export interface DecodedFile {
  /** Text with BOM removed and CRLF turned into LF, or null when the bytes are not usable text. */
  text: string | null;
  /** The decoded text as it is (BOM, CRLF), which is what Astro's own parser reads; `text` after a lone CR. */
  raw?: string;
  problems: Problem[];
}

// ignoreBOM keeps the BOM in the text, so that it can be reported rather than silently dropped.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Decodes a file's bytes as UTF-8 and reports what would trip up the site or the editors' tools;
 * the returned text is normalised (no BOM, LF only) so later checks can still run.
 */
export function decodeContentFile(file: string, bytes: Uint8Array, guessEncoding?: (bytes: Uint8Array) => string | undefined): DecodedFile {
  const problems: Problem[] = [];
  const fail = (p: Omit<Problem, 'file' | 'severity'>): DecodedFile => ({
    text: null,
    problems: [{ severity: 'error', file, ...p }],
  });
  if (bytes.length > MAX_FILE_BYTES) {
    return fail({
      code: 'too-large',
      line: 1,
      message: `文件过大：${(bytes.length / 1024 / 1024).toFixed(1)} MB (file too large: ${bytes.length} bytes)`,
      expected: `一篇报道不超过 1 MB 文本 (a report is at most 1 MB of text)`,
      suggestion: '检查是否误粘贴了整版 PDF、日志或重复内容 (check for a pasted PDF, log or repeated text)',
    });
  }
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    return fail({
      code: 'empty-file',
      line: 1,
      message: '文件是空的 (the file is empty)',
      expected: '以 --- 开头的前言块和正文 (a front-matter block starting with --- and a body)',
      example: '---\ntitle: 钱塘江畔迎接高远未来\n…\n---\n\n正文……',
      suggestion: '用 `npm run new` 生成报道骨架 (create a skeleton with `npm run new`)',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail({
      code: 'binary-file',
      line: 1,
      message: '这是二进制文件，不是文本 (this is a binary file, not text)',
      expected: 'UTF-8 编码的 Markdown 文本 (Markdown text in UTF-8)',
      suggestion: '图片等附件请勿以 .md 结尾；Word/PDF 请先转成文本 (do not name attachments .md; convert Word/PDF to text first)',
    });
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const guess = guessEncoding?.(bytes);
    return fail({
      code: 'not-utf8',
      line: 1,
      message: `文件不是 UTF-8 编码${guess ? `，看起来是 ${guess}` : ''} (not UTF-8${guess ? `; looks like ${guess}` : ''})`,
      expected: 'UTF-8 编码 (UTF-8 encoding)',
      suggestion: '在编辑器里“另存为 UTF-8” (save the file as UTF-8 in your editor)',
    });
  }
  const raw = text;
  // Astro and git read a BOM and CRLF fine: warn (the file diffs badly), `npm run check -- --fix` removes them.
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({
      severity: 'warning',
      code: 'bom',
      file,
      line: 1,
      message: '文件开头有 BOM 标记 (the file starts with a byte-order mark)',
      expected: '无 BOM 的 UTF-8 (UTF-8 without BOM)',
      suggestion: '运行 `npm run check -- --fix`，或在编辑器里另存为“UTF-8”而不是“UTF-8 with BOM” (run `npm run check -- --fix`, or save as UTF-8, not UTF-8 with BOM)',
    });
    text = text.slice(1);
  }
  const cr = text.indexOf('\r');
  if (cr !== -1) {
    // A CR without LF (classic Mac) is no line end to Astro: its front matter would not be found.
    const lone = /\r(?!\n)/.exec(text);
    problems.push({
      severity: lone ? 'error' : 'warning',
      code: 'crlf',
      file,
      line: lineOfOffset(text, lone ? lone.index : cr),
      message: lone ? '使用了旧式换行符 CR (old Mac line endings, CR alone)' : '使用了 Windows 换行符 CRLF (Windows line endings, CRLF)',
      expected: 'Unix 换行符 LF (Unix line endings, LF)',
      suggestion: '运行 `npm run check -- --fix`；或在编辑器里把换行符改为 LF，并运行 `git config core.autocrlf input` (run `npm run check -- --fix`, or switch the editor to LF line endings)',
    });
    text = text.replace(/\r\n?/g, '\n');
  }
  // After a lone CR Astro would not find the front matter at all, which is said above: check the rest as LF.
  return { text, raw: problems.some((p) => p.severity === 'error') ? text : raw, problems };
}

/**
 * The bytes with a leading UTF-8 BOM removed and CRLF (or a lone CR) turned into LF, nothing else
 * changed; null when there is nothing to fix. Works on bytes, so invalid UTF-8 elsewhere stays as
 * it was (`npm run check -- --fix`).
 */
export function fixLineEndings(bytes: Uint8Array): Uint8Array | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (!bom && !bytes.includes(0x0d)) return null;
  const out = new Uint8Array(bytes.length - bom);
  let n = 0;
  for (let i = bom; i < bytes.length; i++) {
    if (bytes[i] !== 0x0d) out[n++] = bytes[i];
    else if (bytes[i + 1] !== 0x0a) out[n++] = 0x0a;
  }
  return out.slice(0, n);
}

/** Splits normalised text into front matter and body; reports a missing or unclosed block. */
export function splitFrontMatter(file: string, text: string): { split: SplitFile | null; problems: Problem[] } {
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (lines[first]?.trimEnd() !== '---') {
    return {
      split: null,
      problems: [
        {
          severity: 'error',
          code: 'no-front-matter',
          file,
          line: first + 1,
          message: '文件没有以 --- 开头的前言块 (no front-matter block starting with ---)',
          expected: '第一行是 ---，随后是 key: value 各行，再以 --- 结束 (--- on the first line, key: value lines, then ---)',
          example: '---\ntitle: 钱塘江畔迎接高远未来\ndate: 2022-04-01\n---',
        },
      ],
    };
  }
  const close = lines.findIndex((line, i) => i > first && line.trimEnd() === '---');
  if (close === -1) {
    return {
      split: null,
      problems: [
        {
          severity: 'error',
          code: 'unclosed-front-matter',
          file,
          line: first + 1,
          message: '前言块没有结束的 --- (the front-matter block is never closed with ---)',
          expected: '前言块以单独一行 --- 结束 (a line with only --- ends the block)',
          example: '---\ntitle: …\n---\n\n正文……',
        },
      ],
    };
  }
  return {
    split: {
      frontMatter: lines.slice(first + 1, close).join('\n') + '\n',
      frontMatterLine: first + 2,
      body: lines.slice(close + 1).join('\n'),
      bodyLine: close + 2,
    },
    problems: [],
  };
}

/** A content file read as far as it goes: its problems so far, and its parts when it could be split. */
export interface ReadContentFile {
  problems: Problem[];
  /** Absent when the file could not be decoded or has no front matter block. */
  parts?: { decoded: DecodedFile & { text: string }; split: SplitFile; frontMatter: ParsedFrontMatter };
}

/**
 * Decodes a report or dossier file, splits off its front matter and parses it: the steps every
 * Markdown and MDX file of the archive goes through before its own checks.
 */
export function readContentFile(file: string, bytes: Uint8Array, guessEncoding?: (bytes: Uint8Array) => string | undefined): ReadContentFile {
  const decoded = decodeContentFile(file, bytes, guessEncoding);
  const problems = [...decoded.problems];
  if (decoded.text === null) return { problems };
  const { split, problems: splitProblems } = splitFrontMatter(file, decoded.text);
  problems.push(...splitProblems);
  if (!split) return { problems };
  const frontMatter = parseFrontMatter(file, split.frontMatter, split.frontMatterLine);
  problems.push(...frontMatter.problems);
  return { problems, parts: { decoded: { ...decoded, text: decoded.text }, split, frontMatter } };
}
