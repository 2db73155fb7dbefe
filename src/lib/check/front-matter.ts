/**
 * Parses the front-matter block with the `yaml` package, keeping source positions so that every
 * problem points at the line of its key. Also catches tabs used for indentation, which YAML forbids
 * and which editors cannot see.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { isAliasLimitError, MAX_YAML_ALIASES } from '../text/yaml.ts';
import type { Problem } from './problem.ts';

export interface ParsedFrontMatter {
  /** The data as plain JavaScript, or null when the YAML could not be read. */
  data: Record<string, unknown> | null;
  /** 1-based file line of a field path (the key's line; for list items, the item's line). */
  lineOf: (path: readonly PropertyKey[]) => number;
  /** The scalar at a field path exactly as written in the file (e.g. `54.90`), if there is one. */
  sourceOf: (path: readonly PropertyKey[]) => string | undefined;
  /** Top-level keys in the order written, with their file lines. */
  keys: { key: string; line: number }[];
  problems: Problem[];
}

const YAML_HINTS: Partial<Record<string, { message: string; expected: string; example?: string }>> = {
  DUPLICATE_KEY: {
    message: '同一个字段写了两次 (the same field is written twice)',
    expected: '每个字段只写一次；多个值写成列表 (each field once; several values go in a list)',
    example: 'topics: [private-economy, manufacturing]',
  },
  BAD_INDENT: {
    message: '缩进不对 (wrong indentation)',
    expected: '同一层的行用相同数量的空格缩进 (lines at one level share the same indentation, in spaces)',
  },
  MISSING_CHAR: {
    message: '缺少引号或括号的另一半 (a quote or bracket is not closed)',
    expected: '成对的引号 "…" 和括号 […] (matching quotes and brackets)',
    example: 'title: "钱塘江畔迎接高远未来"',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    message: '冒号后面缺少空格，或多了一行 (a colon lacks its space, or a line is out of place)',
    expected: '每行写作 key: value，冒号后有一个空格 (each line is key: value with a space after the colon)',
    example: 'title: 钱塘江畔迎接高远未来',
  },
  MULTILINE_IMPLICIT_KEY: {
    message: '字段名后缺少冒号，或一个值断成了多行 (a key lacks its colon, or a value runs over several lines)',
    expected: '每行写作 key: value；长文字用引号括起 (key: value per line; quote long text)',
    example: 'title: 钱塘江畔迎接高远未来',
  },
};

function toFileLine(lc: LineCounter, offset: number, firstLine: number): number {
  return lc.linePos(offset).line + firstLine - 1;
}

/**
 * Replaces leading tabs so parsing can go on, reporting each line that had them. A tabbed line
 * under a finished top-level `key: value` cannot be nested, so it goes back to column 0; any
 * other tab becomes two spaces.
 */
function untab(file: string, yamlText: string, firstLine: number): { text: string; problems: Problem[] } {
  const problems: Problem[] = [];
  let topKey: string | undefined;
  let topHasValue = false;
  const lines = yamlText.split('\n').map((line, i) => {
    const lead = /^[ \t]*/.exec(line)![0];
    const key = /^\s*(?:-\s*)?([^:\s]+):/.exec(line)?.[1];
    if (!lead.includes('\t')) {
      if (lead === '' && line.trim() !== '' && !line.startsWith('#')) {
        topKey = key;
        topHasValue = /:\s*\S/.test(line) && !/:\s*[|>]/.test(line);
      }
      return line;
    }
    const nested = !(topHasValue || topKey === undefined);
    const item = /^\s*-/.test(line);
    problems.push({
      severity: 'error',
      code: 'tab-indent',
      file,
      line: firstLine + i,
      field: nested ? [topKey, item ? undefined : key].filter(Boolean).join('.') : key,
      message: '用 Tab 键缩进了 (indented with a tab)',
      expected: 'YAML 只能用空格缩进 (YAML indentation must be spaces)',
      example: nested ? `${topKey}:\n  ${item ? '- ' : ''}${key ?? '…'}: …` : `${key ?? 'title'}: …`,
      suggestion: nested
        ? '把行首的 Tab 换成两个空格 (replace the leading tab with two spaces)'
        : '删掉行首的 Tab (remove the leading tab)',
    });
    return (nested ? lead.replace(/\t/g, '  ') : '') + line.slice(lead.length);
  });
  return { text: lines.join('\n'), problems };
}

