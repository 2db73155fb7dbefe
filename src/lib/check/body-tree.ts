/**
 * A report body as the build's Markdown parser reads it (mdast-util-from-markdown, what Astro's
 * remark uses), parsed once for every body check (src/lib/check/body.ts, images.ts), and its
 * images found the way Astro's remark-collect-images finds them: `![](…)`, and `![][ref]` through
 * its definition.
 */
import type { Root } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';

/** The body's tree; undefined when it holds neither `<` nor `![` (most bodies: nothing to check, no parse). */
export function bodyTree(body: string): Root | undefined {
  return body.includes('<') || body.includes('![') ? fromMarkdown(body) : undefined;
}

export interface BodyImage {
  /** The address as written (a reference's through its definition). */
  url: string;
  alt: string;
  /** Line within the body, 1-based. */
  line: number;
}

/** Every image of the body with an address (a reference without its definition has none). */
export function bodyImages(tree: Root): BodyImage[] {
  const definition = definitions(tree);
  const out: BodyImage[] = [];
  visit(tree, (node) => {
    const url = node.type === 'image' ? node.url : node.type === 'imageReference' ? definition(node.identifier)?.url : undefined;
    if (url) out.push({ url, alt: ('alt' in node ? node.alt : '') ?? '', line: node.position?.start.line ?? 1 });
  });
  return out;
}
