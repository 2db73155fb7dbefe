/**
 * Per-page OpenCC dictionaries for the 简/繁 switch. OpenCC's Simplified → Traditional data is
 * about 1 MB (438 kB gzipped); a page needs only the entries whose source text occurs in it. A
 * converter built from exactly those entries gives the same output as the full one on that page:
 * OpenCC converts by longest match at each position, and every key that could match anywhere in
 * the page is in the subset. Phrases stay phrase-correct (发展→發展, 头发→頭髮) because the phrase
 * entries are kept, not just a character table.
 *
 * Pure and data-driven: the caller passes OpenCC's dictionary strings (opencc-js/dict/*, the
 * source of truth) and the page's text; the build writes the result next to the page.
 */

/** OpenCC's serialized form: "source target|source target|…" (extra targets are ignored, as opencc-js does). */
export type SerializedDict = string;

/** One conversion stage: source → target, already resolved across the stage's dictionaries. */
export type Stage = ReadonlyMap<string, string>;

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Set when a key ends here. */
  key?: string;
}

/** A stage plus a code-point trie over its keys, to find every key occurring in a text. */
export interface StageIndex {
  entries: Stage;
  root: TrieNode;
}

/**
 * Merges a dictionary group the way opencc-js does (`Trie.loadDictGroup`): the first dictionary
 * wins for a key present in several (STPhrases before STCharacters), and within one dictionary the
 * last line wins.
 */
export function stageIndex(group: readonly SerializedDict[]): StageIndex {
  const entries = new Map<string, string>();
  for (const dict of [...group].reverse()) {
    if (dict === '') continue;
    for (const line of dict.split('|')) {
      const [source, target] = line.split(' ');
      if (source && target !== undefined) entries.set(source, target);
    }
  }
  const root: TrieNode = { next: new Map() };
  for (const key of entries.keys()) {
    let node = root;
    for (const ch of key) {
      const cp = ch.codePointAt(0)!;
      let child = node.next.get(cp);
      if (!child) node.next.set(cp, (child = { next: new Map() }));
      node = child;
    }
    node.key = key;
  }
  return { entries, root };
}

/** Adds to `found` every key of `index` that occurs somewhere in `text`. */
export function collectKeys(index: StageIndex, text: string, found: Set<string>): void {
  for (let i = 0; i < text.length; i++) {
    let node: TrieNode | undefined = index.root;
    for (let j = i; j < text.length && node; ) {
      const cp = text.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      node = node.next.get(cp);
      if (node?.key !== undefined) found.add(node.key);
    }
  }
}

/** Longest-match conversion with one stage, as opencc-js's `Trie.convert` does it. */
export function convertWith(index: StageIndex, text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    let node: TrieNode | undefined = index.root;
    let end = 0;
    let value: string | undefined;
    for (let j = i; j < text.length && node; ) {
      const cp = text.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      node = node.next.get(cp);
      if (node?.key !== undefined) {
        end = j;
        value = index.entries.get(node.key);
      }
    }
    if (value !== undefined) {
      out += value;
      i = end;
    } else {
      const step = text.codePointAt(i)! > 0xffff ? 2 : 1;
      out += text.slice(i, i + step);
      i += step;
    }
  }
  return out;
}

/** The entries of `index` whose keys are in `keys`, serialized in code-unit order (deterministic bytes). */
export function serializeSubset(index: StageIndex, keys: Iterable<string>): SerializedDict {
  return [...new Set(keys)]
    .sort()
    .map((k) => `${k} ${index.entries.get(k)}`)
    .join('|');
}

/** What a page fetches when its reader asks for Traditional text. */
export interface PageDictionary {
  /** Simplified → Traditional (OpenCC s2t: STPhrases, STCharacters). */
  cn: SerializedDict;
  /** Traditional → Taiwan forms, applied to the output of `cn`. */
  tw: SerializedDict;
  /** Traditional → Hong Kong forms, applied to the output of `cn`. */
  hk: SerializedDict;
}

/** The three stages of the site's conversion, from OpenCC's dictionary strings. */
export interface ScriptStages {
  cn: StageIndex;
  tw: StageIndex;
  hk: StageIndex;
}

/** Keys each stage needs for a set of texts; accumulate over a page, then serialize. */
export interface PageKeys {
  cn: Set<string>;
  tw: Set<string>;
  hk: Set<string>;
}

export function newPageKeys(): PageKeys {
  return { cn: new Set(), tw: new Set(), hk: new Set() };
}

/**
 * Records what converting `text` needs. Each text node is converted on its own in the browser,
 * so texts are passed one by one: a phrase spanning two nodes is never matched there either.
 * The second stage sees the first stage's output, so its keys are looked up in that.
 */
export function addText(stages: ScriptStages, keys: PageKeys, text: string): void {
  if (!/[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u.test(text)) return;
  collectKeys(stages.cn, text, keys.cn);
  const traditional = convertWith(stages.cn, text);
  collectKeys(stages.tw, traditional, keys.tw);
  collectKeys(stages.hk, traditional, keys.hk);
}

/** The page's dictionary from the keys it needs. */
export function pageDictionary(stages: ScriptStages, keys: PageKeys): PageDictionary {
  return { cn: serializeSubset(stages.cn, keys.cn), tw: serializeSubset(stages.tw, keys.tw), hk: serializeSubset(stages.hk, keys.hk) };
}
