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
  /**
   * The root's children for code points below 0x10000, by code point: the scan starts a lookup
   * at every character of every page, and an array index is several times cheaper than a Map's.
   */
  rootBmp: (TrieNode | undefined)[];
}

/** The trie node a key starting with code point `cp` begins at, if any. */
function startNode(index: StageIndex, cp: number): TrieNode | undefined {
  return cp < 0x10000 ? index.rootBmp[cp] : index.root.next.get(cp);
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
  const rootBmp: (TrieNode | undefined)[] = new Array(0x10000).fill(undefined);
  for (const [cp, child] of root.next) if (cp < 0x10000) rootBmp[cp] = child;
  return { entries, root, rootBmp };
}

/** Adds to `found` every key of `index` that occurs somewhere in `text`. */
export function collectKeys(index: StageIndex, text: string, found: Set<string>): void {
  scan(index, text, found);
}

/**
 * The one walk behind collectKeys and collectAndConvert: from every position (code unit, as
 * collectKeys always did), every key starting there goes into `found`; with `longest`, the end and
 * key of the longest one are kept per position for the conversion.
 */
function scan(index: StageIndex, text: string, found: Set<string>, longest?: { end: Int32Array; key: (string | undefined)[] }): void {
  for (let i = 0; i < text.length; i++) {
    const first = text.codePointAt(i)!;
    let node = startNode(index, first);
    let j = i + (first > 0xffff ? 2 : 1);
    while (node) {
      if (node.key !== undefined) {
        found.add(node.key);
        if (longest) {
          longest.end[i] = j;
          longest.key[i] = node.key;
        }
      }
      if (j >= text.length) break;
      const cp = text.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      node = node.next.get(cp);
    }
  }
}

/**
 * collectKeys and convertWith in one walk: adds every key occurring in `text` to `found` and
 * returns the text converted by longest match (the same output as convertWith).
 */
export function collectAndConvert(index: StageIndex, text: string, found: Set<string>): string {
  const longest = { end: new Int32Array(text.length), key: new Array<string | undefined>(text.length) };
  scan(index, text, found, longest);
  const out: string[] = [];
  let plain = 0;
  for (let i = 0; i < text.length; ) {
    const key = longest.key[i];
    if (key !== undefined) {
      if (plain < i) out.push(text.slice(plain, i));
      out.push(index.entries.get(key)!);
      i = plain = longest.end[i];
    } else i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  if (plain < text.length) out.push(text.slice(plain));
  return out.join('');
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
  const traditional = collectAndConvert(stages.cn, text, keys.cn);
  collectKeys(stages.tw, traditional, keys.tw);
  collectKeys(stages.hk, traditional, keys.hk);
}

/** The page's dictionary from the keys it needs. */
export function pageDictionary(stages: ScriptStages, keys: PageKeys): PageDictionary {
  return { cn: serializeSubset(stages.cn, keys.cn), tw: serializeSubset(stages.tw, keys.tw), hk: serializeSubset(stages.hk, keys.hk) };
}
