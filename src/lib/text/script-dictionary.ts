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
  /** The key's number (its place in `keys`), or −1. */
  id: number;
}

/**
 * The keys a page needs, one bit per key of a stage, by key number (StageIndex.keys): setting a
 * bit costs a few nanoseconds where adding a string to a Set cost tens, and the keys come out
 * already in the dictionary's order.
 */
export type KeySet = Uint32Array;

/** A stage plus a code-point trie over its keys, to find every key occurring in a text. */
export interface StageIndex {
  entries: Stage;
  /** Every key, in code-unit order (the serialized dictionary's order); a key's number is its place here. */
  keys: readonly string[];
  /** The target of each key number. */
  targets: readonly string[];
  /** `key target` for each key number: a serialized dictionary's entries. */
  lines: readonly string[];
  /** Key numbers by key. */
  ids: ReadonlyMap<string, number>;
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
  const keys = [...entries.keys()].sort();
  const ids = new Map(keys.map((key, id) => [key, id]));
  const root: TrieNode = { next: new Map(), id: -1 };
  for (const [id, key] of keys.entries()) {
    let node = root;
    for (const ch of key) {
      const cp = ch.codePointAt(0)!;
      let child = node.next.get(cp);
      if (!child) node.next.set(cp, (child = { next: new Map(), id: -1 }));
      node = child;
    }
    node.key = key;
    node.id = id;
  }
  const rootBmp: (TrieNode | undefined)[] = new Array(0x10000).fill(undefined);
  for (const [cp, child] of root.next) if (cp < 0x10000) rootBmp[cp] = child;
  const targets = keys.map((key) => entries.get(key)!);
  return { entries, keys, targets, lines: keys.map((key, id) => `${key} ${targets[id]}`), ids, root, rootBmp };
}

/** An empty KeySet for `index`. */
export function newKeySet(index: StageIndex): KeySet {
  return new Uint32Array(Math.ceil(index.keys.length / 32));
}

/** Sets key number `id` in `set`. */
export const addId = (set: KeySet, id: number) => void (set[id >>> 5] |= 1 << (id & 31));

/** The key numbers set in `set`, in order. */
export function* keyIds(set: KeySet): Generator<number> {
  for (let word = 0; word < set.length; word++) {
    let bits = set[word];
    while (bits !== 0) {
      const low = bits & -bits;
      yield word * 32 + (31 - Math.clz32(low));
      bits ^= low;
    }
  }
}

/** Adds to `found` every key of `index` that occurs somewhere in `text`. */
export function collectKeys(index: StageIndex, text: string, found: Set<string>): void {
  const ids: number[] = [];
  scan(index, text, ids);
  for (const id of ids) found.add(index.keys[id]);
}

/**
 * The one walk behind collectKeys and collectAndConvert: from every position (code unit, as
 * collectKeys always did), the number of every key starting there goes into `found` (repeats
 * allowed); with `longest`, the end and number + 1 of the longest one are kept per position (two
 * slots each) for the conversion.
 */
