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
import { walkFiles, type WritableFileTree } from '../files/tree.ts';
import { DICTIONARY_DIR, DICTIONARY_META } from './script-dictionary-href.ts';
import { addText, newPageKeys, pageDictionary, stageIndex, type PageKeys, type ScriptStages } from './script-dictionary.ts';

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

/** Gzip, supplied by the caller (Node's zlib at build time). */
export interface DictionaryPacking {
  /** Gzipped size of the bytes (reported, never written). */
  gzipSize(data: Uint8Array): number;
}

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
  /** The largest file (by bytes), gzipped. */
  largestGzip: number;
}

export interface DictionaryOptions {
  /** Top-level directories holding no pages, not walked (the search index, written meanwhile). */
  skipDirs?: readonly string[];
  stages?: ScriptStages;
}

/**
 * Writes _hant/**.json into the built site `site`: for each page with a dictionary <meta>, the file
 * it names. Pages are only read. Throws if a page names a file outside _hant/ or one another page
 * names too (each page's dictionary is its own).
 */
export function writeScriptDictionaries(site: WritableFileTree, packing: DictionaryPacking, options: DictionaryOptions = {}): WrittenDictionaries {
  const stages = options.stages ?? scriptStages();
  const skip = new Set([DICTIONARY_DIR, ...(options.skipDirs ?? [])]);
  site.remove(DICTIONARY_DIR);
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
  const union = newPageKeys();
  // What each client script needs, worked out once (every page loads the same few).
  const scriptKeys = new Map<string, PageKeys>();
  const namedBy = new Map<string, string>();
  let largest: Uint8Array = new Uint8Array();
  const write = (page: string, href: string, keys: PageKeys) => {
    const path = sitePath(decodeURI(href));
    if (path === undefined || !path.startsWith(`${DICTIONARY_DIR}/`) || !path.endsWith('.json')) {
      throw new Error(`${page} names its 简/繁 dictionary "${href}", outside /${DICTIONARY_DIR}/ (the layout writes dictionaryHref(pathname)).`);
    }
    const other = namedBy.get(path);
    if (other !== undefined) throw new Error(`${page} and ${other} both name the 简/繁 dictionary "${href}"; each page needs its own (dictionaryHref).`);
    namedBy.set(path, page);
    const bytes = encoder.encode(`${JSON.stringify(pageDictionary(stages, keys))}\n`);
    site.write(path, bytes);
    if (bytes.length > largest.length) largest = bytes;
  };
  const later: { page: string; href: string }[] = [];
  const pagePaths = site
    .list('')
    .sort()
    .filter((name) => !skip.has(name))
    .flatMap((name) => (site.isDirectory(name) ? walkFiles(site, name) : [name]))
    .filter((p) => p.endsWith('.html'));
  for (const page of pagePaths) {
    const html = decoder.decode(site.read(page));
    if (!html.includes(DICTIONARY_META)) continue;
    const { texts, scripts, dictionary } = pageParts(html, readScript);
    if (dictionary === undefined) continue;
    const keys = newPageKeys();
    for (const text of texts) addText(stages, keys, text);
    for (const { src, code } of scripts) {
      let needs = scriptKeys.get(src);
      if (!needs) {
        needs = newPageKeys();
        addText(stages, needs, code);
        scriptKeys.set(src, needs);
      }
      for (const k of ['cn', 'tw', 'hk'] as const) for (const key of needs[k]) keys[k].add(key);
    }
    for (const k of ['cn', 'tw', 'hk'] as const) for (const key of keys[k]) union[k].add(key);
    if (showsOtherPages(html)) later.push({ page, href: dictionary });
    else write(page, dictionary, keys);
  }
  for (const { page, href } of later) write(page, href, union);
  return { pages: namedBy.size, largestGzip: largest.length ? packing.gzipSize(largest) : 0 };
}
