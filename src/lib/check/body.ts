/**
 * What the sanitiser will do to a report body, said in advance: `npm run check` (and so the
 * build) warns where a body's raw HTML is changed on the way to the page, so the editor is never
 * surprised by what the reader sees. The rules themselves live in src/lib/text/body-html.ts,
 * shared with src/plugins/rehype-report-sanitize.ts, so check and build agree.
 *
 * The body is parsed as Markdown (mdast-util-from-markdown, the parser Astro's remark uses), so
 * `<title>` inside `code` or a code block is text and not reported.
 */
import type { Html, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { findSwallowingTags } from '../text/body-html.ts';
import type { Problem } from './problem.ts';

function lineAt(text: string, index: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function visitHtml(node: Nodes, found: Html[]): void {
  if (node.type === 'html') found.push(node);
  if ('children' in node) for (const child of node.children) visitHtml(child, found);
}

/** Warnings for a body: tags shown as text (and, in item 3, images dropped). */
export function bodyProblems(file: string, body: string, bodyLine: number): Problem[] {
  // Most bodies hold no HTML at all: skip the Markdown parse for them.
  if (!body.includes('<')) return [];
  const htmlNodes: Html[] = [];
  visitHtml(fromMarkdown(body), htmlNodes);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const node of htmlNodes) {
    const start = bodyLine + (node.position?.start.line ?? 1) - 1;
    for (const { tag, index } of findSwallowingTags(node.value)) {
      const name = tag.replace(/^<\/?/u, '').toLowerCase();
      const line = start + lineAt(node.value, index);
      // `<title>…</title>` on one line is one mistake, not two.
      if (seen.has(`${line} ${name}`)) continue;
      seen.add(`${line} ${name}`);
      problems.push({
        severity: 'warning',
        code: 'raw-text-tag',
        file,
        line,
        field: 'body',
        message: `正文里的 ${tag}> 会原样显示为文字 (the ${tag}> in the body is shown as text, not as HTML)`,
        expected: `报道不能含 <${name}> 元素；当作词来写时，它会吞掉其后的文字，所以网站把它显示为文字 (reports cannot contain <${name}>; as HTML it would hide the text after it, so the site shows it as text)`,
        example: `网页的 \`<${name}>\` 标签`,
        suggestion: `当作词时请写在反引号里：\`<${name}>\`；否则删除它 (write it in backticks as \`<${name}>\` if it is a word, otherwise delete it)`,
      });
    }
  }
  return problems;
}
