/**
 * Astro reads front matter with js-yaml, the checker with `yaml` (for line numbers). The two
 * disagree on a few corner cases, so after our own parse succeeds we also ask Astro's parser:
 * whatever would stop the build must be in the checker's list too.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Problem } from './problem.ts';

interface YamlException {
  reason?: string;
  message: string;
  mark?: { line: number };
}

/** A problem when Astro's own front-matter parser rejects `text`; line of the opening `---` is `openLine`. */
export function astroFrontMatterProblem(file: string, text: string, openLine: number): Problem | undefined {
  try {
    parseFrontmatter(text);
    return undefined;
  } catch (error) {
    const e = error as YamlException;
    // Astro hands js-yaml the text from just after the opening `---`, so mark line 0 is that line.
    const line = e.mark ? openLine + e.mark.line : openLine;
    return {
      severity: 'error',
      code: 'yaml-syntax',
      file,
      line,
      message: `YAML 语法错误：网站构建无法读取这一行 (YAML syntax error: the site build cannot read this line)`,
      expected: '每行写作 key: value，冒号后有空格；含冒号的文字加引号 (key: value; quote text that contains a colon)',
      example: 'title: "钱塘江畔: 迎接高远未来"',
      detail: (e.reason ?? e.message).split('\n')[0],
    };
  }
}