function locate(doc: Document, lc: LineCounter, firstLine: number, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  // A missing top-level key has no line of its own: point at the opening `---`.
  return offset === undefined ? firstLine - 1 : toFileLine(lc, offset, firstLine);
}

/** The problem for a document whose aliases expand beyond MAX_YAML_ALIASES, at its first alias. */
function aliasProblem(file: string, lc: LineCounter, firstLine: number, doc: Document, detail: string): Problem {
  let offset = 0;
  visit(doc, {
    Alias: (_key, node) => {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return {
    severity: 'error',
    code: 'yaml-aliases',
    file,
    line: toFileLine(lc, offset, firstLine),
    message: `YAML 别名（*名字）展开过多，可能是“十亿笑声”攻击 (YAML aliases expand too far: more than ${MAX_YAML_ALIASES}, a "billion laughs" bomb?)`,
    expected: '报道的前言块不需要 &锚点 和 *别名；把值直接写出来 (front matter needs no &anchors or *aliases: write the values out)',
    example: 'keywords: [企业, 发展]',
    detail,
  };
}

/** Parses front-matter YAML that starts on file line `firstLine`; never throws. */
export function parseFrontMatter(file: string, yamlText: string, firstLine: number): ParsedFrontMatter {
  const { text, problems } = untab(file, yamlText, firstLine);
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
  const lineOf = (path: readonly PropertyKey[]) => locate(doc, lc, firstLine, path);
  const sourceOf = (path: readonly PropertyKey[]) => {
    const node = doc.getIn(path as unknown[], true);
    return isScalar(node) && node.srcToken && 'source' in node.srcToken ? node.srcToken.source : undefined;
  };
  const yamlLines = text.split('\n');
  for (const error of doc.errors) {
    const line = toFileLine(lc, error.pos[0], firstLine);
    if (error.code === 'TAB_AS_INDENT' && problems.some((p) => p.line === line)) continue;
    const text = yamlLines[line - firstLine] ?? '';
    // `kind:news` is the most common slip; YAML reports it obscurely, so name it.
    const glued = /^\s*([A-Za-z\u4e00-\u9fff]+):(?![\s/])(\S.*)$/u.exec(text);
    const hint = glued
      ? { message: '冒号后缺少空格 (missing space after the colon)', expected: 'key: value，冒号后有一个空格 (a space after the colon)', example: `${glued[1]}: ${glued[2]}` }
      : YAML_HINTS[error.code];
    problems.push({
      severity: 'error',
      code: 'yaml-syntax',
      file,
      line,
      message: `YAML 语法错误：${hint?.message ?? '无法读取这一行 (this line cannot be read)'} (YAML syntax error: ${error.code})`,
      expected: hint?.expected ?? '每行写作 key: value，冒号后有空格 (key: value, with a space after the colon)',
      example: hint?.example ?? 'title: 钱塘江畔迎接高远未来',
      detail: error.message.split('\n')[0],
    });
  }
  const keys = isMap(doc.contents)
    ? doc.contents.items.flatMap((p) =>
        isScalar(p.key) ? [{ key: String(p.key.value), line: toFileLine(lc, p.key.range?.[0] ?? 0, firstLine) }] : [],
      )
    : [];
  if (doc.errors.length) return { data: null, lineOf, sourceOf, keys, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!isAliasLimitError(error)) throw error;
    return { data: null, lineOf, sourceOf, keys, problems: [...problems, aliasProblem(file, lc, firstLine, doc, (error as Error).message)] };
  }
  if (data === null || data === undefined) return { data: {}, lineOf, sourceOf, keys, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      severity: 'error',
      code: 'front-matter-not-mapping',
      file,
      line: firstLine,
      message: '前言块应是 key: value 形式的字段表 (the front matter must be a set of key: value fields)',
      expected: '每行一个字段 (one field per line)',
      example: 'title: 钱塘江畔迎接高远未来',
      detail: `got ${Array.isArray(data) ? 'a list' : typeof data}`,
    });
    return { data: null, lineOf, sourceOf, keys, problems };
  }
  return { data: data as Record<string, unknown>, lineOf, sourceOf, keys, problems };
}