function scan(index: StageIndex, text: string, found: number[], longest?: Int32Array): void {
  for (let i = 0; i < text.length; i++) {
    const first = text.codePointAt(i)!;
    let node = startNode(index, first);
    let j = i + (first > 0xffff ? 2 : 1);
    while (node) {
      if (node.id >= 0) {
        found.push(node.id);
        if (longest) {
          longest[2 * i] = j;
          longest[2 * i + 1] = node.id + 1;
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
  const ids: number[] = [];
  const converted = convertInto(index, text, ids);
  for (const id of ids) found.add(index.keys[id]);
  return converted;
}

/** The conversion's scratch (see scan's `longest`), grown as needed and left all zero after each use. */
let longestScratch = new Int32Array(4096);

/** collectAndConvert with key numbers. */
function convertInto(index: StageIndex, text: string, found: number[]): string {
  if (longestScratch.length < 2 * text.length) longestScratch = new Int32Array(2 * text.length);
  const longest = longestScratch;
  scan(index, text, found, longest);
  const out: string[] = [];
  let plain = 0;
  for (let i = 0; i < text.length; ) {
    const id = longest[2 * i + 1] - 1;
    if (id >= 0) {
      if (plain < i) out.push(text.slice(plain, i));
      out.push(index.targets[id]);
      i = plain = longest[2 * i];
    } else i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  longest.fill(0, 0, 2 * text.length);
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
export function serializeSubset(index: StageIndex, keys: KeySet): SerializedDict {
  const lines: string[] = [];
  for (const id of keyIds(keys)) lines.push(index.lines[id]);
  return lines.join('|');
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
  cn: KeySet;
  tw: KeySet;
  hk: KeySet;
}

export const STAGE_NAMES = ['cn', 'tw', 'hk'] as const;

export function newPageKeys(stages: ScriptStages): PageKeys {
  return { cn: newKeySet(stages.cn), tw: newKeySet(stages.tw), hk: newKeySet(stages.hk) };
}

/** Adds every key of `from` to `into`. */
export function addKeys(into: PageKeys, from: PageKeys): void {
  for (const stage of STAGE_NAMES) {
    const a = into[stage];
    const b = from[stage];
    for (let i = 0; i < a.length; i++) a[i] |= b[i];
  }
}

/**
 * Records what converting `text` needs. Each text node is converted on its own in the browser,
 * so texts are passed one by one: a phrase spanning two nodes is never matched there either.
 * The second stage sees the first stage's output, so its keys are looked up in that.
 */
export function addText(stages: ScriptStages, keys: PageKeys, text: string): void {
  const ids = textKeyIds(stages, text);
  if (ids) for (const stage of STAGE_NAMES) for (const id of ids[stage]) addId(keys[stage], id);
}

/** The numbers of the keys converting `text` needs, per stage (repeats allowed); undefined when it has no Chinese character. */
function textKeyIds(stages: ScriptStages, text: string): Record<(typeof STAGE_NAMES)[number], number[]> | undefined {
  if (!/[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u.test(text)) return undefined;
  const ids = { cn: [] as number[], tw: [] as number[], hk: [] as number[] };
  const traditional = convertInto(stages.cn, text, ids.cn);
  scan(stages.tw, traditional, ids.tw);
  scan(stages.hk, traditional, ids.hk);
  return ids;
}

/** The page's dictionary from the keys it needs. */
export function pageDictionary(stages: ScriptStages, keys: PageKeys): PageDictionary {
  return { cn: serializeSubset(stages.cn, keys.cn), tw: serializeSubset(stages.tw, keys.tw), hk: serializeSubset(stages.hk, keys.hk) };
}

/**
 * A page's keys as a short string, for the record of the last run
 * (src/lib/text/write-script-dictionaries.ts): each stage's key numbers, in order, as a count and
 * the gaps between them, in varints, base64. An unchanged page's keys then join the search page's
 * union without its dictionary being read back and looked up entry by entry.
 */
export function encodePageKeys(keys: PageKeys): string {
  const bytes: number[] = [];
  const varint = (n: number) => {
    for (; n >= 0x80; n >>>= 7) bytes.push((n & 0x7f) | 0x80);
    bytes.push(n);
  };
  for (const stage of STAGE_NAMES) {
    const ids = [...keyIds(keys[stage])];
    varint(ids.length);
    let last = -1;
    for (const id of ids) {
      varint(id - last - 1);
      last = id;
    }
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.slice(i, i + 0x8000));
  return btoa(binary);
}

/** Adds the keys of `encoded` (encodePageKeys) to `into`; false, and nothing added, when it is not such a string for these stages. */
export function addEncodedKeys(stages: ScriptStages, into: PageKeys, encoded: string): boolean {
  let binary: string;
  try {
    binary = atob(encoded);
  } catch {
    return false;
  }
  let at = 0;
  const varint = (): number => {
    let n = 0;
    for (let shift = 0; at < binary.length && shift < 35; shift += 7) {
      const byte = binary.charCodeAt(at++);
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return n;
    }
    return -1;
  };
  const found: Record<(typeof STAGE_NAMES)[number], number[]> = { cn: [], tw: [], hk: [] };
  for (const stage of STAGE_NAMES) {
    const count = varint();
    if (count < 0) return false;
    let id = -1;
    for (let i = 0; i < count; i++) {
      const gap = varint();
      if (gap < 0) return false;
      id += gap + 1;
      if (id >= stages[stage].keys.length) return false;
      found[stage].push(id);
    }
  }
  if (at !== binary.length) return false;
  for (const stage of STAGE_NAMES) for (const id of found[stage]) addId(into[stage], id);
  return true;
}
