/**
 * Writes each built page's 简/繁 dictionary into the built site (src/lib/text/script-dictionary.ts):
 * the OpenCC entries that occur in the page's text, its attributes and the client scripts it
 * loads. A report page's file is a few kB instead of OpenCC's 438 kB.
 *
 * Each page names its file itself, in the <meta> the layout writes just before the head script
 * (public/scripts/reader-init.js, which starts fetching it before the body is parsed when the
 * reader chose Traditional): /_hant/ followed by the page's own path (script-dictionary-href.ts). So this pass
 * only reads pages and writes dictionaries. Until December 2026 files were named by a digest of
 * their bytes and the pass wrote that name into every page, which rewrote (and renamed into place)
 * all 13,837 pages of a 10,000-report site: about a third of the pass, on a disk slow at creating
 * files. The price of stable names: a browser could pair a freshly fetched page with a cached older
 * dictionary, so the page's scripts fetch it with `cache: 'no-cache'` (revalidated, a 304 when
 * unchanged).
 *
 * The search page shows text from every report, so its dictionary is the union of all pages'.
 * Build-time only; the file system and gzip are passed in (src/node/built-site-worker.ts hands
 * Node's).
 */
import { Parser } from 'htmlparser2';
import STPhrases from 'opencc-js/dict/STPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariants from 'opencc-js/dict/HKVariants';
import { walkFiles, type FileTree, type WritableFileTree } from '../files/tree.ts';
import { DICTIONARY_DIR, DICTIONARY_META } from './script-dictionary-href.ts';
import { addEncodedKeys, addKeys, addText, encodePageKeys, newPageKeys, pageDictionary, stageIndex, type PageKeys, type ScriptStages } from './script-dictionary.ts';

/** The stages of opencc-js's cn → tw and cn → hk converters (from/cn.js, to/tw.js, to/hk.js). */
export function scriptStages(): ScriptStages {
  return {
    cn: stageIndex([STPhrases, STCharacters]),
    tw: stageIndex([TWVariantsPhrases, TWVariants]),
    hk: stageIndex([HKVariantsPhrases, HKVariants]),
  };
}

/**
 * Every text the browser could convert on this page: text nodes (inline scripts included, which is
 * harmless over-inclusion), attribute values, and the module scripts it loads with their static
 * imports (status messages they write later). Dynamic imports are not followed: those are the
 * fallback OpenCC dictionaries themselves. The scripts come apart from the page's own texts: every
 * page loads the same few, so their keys are worked out once per build, not once per page.
 */
