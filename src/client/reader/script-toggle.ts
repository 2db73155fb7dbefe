/**
 * The 简/繁 switch. A reader who asks for Traditional text gets the page's own OpenCC dictionary
 * (only the entries that occur on it, a few kB: src/lib/text/write-script-dictionaries.ts) and
 * OpenCC's small core; the choice persists, and on later pages public/scripts/reader-init.js has
 * already started that fetch and keeps the body unpainted until it is converted. A page whose
 * dictionary cannot be had (the dev server writes none) falls back to OpenCC's full data, fetched
 * from this site.
 * Taiwan forms by default, Hong Kong forms when the browser prefers zh-HK or zh-MO.
 */
import { convertTree, newConversionRecord, restoreTree, type Convert } from './script-convert.ts';
import { readChoice, writeChoice } from './storage.ts';
import { scriptToggleLabel } from '../../lib/reader/toggle-labels.ts';
import type { PageDictionary } from '../../lib/text/script-dictionary.ts';
import { DICTIONARY_META } from '../../lib/text/script-dictionary-href.ts';
import { showLabel } from './toggle-label.ts';

const KEY = 'xieshang:script';
const root = document.documentElement;
const record = newConversionRecord();
let converter: Promise<Convert> | undefined;
let observer: MutationObserver | undefined;
let originalTitle: string | undefined;
let traditional = false;

declare global {
  interface Window {
    /** Started by public/scripts/reader-init.js when the reader chose Traditional earlier. */
    xieshangScriptDictionary?: Promise<PageDictionary | null>;
  }
}

/** Hong Kong forms for readers whose browser prefers Hong Kong or Macau Chinese. */
function variant(): 'hk' | 'tw' {
  return navigator.languages.some((l) => /^zh-(?:Hant-)?(?:HK|MO)\b/i.test(l)) ? 'hk' : 'tw';
}

// Traditional-script readers expect corner brackets for quotations: “…” → 「…」, ‘…’ → 『…』.
const QUOTES = '“ 「|” 」|‘ 『|’ 』';

/** This page's dictionary, from reader-init.js's fetch if it started one, or null without one. */
function pageDictionary(): Promise<PageDictionary | null> {
  if (window.xieshangScriptDictionary) return window.xieshangScriptDictionary;
  const url = document.querySelector<HTMLMetaElement>(`meta[name="${DICTIONARY_META}"]`)?.content;
  if (!url) return Promise.resolve(null);
  // Revalidated: the file's name is the page's, so a cached copy could be an older build's.
  return fetch(url, { cache: 'no-cache' })
    .then((r) => (r.ok ? (r.json() as Promise<PageDictionary>) : null))
    .catch(() => null);
}

function loadConverter(): Promise<Convert> {
  converter ??= (async () => {
    const [core, dictionary] = await Promise.all([import('opencc-js/core'), pageDictionary()]);
    const hk = variant() === 'hk';
    if (dictionary) {
      // Empty stages are left out: opencc-js cannot parse an empty dictionary string.
      const stages = [dictionary.cn, hk ? dictionary.hk : dictionary.tw, QUOTES].filter((d) => d !== '').map((d) => [[d]]);
      return core.ConverterFactory(...stages);
    }
    const [from, to] = await Promise.all([import('opencc-js/from/cn'), hk ? import('opencc-js/to/hk') : import('opencc-js/to/tw')]);
    return core.ConverterFactory(from.default, to.default, [[QUOTES]]);
  })();
  return converter;
}

function sync(buttons: HTMLButtonElement[], busy = false): void {
  for (const button of buttons) {
    button.setAttribute('aria-pressed', String(traditional));
    button.toggleAttribute('aria-busy', busy);
    showLabel(button, scriptToggleLabel(traditional));
  }
}

async function showTraditional(): Promise<void> {
  const convert = await loadConverter();
  traditional = true;
  root.lang = 'zh-Hant';
  originalTitle ??= document.title;
  document.title = convert(originalTitle);
  convertTree(document.body, convert, record);
  // Pages that add text later (search results) get converted as it arrives.
  observer = new MutationObserver((mutations) => {
    for (const m of mutations) for (const node of m.addedNodes) convertTree(node, convert, record);
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

function showSimplified(): void {
  observer?.disconnect();
  root.removeAttribute('data-script');
  restoreTree(record);
  if (originalTitle !== undefined) document.title = originalTitle;
  traditional = false;
  root.lang = 'zh-Hans';
}

function init(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-script-toggle]')];
  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      if (traditional) {
        showSimplified();
        writeChoice(KEY, null);
        sync(buttons);
        return;
      }
      sync(buttons, true);
      try {
        await showTraditional();
        writeChoice(KEY, 'hant');
      } finally {
        sync(buttons);
      }
    });
  }
  if (readChoice(KEY) === 'hant') {
    sync(buttons, true);
    void showTraditional()
      .catch(() => showSimplified())
      .finally(() => {
        root.setAttribute('data-script-ready', '');
        sync(buttons);
      });
  } else {
    sync(buttons);
  }
}

init();
