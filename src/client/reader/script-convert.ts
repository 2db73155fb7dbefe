/**
 * Converting a page between Simplified and Traditional text in place, and back. DOM-only and
 * converter-agnostic, so it runs in the browser with OpenCC and in tests with a stub.
 */

/** A string-to-string conversion, e.g. OpenCC's cn → tw converter. */
export type Convert = (text: string) => string;

// Text inside these never changes: code, scripts, styles, and anything marked by the page.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'CODE', 'PRE', 'KBD', 'SAMP', 'TEXTAREA', 'TEMPLATE']);
const ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'alt'] as const;
const KEEP_SELECTOR = '.ignore-opencc, [data-script-keep]';

/** The originals of everything converted, so `restore` gives back exactly what was there. */
export interface ConversionRecord {
  /** Text node → [original, converted]. */
  texts: Map<Text, [string, string]>;
  /** Element → attribute name → [original, converted]. */
  attributes: Map<Element, Map<string, [string, string]>>;
}

/** An empty record. */
export function newConversionRecord(): ConversionRecord {
  return { texts: new Map(), attributes: new Map() };
}

function keeps(el: Element): boolean {
  return SKIP.has(el.tagName) || el.closest(KEEP_SELECTOR) !== null;
}

function convertElementAttributes(el: Element, convert: Convert, record: ConversionRecord): void {
  for (const name of ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (!value) continue;
    const next = convert(value);
    if (next === value) continue;
    const saved = record.attributes.get(el) ?? new Map<string, [string, string]>();
    saved.set(name, [saved.get(name)?.[0] ?? value, next]);
    record.attributes.set(el, saved);
    el.setAttribute(name, next);
  }
}

function walk(node: Node, convert: Convert, record: ConversionRecord): void {
  if (node.nodeType === 3) {
    const text = node as Text;
    const value = text.data;
    if (!/[\u3400-\u9fff]/.test(value)) return;
    const next = convert(value);
    if (next === value) return;
    record.texts.set(text, [record.texts.get(text)?.[0] ?? value, next]);
    text.data = next;
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  if (keeps(el)) return;
  convertElementAttributes(el, convert, record);
  for (let child = el.firstChild; child; child = child.nextSibling) walk(child, convert, record);
}

/**
 * Converts the text nodes and the title/aria-label/placeholder/alt attributes under `root`,
 * remembering originals in `record`. Skips code, scripts and `.ignore-opencc` subtrees.
 */
export function convertTree(root: Node, convert: Convert, record: ConversionRecord): void {
  // Text added later (a toggle's new label) inside a kept subtree stays as written: its element is
  // the one that says "keep", not the text node the MutationObserver hands over.
  const parent = root.nodeType === 3 ? root.parentElement : null;
  if (parent && keeps(parent)) return;
  walk(root, convert, record);
}

/**
 * Puts every recorded original back and empties the record. Text the page changed since the
 * conversion (live search results, say) is left as the page wrote it.
 */
export function restoreTree(record: ConversionRecord): void {
  for (const [text, [original, converted]] of record.texts) if (text.data === converted) text.data = original;
  for (const [el, saved] of record.attributes) {
    for (const [name, [original, converted]] of saved) if (el.getAttribute(name) === converted) el.setAttribute(name, original);
  }
  record.texts.clear();
  record.attributes.clear();
}
