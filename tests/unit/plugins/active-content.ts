/**
 * Test helper: finds anything in an HTML fragment that a browser could execute or that could
 * restyle or redirect the page, parsing it the way browsers do (parse5, the WHATWG algorithm).
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'form', 'meta', 'link', 'base', 'template', 'noscript', 'textarea', 'button', 'video', 'audio']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'srcset', 'xlink:href', 'data', 'poster', 'background', 'cite', 'longdesc', 'content']);

function dangerousUrl(value: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme.
  const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /(^|[\s,;=])(javascript|vbscript|data):/.test(compact) || /^(javascript|vbscript|data):/.test(compact);
}

/** Every active thing in `html`, described; empty when the fragment is inert. */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) {
      if (FORBIDDEN_TAGS.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const { name, value } of node.attrs) {
        if (name.startsWith('on')) found.push(`${node.tagName}[${name}]`);
        if (name === 'style') found.push(`${node.tagName}[style]`);
        if (URL_ATTRS.has(name) && dangerousUrl(value)) found.push(`${node.tagName}[${name}=${value}]`);
      }
      if (node.tagName === 'template' && 'content' in node) node.content.childNodes.forEach(walk);
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html) as unknown as Node);
  return found;
}
