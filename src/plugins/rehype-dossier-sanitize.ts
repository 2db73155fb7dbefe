/**
 * rehype-dossier-sanitize: a dossier's Markdown gets the reports' sanitiser (no javascript: links,
 * no remote images, no event attributes …), while the embeds stay. hast-util-sanitize drops MDX
 * nodes, so everything around an embed is sanitised piece by piece and the embeds, which
 * remark-dossier-mdx-guard has already checked (known components, literal props), are kept; the
 * text inside a <Quote> is sanitised the same way.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import type { VFile } from 'vfile';
import { isLocalImageUrl } from '../lib/text/body-html.ts';
import { reportSanitizeSchema } from './report-sanitize-schema.ts';
import { isDossierFile } from './remark-dossier-mdx-guard.ts';

type Parent = Root | Element | { type: string; children: RootContent[] };

function isEmbed(node: RootContent): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

// The site makes no third-party requests: an image from another host is dropped, by the reports'
// own address rule (isLocalImageUrl); a dossier image with any srcset is dropped too.
function isRemoteImage(node: Element): boolean {
  const src = node.properties?.src;
  return (node.tagName === 'img' || node.tagName === 'source') && (typeof src !== 'string' || !isLocalImageUrl(src) || node.properties?.srcSet !== undefined);
}

function clean(parent: Parent): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (isEmbed(child)) {
      clean(child as unknown as Parent);
      out.push(child);
    } else if (child.type === 'mdxjsEsm' || child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') {
      // Refused by the guard; dropped here too, should the guard ever be bypassed.
      continue;
    } else if (child.type === 'element' && (child.children as RootContent[]).some(function has(n): boolean { return isEmbed(n) || ('children' in n && (n.children as RootContent[]).some(has)); })) {
      // A paragraph holding an inline embed: sanitise the element itself, keep its embeds.
      const shell = sanitize({ type: 'root', children: [{ ...child, children: [] }] }, reportSanitizeSchema) as Root;
      const kept = shell.children[0] as Element | undefined;
      if (!kept) continue;
      kept.children = child.children as ElementContent[];
      clean(kept);
      out.push(kept);
    } else if (!(child.type === 'element' && isRemoteImage(child))) {
      out.push(...(sanitize({ type: 'root', children: [child] }, reportSanitizeSchema) as Root).children);
    }
  }
  parent.children = out as never;
}

/** Sanitises dossier files (content/dossiers/) around their embeds; leaves every other file alone. */
function dropRemoteImages(node: Parent): void {
  node.children = (node.children as RootContent[]).filter((c) => !(c.type === 'element' && isRemoteImage(c))) as never;
  for (const c of node.children as RootContent[]) if ('children' in c) dropRemoteImages(c as Parent);
}

export default function rehypeDossierSanitize() {
  return function (tree: Root, file: VFile): void {
    if (!isDossierFile(file.path)) return;
    clean(tree);
    dropRemoteImages(tree);
  };
}