export function pageParts(html: string, readScript: (src: string) => string | undefined): { texts: string[]; scripts: { src: string; code: string }[]; dictionary?: string } {
  const texts: string[] = [];
  const srcs: string[] = [];
  let dictionary: string | undefined;
  let text = '';
  const flush = () => {
    if (text) texts.push(text);
    text = '';
  };
  const parser = new Parser(
    {
      ontext: (t) => (text += t),
      onopentag: (name, attrs) => {
        flush();
        for (const value of Object.values(attrs)) texts.push(value);
        if (name === 'script' && attrs.type === 'module' && attrs.src) srcs.push(attrs.src);
        if (name === 'meta' && attrs.name === DICTIONARY_META && dictionary === undefined) dictionary = attrs.content;
      },
      onclosetag: flush,
      oncomment: flush,
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  const scripts: { src: string; code: string }[] = [];
  const seen = new Set<string>();
  const follow = (src: string) => {
    if (seen.has(src)) return;
    seen.add(src);
    const code = readScript(src);
    if (code === undefined) return;
    scripts.push({ src, code });
    for (const m of code.matchAll(/\bimport\s*(?:[^"'`()]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      follow(new URL(m[1], `https://x${src}`).pathname);
    }
  };
  for (const src of srcs) follow(src);
  return { texts, scripts, ...(dictionary === undefined ? {} : { dictionary }) };
}

/** The page's texts and its scripts' code, as one list (see pageParts). */
export function pageTexts(html: string, readScript: (src: string) => string | undefined): string[] {
  const { texts, scripts } = pageParts(html, readScript);
  return [...texts, ...scripts.map((s) => s.code)];
}

/** Gzip and a digest, supplied by the caller (Node's zlib and crypto at build time). */
export interface DictionaryPacking {
  /** Gzipped size of the bytes (reported, never written). */
  gzipSize(data: Uint8Array): number;
  /** A collision-resistant digest of the bytes (SHA-256), for the record of the last run. */
  digest(data: Uint8Array): string;
}

/**
 * What the last run wrote, so that the next one, over a kept output directory
 * (src/node/kept-output.ts), works out only the dictionaries of pages that changed: for each page,
 * the digest of its bytes and of the dictionary file it got. Valid only for the same `inputs`
 * (OpenCC's data, this code's version, every client script a page can load).
 */
export interface DictionaryRecord {
  inputs: string;
  /** By page path: what the last run knew of the page and its dictionary file (RecordedPage). */
  pages: Record<string, RecordedPage>;
}

export interface RecordedPage {
  /** The digest of the page's bytes. */
  page: string;
  /** The digest of its dictionary file's bytes. */
  dictionary: string;
  /** The dictionary file's path. */
  file: string;
  /** The page's FileTree.stamp when it was read. */
  stamp?: string;
  /** The dictionary file's FileTree.stamp once written (stampDictionaryFiles). */
  fileStamp?: string;
  /** The dictionary's keys (encodePageKeys), for the search page's union. */
  keys?: string;
  /** The dictionary file's size in bytes. */
  size?: number;
}

/** Bump when a page's dictionary would come out differently for the same page and inputs, or the record changes shape. */
const RECORD_VERSION = 2;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A script's site path ('/_astro/x.js') as a path in the tree; undefined if it climbs out of the site. */
function sitePath(src: string): string | undefined {
  const parts: string[] = [];
  for (const part of src.split('/')) {
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else if (part && part !== '.') parts.push(part);
  }
  return parts.length ? parts.join('/') : undefined;
}

/** Pages that show text taken from other pages (search results) get the union of all dictionaries. */
const showsOtherPages = (html: string) => html.includes('data-search-form') && html.includes('data-results');

export interface WrittenDictionaries {
  /** Pages with a dictionary, one file each. */
  pages: number;
  /** Of those, the pages whose dictionary was kept from the last run (unchanged page, same inputs). */
  reused: number;
  /** The record for the next run. */
  record: DictionaryRecord;
  /** The largest file (by bytes), gzipped. */
  largestGzip: number;
}

export interface DictionaryOptions {
  /** Top-level directories holding no pages, not walked (the search index, written meanwhile). */
  skipDirs?: readonly string[];
  stages?: ScriptStages;
  /**
   * The last run's record: its pages' dictionaries are kept where the page is unchanged and the
   * file still has the bytes written then. Without it, every dictionary is worked out again.
   */
  previous?: DictionaryRecord;
}

/**
 * Writes _hant/**.json into the built site `site`: for each page with a dictionary <meta>, the file
 * it names. Pages are only read. Throws if a page names a file outside _hant/ or one another page
 * names too (each page's dictionary is its own).
 *
 * With `previous` (the record of the last run over the same, kept directory), a page whose bytes
 * are unchanged keeps the dictionary file written then, if that file still holds those bytes: the
 * trie walks over its text (most of this pass) are skipped, and its recorded keys join the search
 * page's union. A page and file whose stamps are the recorded ones are not even read. Files no
 * page names any more are removed. Without it, _hant/ is emptied and every dictionary worked out.
 */
export function writeScriptDictionaries(site: WritableFileTree, packing: DictionaryPacking, options: DictionaryOptions = {}): WrittenDictionaries {
  const stages = options.stages ?? scriptStages();
  const skip = new Set([DICTIONARY_DIR, ...(options.skipDirs ?? [])]);
  const files = site
    .list('')
    .sort()
    .filter((name) => !skip.has(name))
    .flatMap((name) => (site.isDirectory(name) ? walkFiles(site, name) : [name]));
  const inputs = recordInputs(site, packing, stages, files);
  const previous = options.previous?.inputs === inputs ? options.previous.pages : undefined;
  if (!previous) site.remove(DICTIONARY_DIR);
  const record: DictionaryRecord = { inputs, pages: {} };
  let reused = 0;
  const scriptCache = new Map<string, string | undefined>();
  const readScript = (src: string) => {
    if (!scriptCache.has(src)) {
      const path = sitePath(src);
      let code: string | undefined;
      try {
        code = path === undefined ? undefined : decoder.decode(site.read(path));
      } catch {
        code = undefined;
      }
      scriptCache.set(src, code);
    }
    return scriptCache.get(src);
  };
  const union = newPageKeys(stages);
  // What each client script needs, worked out once (every page loads the same few).
  const scriptKeys = new Map<string, PageKeys>();
  const namedBy = new Map<string, string>();
  /** Records that `page` names the dictionary file `path` (as `href`); throws if another page already does. */
  const claim = (path: string, page: string, href: string) => {
    const other = namedBy.get(path);
    if (other !== undefined) throw new Error(`${page} and ${other} both name the 简/繁 dictionary "${href}"; each page needs its own (dictionaryHref).`);
    namedBy.set(path, page);
  };
  let largest: Uint8Array = new Uint8Array();
  // The largest dictionary kept without being read: read at the end if it is the largest of all.
  let largestKept: { file: string; size: number } | undefined;
  const write = (page: string, href: string, keys: PageKeys) => {
    const path = sitePath(decodeURI(href));
    if (path === undefined || !path.startsWith(`${DICTIONARY_DIR}/`) || !path.endsWith('.json')) {
      throw new Error(`${page} names its 简/繁 dictionary "${href}", outside /${DICTIONARY_DIR}/ (the layout writes dictionaryHref(pathname)).`);
    }
    claim(path, page, href);
    const bytes = encoder.encode(`${JSON.stringify(pageDictionary(stages, keys))}\n`);
    site.write(path, bytes);
    if (bytes.length > largest.length) largest = bytes;
    return bytes;
  };
  /** The last run's dictionary of this page, if the page and the file are as they were then. */
  const kept = (page: string, pageDigest: string, href: string): { path: string; bytes: Uint8Array; digest: string; keys: PageKeys; encodedKeys: string } | undefined => {
    const before = previous?.[page];
    const path = sitePath(decodeURI(href));
    if (!before || before.page !== pageDigest || path === undefined || path !== before.file) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = site.read(path);
    } catch {
      return undefined;
    }
    if (packing.digest(bytes) !== before.dictionary) return undefined;
    // The file is the one recorded, so its keys are the recorded ones.
    const keys = newPageKeys(stages);
    if (before.keys === undefined || !addEncodedKeys(stages, keys, before.keys)) return undefined;
    return { path, bytes, digest: before.dictionary, keys, encodedKeys: before.keys };
  };
  const later: { page: string; href: string }[] = [];
  const pagePaths = files.filter((p) => p.endsWith('.html'));
  for (const page of pagePaths) {
    const stamp = site.stamp?.(page);
    const before = previous?.[page];
    // Neither the page nor its dictionary changed since the last run (their stamps say so): neither is read.
    if (before && stamp !== undefined && before.stamp === stamp && before.keys !== undefined && before.fileStamp !== undefined && site.stamp?.(before.file) === before.fileStamp && addEncodedKeys(stages, union, before.keys)) {
      claim(before.file, page, `/${before.file}`);
      record.pages[page] = before;
      if (before.size !== undefined && before.size > (largestKept?.size ?? -1)) largestKept = { file: before.file, size: before.size };
      reused++;
      continue;
    }
    const raw = site.read(page);
    const html = decoder.decode(raw);
    if (!html.includes(DICTIONARY_META)) continue;
    const pageDigest = packing.digest(raw);
    const stamped = stamp === undefined ? {} : { stamp };
    if (previous && !showsOtherPages(html)) {
      const href = quickDictionaryHref(html);
      const found = href === undefined ? undefined : kept(page, pageDigest, href);
      if (href !== undefined && found) {
        claim(found.path, page, href);
        addKeys(union, found.keys);
        // Not written by this run: its stamp now is the one to compare with next time.
        const fileStamp = site.stamp?.(found.path);
        record.pages[page] = { page: pageDigest, dictionary: found.digest, file: found.path, ...stamped, ...(fileStamp === undefined ? {} : { fileStamp }), keys: found.encodedKeys, size: found.bytes.length };
        if (found.bytes.length > largest.length) largest = found.bytes;
        reused++;
        continue;
      }
    }
    const { texts, scripts, dictionary } = pageParts(html, readScript);
    if (dictionary === undefined) continue;
    const keys = newPageKeys(stages);
    for (const text of texts) addText(stages, keys, text);
    for (const { src, code } of scripts) {
      let needs = scriptKeys.get(src);
      if (!needs) {
        needs = newPageKeys(stages);
        addText(stages, needs, code);
        scriptKeys.set(src, needs);
      }
      addKeys(keys, needs);
    }
    addKeys(union, keys);
    if (showsOtherPages(html)) later.push({ page, href: dictionary });
    else {
      const bytes = write(page, dictionary, keys);
      record.pages[page] = { page: pageDigest, dictionary: packing.digest(bytes), file: sitePath(decodeURI(dictionary))!, ...stamped, keys: encodePageKeys(keys), size: bytes.length };
    }
  }
  for (const { page, href } of later) write(page, href, union);
  if (largestKept && largestKept.size > largest.length) largest = site.read(largestKept.file);
  // Files of the last run that no page names any more (a page removed since).
  if (previous) for (const file of walkFilesIfAny(site, DICTIONARY_DIR)) if (!namedBy.has(file)) site.remove(file);
  return { pages: namedBy.size, reused, record, largestGzip: largest.length ? packing.gzipSize(largest) : 0 };
}

/**
 * Gives every page of `record` whose dictionary file has no stamp (written by this run) the file's
 * stamp as it now stands in `site`, once the writes are done (src/node/built-site-worker.ts calls
 * it after the writes have been flushed): the next run keeps it without reading it back.
 */
export function stampDictionaryFiles(site: FileTree, record: DictionaryRecord): void {
  if (!site.stamp) return;
  for (const entry of Object.values(record.pages)) {
    if (entry.fileStamp !== undefined) continue;
    const stamp = site.stamp(entry.file);
    if (stamp !== undefined) entry.fileStamp = stamp;
  }
}

/**
 * The dictionary <meta>'s content, found without parsing the whole page (a kept page is not
 * parsed); it must name the file recorded for the page, or the page is worked out again.
 */
function quickDictionaryHref(html: string): string | undefined {
  const at = html.indexOf(`name="${DICTIONARY_META}"`);
  if (at < 0) return undefined;
  const start = html.lastIndexOf('<meta', at);
  const end = html.indexOf('>', at);
  if (start < 0 || end < 0) return undefined;
  let href: string | undefined;
  new Parser({ onopentag: (name, attrs) => void (name === 'meta' && attrs.name === DICTIONARY_META && (href = attrs.content)) }, { decodeEntities: true }).end(html.slice(start, end + 1));
  return href;
}

/** Every file under `dir`, or none if it does not exist. */
function walkFilesIfAny(site: WritableFileTree, dir: string): string[] {
  try {
    return walkFiles(site, dir);
  } catch {
    return [];
  }
}

/**
 * What every page's dictionary depends on besides the page: this code's version, the conversion
 * stages' entries (OpenCC's data) and every script in the site (`files`), since a page's module
 * scripts' keys are part of its dictionary and a script can change under an unchanged name.
 */
function recordInputs(site: WritableFileTree, packing: DictionaryPacking, stages: ScriptStages, files: readonly string[]): string {
  const scripts = files.filter((p) => /\.m?js$/.test(p));
  const entries = (['cn', 'tw', 'hk'] as const).map((k) => [...stages[k].entries]);
  const parts = [`v${RECORD_VERSION}`, packing.digest(encoder.encode(JSON.stringify(entries))), ...scripts.map((p) => `${p} ${packing.digest(site.read(p))}`)];
  return packing.digest(encoder.encode(parts.join('\n')));
}
