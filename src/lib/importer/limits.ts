/**
 * What the importer takes on, written down: a saved news page is rarely over 2 MB and nests
 * elements a few dozen levels deep. Beyond these limits a page is refused with a message (never a
 * crash, never a report cut short), and the run goes on with the next file.
 *
 * - 5 MB per file: a 5 MB page imports in about 3–4 s on 2 cores (measured 2 Dec 2026); the 20 MB
 *   page that used to run for minutes is refused at once.
 * - 400 levels of nesting: Readability and the DOM library recurse per level, and a page nested
 *   10,000 levels deep exhausted the stack; real pages stay under 100.
 * - 30 s per file: enforced by the CLI (scripts/import.ts runs each file in a worker it can stop).
 */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
export const MAX_NESTING_DEPTH = 400;
export const MAX_SECONDS_PER_FILE = 30;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Why the bytes are too big to import, or undefined. */
export function sizeProblem(bytes: number): string | undefined {
  if (bytes <= MAX_INPUT_BYTES) return undefined;
  return `the file is ${megabytes(bytes)}; the importer reads pages up to ${megabytes(MAX_INPUT_BYTES)}. Fix: save only the article (the browser's reader view, or copy its text into a .txt file)`;
}

/** The element tree as the DOM library gives it (linkedom's elements have these links). */
export interface TreeElement {
  firstElementChild: TreeElement | null;
  nextElementSibling: TreeElement | null;
  parentElement: TreeElement | null;
}

/** The deepest element nesting under `root`, walked without recursion; stops counting past `stopAt`. */
export function nestingDepth(root: TreeElement, stopAt = Infinity): number {
  let deepest = 0;
  let depth = 1;
  let node: TreeElement | null = root;
  while (node) {
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return deepest;
}

/** Why the page nests too deep to import, or undefined. */
export function depthProblem(root: TreeElement): string | undefined {
  if (nestingDepth(root, MAX_NESTING_DEPTH) <= MAX_NESTING_DEPTH) return undefined;
  return `the page nests elements more than ${MAX_NESTING_DEPTH} levels deep, which no news page does (a broken or hostile page). Fix: save the article again with the browser's reader view, or copy its text into a .txt file`;
}
