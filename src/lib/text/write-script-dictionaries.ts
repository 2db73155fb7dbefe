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
  /** The largest file (by bytes), gzipped. */
  largestGzip: number;
}

export interface DictionaryOptions {
  /** Top-level directories holding no pages, not walked (the search index, written meanwhile). */
  skipDirs?: readonly string[];
  stages?: ScriptStages;
}

/**
 * The dictionaries of one build, page by page. A page can be handed in as it is built (`page`,
 * which returns it with its dictionary named, for the build to write); `finish` then walks the
 * site for every page not handed in, and last links the pages that show other pages' text to the
 * union of all. Every page is linked once: one already naming a dictionary is left as it is.
 */
export class ScriptDictionaryWriter {
  private readonly site: WritableFileTree;
  private readonly packing: DictionaryPacking;
  private readonly stages: ScriptStages;
  private readonly scriptCache = new Map<string, string | undefined>();
  // What each client script needs, worked out once (every page loads the same few).
  private readonly scriptKeys = new Map<string, PageKeys>();
  private readonly union = newPageKeys();
  private readonly written = new Set<string>();
  /** Paths handed in through `page`. */
  private readonly handled = new Set<string>();
  private readonly later: { path: string; html: string }[] = [];
  private pages = 0;
  private largestBytes = 0;
  private largestGzip = 0;

  constructor(site: WritableFileTree, packing: DictionaryPacking, stages: ScriptStages = scriptStages()) {
    this.site = site;
    this.packing = packing;
    this.stages = stages;
    site.remove(DICTIONARY_DIR);
  }

  private readScript(src: string): string | undefined {
    if (!this.scriptCache.has(src)) {
      const path = sitePath(src);
      let code: string | undefined;
      try {
        code = path === undefined ? undefined : decoder.decode(this.site.read(path));
      } catch {
        code = undefined;
      }
      this.scriptCache.set(src, code);
    }
    return this.scriptCache.get(src);
  }

  private link(html: string, keys: PageKeys): string {
    const { name, bytes } = dictionaryFile(this.stages, keys, this.packing);
    if (!this.written.has(name)) {
      this.site.write(joinPath(DICTIONARY_DIR, name), bytes);
      this.written.add(name);
      // The largest file by bytes is reported gzipped (gzipping every file only to report one
      // cost a tenth of the pass).
      if (bytes.length > this.largestBytes) {
        this.largestBytes = bytes.length;
        this.largestGzip = this.packing.gzipSize(bytes);
      }
    }
    this.pages++;
    const meta = `<meta name="${DICTIONARY_META}" content="/${DICTIONARY_DIR}/${name}">`;
    return html.replace(HEAD_SCRIPT, meta + HEAD_SCRIPT);
  }

  /**
   * The page at `path` with its dictionary named, its dictionary file written. Returned as it is
   * when it loads no head script, already names a dictionary, or shows other pages' text (linked
   * in `finish`, from the file the build wrote, once every page's keys are known).
   */
  page(path: string, html: string): string {
    this.handled.add(path);
    if (!html.includes(HEAD_SCRIPT) || html.includes(`<meta name="${DICTIONARY_META}"`)) return html;
    const keys = newPageKeys();
    const { texts, scripts } = pageParts(html, (src) => this.readScript(src));
    for (const text of texts) addText(this.stages, keys, text);
    for (const { src, code } of scripts) {
      let needs = this.scriptKeys.get(src);
      if (!needs) {
        needs = newPageKeys();
        addText(this.stages, needs, code);
        this.scriptKeys.set(src, needs);
      }
      for (const k of ['cn', 'tw', 'hk'] as const) for (const key of needs[k]) keys[k].add(key);
    }
    for (const k of ['cn', 'tw', 'hk'] as const) for (const key of keys[k]) this.union[k].add(key);
    if (showsOtherPages(html)) {
      this.later.push({ path, html });
      return html;
    }
    return this.link(html, keys);
  }

  /**
   * Links every page of the site not handed in (in code-point order, writing each), then the pages
   * that show other pages' text (search), to the union of every page's keys.
   */
  finish(options: { skipDirs?: readonly string[] } = {}): WrittenDictionaries {
    const skip = new Set([DICTIONARY_DIR, ...(options.skipDirs ?? [])]);
    const site = this.site;
    const pagePaths = site
      .list('')
      .sort()
      .filter((name) => !skip.has(name))
      .flatMap((name) => (site.isDirectory(name) ? walkFiles(site, name) : [name]))
      .filter((p) => p.endsWith('.html') && !this.handled.has(p));
    for (const path of pagePaths) {
      const html = decoder.decode(site.read(path));
      const linked = this.page(path, html);
      if (linked !== html) site.write(path, encoder.encode(linked));
    }
    for (const { path, html } of this.later) site.write(path, encoder.encode(this.link(html, this.union)));
    this.later.length = 0;
    return { pages: this.pages, files: this.written.size, largestGzip: this.largestGzip };
  }
}

/** Writes _hant/*.json into the built site `site` and links each page to its file. */
export function writeScriptDictionaries(site: WritableFileTree, packing: DictionaryPacking, options: DictionaryOptions = {}): WrittenDictionaries {
  return new ScriptDictionaryWriter(site, packing, options.stages).finish(options);
}
