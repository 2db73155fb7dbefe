/**
 * Writes each built page's 简/繁 dictionary after `astro build` (src/lib/text/script-dictionary.ts):
 * the OpenCC entries that occur in the page's text, its attributes and the client scripts it
 * loads, as /_hant/<digest>.json, and names that file in a <meta> just before the head script
 * (public/scripts/reader-init.js), which starts fetching it before the body is parsed when the
 * reader chose Traditional. A report page's file is a few kB instead of OpenCC's 438 kB.
 *
 * The search page shows text from every report, so its dictionary is the union of all pages'.
 * Files are named by a digest of their bytes: the same site gives the same files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { Parser } from 'htmlparser2';
import STPhrases from 'opencc-js/dict/STPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariants from 'opencc-js/dict/HKVariants';
import { addText, newPageKeys, pageDictionary, stageIndex, type PageKeys, type ScriptStages } from '../lib/text/script-dictionary.ts';

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

/** Every .html file under `dir`, sorted (readdir order differs between file systems). */
function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * Every text the browser could convert on this page: text nodes (inline scripts included, which is
 * harmless over-inclusion), attribute values, and the module scripts it loads with their static
 * imports (status messages they write later). Dynamic imports are not followed: those are the
 * fallback OpenCC dictionaries themselves.
 */
export function pageTexts(html: string, readScript: (src: string) => string | undefined): string[] {
  const texts: string[] = [];
  const scripts: string[] = [];
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
        if (name === 'script' && attrs.type === 'module' && attrs.src) scripts.push(attrs.src);
      },
      onclosetag: flush,
      oncomment: flush,
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  const seen = new Set<string>();
  const follow = (src: string) => {
    if (seen.has(src)) return;
    seen.add(src);
    const code = readScript(src);
    if (code === undefined) return;
    texts.push(code);
    for (const m of code.matchAll(/\bimport\s*(?:[^"'`()]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      follow(new URL(m[1], `https://x${src}`).pathname);
    }
  };
  for (const src of scripts) follow(src);
  return texts;
}

/** The dictionary file's bytes and its name (a digest of those bytes). */
function dictionaryFile(stages: ScriptStages, keys: PageKeys): { name: string; bytes: string } {
  const bytes = `${JSON.stringify(pageDictionary(stages, keys))}\n`;
  return { name: `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.json`, bytes };
}

/** Pages that show text taken from other pages (search results) get the union of all dictionaries. */
const showsOtherPages = (html: string) => html.includes('data-search-form') && html.includes('data-results');

export interface WrittenDictionaries {
  pages: number;
  files: number;
  /** Largest file, gzipped. */
  largestGzip: number;
}

/** Writes <outDir>/_hant/*.json and links each page to its file. */
export function writeScriptDictionaries(outDir: string, stages: ScriptStages = scriptStages()): WrittenDictionaries {
  const root = join(outDir, DICTIONARY_DIR);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const scriptCache = new Map<string, string | undefined>();
  const readScript = (src: string) => {
    if (!scriptCache.has(src)) {
      const file = resolve(outDir, `.${src}`);
      scriptCache.set(src, file.startsWith(resolve(outDir) + sep) && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    }
    return scriptCache.get(src);
  };
  const union = newPageKeys();
  const written = new Set<string>();
  let pages = 0;
  let largestGzip = 0;
  const link = (file: string, html: string, keys: PageKeys) => {
    const { name, bytes } = dictionaryFile(stages, keys);
    if (!written.has(name)) {
      writeFileSync(join(root, name), bytes);
      written.add(name);
      largestGzip = Math.max(largestGzip, gzipSync(bytes).length);
    }
    const meta = `<meta name="${DICTIONARY_META}" content="/${DICTIONARY_DIR}/${name}">`;
    writeFileSync(file, html.replace(HEAD_SCRIPT, meta + HEAD_SCRIPT));
    pages++;
  };
  const later: { file: string; html: string }[] = [];
  for (const file of htmlFiles(outDir)) {
    if (relative(outDir, file).split(sep)[0] === DICTIONARY_DIR) continue;
    const html = readFileSync(file, 'utf8');
    if (!html.includes(HEAD_SCRIPT)) continue;
    const keys = newPageKeys();
    for (const text of pageTexts(html, readScript)) addText(stages, keys, text);
    for (const k of ['cn', 'tw', 'hk'] as const) for (const key of keys[k]) union[k].add(key);
    if (showsOtherPages(html)) later.push({ file, html });
    else link(file, html, keys);
  }
  for (const { file, html } of later) link(file, html, union);
  return { pages, files: written.size, largestGzip };
}

/** The Astro integration: write the dictionaries when the build is done. */
export default function scriptDictionaries(): AstroIntegration {
  return {
    name: 'xieshang:script-dictionaries',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const written = writeScriptDictionaries(fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger
          .fork('xieshang:script-dictionaries')
          .info(`简/繁 dictionaries for ${written.pages} pages: ${written.files} files, largest ${(written.largestGzip / 1024).toFixed(1)} kB gzipped, in ${seconds} s.`);
      },
    },
  };
}
