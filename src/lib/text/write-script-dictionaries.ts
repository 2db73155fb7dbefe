/**
 * Writes each built page's 简/繁 dictionary into the built site (src/lib/text/script-dictionary.ts):
 * the OpenCC entries that occur in the page's text, its attributes and the client scripts it
 * loads, as /_hant/<digest>.json, and names that file in a <meta> just before the head script
 * (public/scripts/reader-init.js), which starts fetching it before the body is parsed when the
 * reader chose Traditional. A report page's file is a few kB instead of OpenCC's 438 kB.
 *
 * The search page shows text from every report, so its dictionary is the union of all pages'.
 * Files are named by a digest of their bytes: the same site gives the same files. Build-time only;
 * the file system, SHA-256 and gzip are passed in (src/node/built-site-worker.ts hands Node's).
 */
import { Parser } from 'htmlparser2';
import STPhrases from 'opencc-js/dict/STPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariants from 'opencc-js/dict/HKVariants';
import { joinPath, walkFiles, type WritableFileTree } from '../files/tree.ts';
import { addText, newPageKeys, pageDictionary, stageIndex, type PageKeys, type ScriptStages } from './script-dictionary.ts';

/** Where the dictionaries go, under the site root. */
export const DICTIONARY_DIR = '_hant';
/** The meta element's name; public/scripts/reader-init.js and the 简/繁 script read it. */
export const DICTIONARY_META = 'xieshang:script-dictionary';
/** The head script the meta is placed before (it can only read elements parsed before it). */
const HEAD_SCRIPT = '<script src="/scripts/reader-init.js"></script>';

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
export function pageParts(html: string, readScript: (src: string) => string | undefined): { texts: string[]; scripts: { src: string; code: string }[] } {
  const texts: string[] = [];
  const srcs: string[] = [];
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
  return { texts, scripts };
}

/** The page's texts and its scripts' code, as one list (see pageParts). */
export function pageTexts(html: string, readScript: (src: string) => string | undefined): string[] {
  const { texts, scripts } = pageParts(html, readScript);
  return [...texts, ...scripts.map((s) => s.code)];
}

/** SHA-256 and gzip, supplied by the caller (Node's crypto and zlib at build time). */
export interface DictionaryPacking {
  /** The hex SHA-256 digest of the bytes. */
  sha256Hex(data: Uint8Array): string;
  /** Gzipped size of the bytes (reported, never written). */
  gzipSize(data: Uint8Array): number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The dictionary file's bytes and its name (a digest of those bytes). */
function dictionaryFile(stages: ScriptStages, keys: PageKeys, packing: DictionaryPacking): { name: string; bytes: Uint8Array } {
  const bytes = encoder.encode(`${JSON.stringify(pageDictionary(stages, keys))}\n`);
  return { name: `${packing.sha256Hex(bytes).slice(0, 16)}.json`, bytes };
}

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
  pages: number;
  files: number;
  /** Largest file, gzipped. */
  largestGzip: number;
}

export interface DictionaryOptions {
  /** Top-level directories holding no pages, not walked (the search index, written meanwhile). */
  skipDirs?: readonly string[];
  stages?: ScriptStages;
}

/** Writes _hant/*.json into the built site `site` and links each page to its file. */
export function writeScriptDictionaries(site: WritableFileTree, packing: DictionaryPacking, options: DictionaryOptions = {}): WrittenDictionaries {
  const stages = options.stages ?? scriptStages();
  const skip = new Set([DICTIONARY_DIR, ...(options.skipDirs ?? [])]);
  const root = DICTIONARY_DIR;
  site.remove(root);
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
  const written = new Set<string>();
  let pages = 0;
  let largestGzip = 0;
  const link = (path: string, html: string, keys: PageKeys) => {
    const { name, bytes } = dictionaryFile(stages, keys, packing);
    if (!written.has(name)) {
      site.write(joinPath(root, name), bytes);
      written.add(name);
      largestGzip = Math.max(largestGzip, packing.gzipSize(bytes));
    }
    const meta = `<meta name="${DICTIONARY_META}" content="/${DICTIONARY_DIR}/${name}">`;
    site.write(path, encoder.encode(html.replace(HEAD_SCRIPT, meta + HEAD_SCRIPT)));
    pages++;
  };
  const later: { path: string; html: string }[] = [];
  const pagePaths = site
    .list('')
    .sort()
    .filter((name) => !skip.has(name))
    .flatMap((name) => (site.isDirectory(name) ? walkFiles(site, name) : [name]))
    .filter((p) => p.endsWith('.html'));
  for (const path of pagePaths) {
    const html = decoder.decode(site.read(path));
    if (!html.includes(HEAD_SCRIPT)) continue;
    const keys = newPageKeys();
    const { texts, scripts } = pageParts(html, readScript);
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
    if (showsOtherPages(html)) later.push({ path, html });
    else link(path, html, keys);
  }
  for (const { path, html } of later) link(path, html, union);
  return { pages, files: written.size, largestGzip };
}
