/**
 * remark-report-mdx-guard: one job, keep code out of content MDX. A report is data, not a
 * program: `import`/`export`, `{expressions}` and `<Components>` would run at build time or in the
 * reader's browser. The build stops with every offending line named, instead of silently
 * dropping them. (npm run check also rejects .mdx under content/reports; this guards the build.)
 *
 * Files in the project's own `src/` (developer pages, reviewed as code) are left alone.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isContentFile } from './rehype-report-sanitize.ts';

export interface Options {
  /** Which files to guard, by path; default: all but the project's src/. */
  include?: (path: string | undefined) => boolean;
}

const WHAT: Record<string, string> = {
  mdxjsEsm: 'import/export 语句 (import/export statement)',
  mdxFlowExpression: '{…} 表达式 ({…} expression)',
  mdxTextExpression: '{…} 表达式 ({…} expression)',
  mdxJsxFlowElement: '<组件> 或 JSX 标签 (<Component> or JSX tag)',
  mdxJsxTextElement: '<组件> 或 JSX 标签 (<Component> or JSX tag)',
};
const emptyOptions: Options = {};

/** Fails the file, listing every line with MDX code, when content MDX contains any. */
export default function remarkReportMdxGuard(options?: Options | null) {
  const settings = options ?? emptyOptions;
  const include = settings.include ?? ((path: string | undefined) => isContentFile(path));
  return function (tree: Root, file: VFile): void {
    if (!include(file.path)) return;
    const found: string[] = [];
    visit(tree, (node) => {
      const what = WHAT[node.type];
      if (what) found.push(`第 ${node.position?.start.line ?? '?'} 行 (line ${node.position?.start.line ?? '?'}): ${what}`);
    });
    if (found.length) {
      file.fail(
        `报道里不能有代码：请把文件改为 .md，并删除下列内容 (reports cannot contain code: rename to .md and remove these):\n  ${found.join('\n  ')}`,
      );
    }
  };
}

export { remarkReportMdxGuard };
