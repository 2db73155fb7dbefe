/**
 * What the sanitiser will do to a report body, said in advance: `npm run check` (and so the
 * build) warns where a body's raw HTML is changed on the way to the page, so the editor is never
 * surprised by what the reader sees. The rules themselves live in src/lib/text/body-html.ts,
 * shared with src/plugins/rehype-report-sanitize.ts, so check and build agree.
 *
 * The body is parsed as Markdown (mdast-util-from-markdown, the parser Astro's remark uses), so
 * `<title>` inside `code` or a code block is text and not reported.
 */
import type { Element, Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { escapeSwallowingTags, findSwallowingTags, isLocalImageUrl, isLocalSrcset } from '../text/body-html.ts';
import { bodyImages } from './body-tree.ts';
import type { Problem } from './problem.ts';

function lineAt(text: string, index: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The remote image sources among raw HTML's <img> and <source>, as the sanitiser will see them. */
function remoteImagesInHtml(html: string): { what: string; line: number }[] {
  const out: { what: string; line: number }[] = [];
  const walk = (node: HastNodes) => {
    if (node.type === 'element') {
      const el = node as Element;
      const src = typeof el.properties.src === 'string' ? el.properties.src : undefined;
      const srcset = el.properties.srcSet === undefined ? undefined : [el.properties.srcSet].flat().join(', ');
      const line = (el.position?.start.line ?? 1) - 1;
      if (el.tagName === 'img' && src !== undefined && !isLocalImageUrl(src)) out.push({ what: `<img src="${src}">`, line });
      else if ((el.tagName === 'img' || el.tagName === 'source') && srcset !== undefined && !isLocalSrcset(srcset)) out.push({ what: `<${el.tagName} srcset="${srcset}">`, line });
      else if (el.tagName === 'source' && src !== undefined && !isLocalImageUrl(src)) out.push({ what: `<source src="${src}">`, line });
    }
    if ('children' in node) for (const child of node.children) walk(child as HastNodes);
  };
  walk(fromHtml(escapeSwallowingTags(html), { fragment: true }));
  return out;
}

function droppedImage(file: string, line: number, what: string): Problem {
  return {
    severity: 'warning',
    code: 'external-image',
    file,
    line,
    field: 'body',
    message: `外站图片 ${what} 不会显示，已从网页中删除 (the image ${what} is on another site and is dropped from the page)`,
    expected: '本站图片：放在报道旁边，用相对路径 (an image of this site, next to the report, by relative path)',
    example: '![区政协会议现场](./2022-08-24-hui-yi.jpg)',
    suggestion: '把图片下载到报道所在的文件夹并改用相对路径，或删除这张图 (save the image next to the report and link it by relative path, or delete it)',
  };
}

/** Warnings for a body (its tree from bodyTree): tags shown as text, images from other sites dropped. */
export function bodyProblems(file: string, tree: Root | undefined, bodyLine: number): Problem[] {
  // Most bodies hold no HTML and no image at all: bodyTree did not parse them.
  if (!tree) return [];
  const htmlNodes: Html[] = [];
  visit(tree, 'html', (node) => void htmlNodes.push(node));
  const problems: Problem[] = [];
  for (const image of bodyImages(tree)) {
    if (isLocalImageUrl(image.url)) continue;
    problems.push(droppedImage(file, bodyLine + image.line - 1, `![${image.alt}](${image.url})`));
  }
  const seen = new Set<string>();
  for (const node of htmlNodes) {
    const start = bodyLine + (node.position?.start.line ?? 1) - 1;
    for (const { what, line } of remoteImagesInHtml(node.value)) problems.push(droppedImage(file, start + line, what));
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
