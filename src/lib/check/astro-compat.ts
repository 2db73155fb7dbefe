/**
 * Astro reads front matter with js-yaml, the checker with `yaml` (for line numbers). The two
 * disagree on a few corner cases, so after our own parse succeeds we also ask Astro's parser:
 * whatever would stop the build must be in the checker's list too. Two kinds of disagreement:
 * js-yaml rejects text `yaml` accepts (a syntax problem), or both read it but to different values
 * (js-yaml's YAML 1.1 timestamps make `keywords: [2022-05-18]` a Date, which the schema refuses).
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { formatFieldPath, type Problem } from './problem.ts';

interface YamlException {
  reason?: string;
  message: string;
  mark?: { line: number };
}

/** The front matter as the build reads it, or the problem when Astro's parser rejects `text`. */
export interface AstroReading {
  data?: Record<string, unknown>;
  problem?: Problem;
}

/** Reads `text` with Astro's own front-matter parser; line of the opening `---` is `openLine`. */
export function astroFrontMatter(file: string, text: string, openLine: number): AstroReading {
  try {
    return { data: parseFrontmatter(text).frontmatter };
  } catch (error) {
    const e = error as YamlException;
    // Astro hands js-yaml the text from just after the opening `---`, so mark line 0 is that line.
    const line = e.mark ? openLine + e.mark.line : openLine;
    return {
      problem: {
        severity: 'error',
        code: 'yaml-syntax',
        file,
        line,
        message: `YAML 语法错误：网站构建无法读取这一行 (YAML syntax error: the site build cannot read this line)`,
        expected: '每行写作 key: value，冒号后有空格；含冒号的文字加引号 (key: value; quote text that contains a colon)',
        example: 'title: "钱塘江畔: 迎接高远未来"',
        detail: (e.reason ?? e.message).split('\n')[0],
      },
    };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * Paths (shallowest first) where the checker's reading and the build's reading differ. Only walks
 * as deep as the checker's data, which `yaml` already bounded (aliases, see MAX_YAML_ALIASES).
 */
export function readingDifferences(ours: unknown, theirs: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    if (ours.length !== theirs.length) return [path];
    return ours.flatMap((v, i) => readingDifferences(v, theirs[i], [...path, i]));
  }
  if (isRecord(ours) && isRecord(theirs)) {
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
    return [...keys].flatMap((k) => readingDifferences(ours[k], theirs[k], [...path, k]));
  }
  if (ours instanceof Date && theirs instanceof Date) return ours.getTime() === theirs.getTime() ? [] : [path];
  return Object.is(ours, theirs) ? [] : [path];
}

function describeValue(v: unknown): [zh: string, en: string] {
  if (v instanceof Date) return ['日期', 'a date'];
  if (typeof v === 'number') return ['数字', 'a number'];
  if (typeof v === 'boolean') return ['真假值', 'true/false'];
  if (v === null || v === undefined) return ['空值', 'nothing'];
  if (Array.isArray(v)) return ['列表', 'a list'];
  if (typeof v === 'object') return ['字段表', 'a mapping'];
  return [`“${String(v)}”`, `"${String(v)}"`];
}

/** What the checker needs to report a misread value: lines and the source text of scalars. */
export interface MisreadContext {
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number;
  sourceOf: (path: readonly PropertyKey[]) => string | undefined;
}

/**
 * One problem per path where the build reads a different value than the checker and the build's
 * schema then refuses it. `rejected` are the schema's issue paths for the build's reading; a
 * difference the schema accepts (an unquoted `date:` is a Date there, and dates are welcome) is
 * not a problem.
 */
export function misreadProblems(ctx: MisreadContext, ours: unknown, theirs: unknown, rejected: readonly (readonly PropertyKey[])[]): Problem[] {
  const within = (inner: readonly PropertyKey[], outer: readonly PropertyKey[]) => outer.every((s, i) => String(inner[i]) === String(s));
  const out: Problem[] = [];
  for (const path of readingDifferences(ours, theirs)) {
    if (!rejected.some((issue) => within(issue, path) || within(path, issue))) continue;
    const value = (p: unknown) => path.reduce<unknown>((v, s) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[s] : undefined), p);
    const written = ctx.sourceOf(path) ?? String(value(ours));
    const key = path.at(-1);
    const quoted = `"${written.replace(/["\\]/g, '\\$&')}"`;
    const [zh, en] = describeValue(value(theirs));
    out.push({
      severity: 'error',
      code: 'needs-quotes',
      file: ctx.file,
      line: ctx.lineOf(path),
      field: formatFieldPath(path),
      message: `网站构建把 ${written} 读成${zh}，不是文字 (the site build reads ${written} as ${en}, not text)`,
      expected: '像日期、数字、true/false 的文字要加引号 (quote text that looks like a date, a number or true/false)',
      // A list item: show it in its list, as editors write lists (keywords: ["2022-05-18"]).
      example: typeof key === 'number' ? `${String(path.at(-2) ?? 'keywords')}: [${quoted}]` : `${String(key)}: ${quoted}`,
      suggestion: `写成 ${quoted} (write it as ${quoted})`,
    });
  }
  return out;
}
