/**
 * The 简/繁 switch. OpenCC (about 1 MB of dictionaries) is fetched from this site only when a
 * reader asks for Traditional text, or arrives having asked before; the choice persists.
 * Taiwan forms by default, Hong Kong forms when the browser prefers zh-HK or zh-MO.
 */
import { convertTree, newConversionRecord, restoreTree, type Convert } from './script-convert.ts';
import { readChoice, writeChoice } from './storage.ts';
import { scriptToggleLabel } from '../../lib/reader/toggle-labels.ts';
import { showLabel } from './toggle-label.ts';

const KEY = 'xieshang:script';
const root = document.documentElement;
const record = newConversionRecord();
let converter: Promise<Convert> | undefined;
let observer: MutationObserver | undefined;
let originalTitle: string | undefined;
let traditional = false;

/** Hong Kong forms for readers whose browser prefers Hong Kong or Macau Chinese. */
function variant(): 'hk' | 'tw' {
  return navigator.languages.some((l) => /^zh-(?:Hant-)?(?:HK|MO)\b/i.test(l)) ? 'hk' : 'tw';
}

function loadConverter(): Promise<Convert> {
  converter ??= (async () => {
    const [core, from, to] = await Promise.all([
      import('opencc-js/core'),
      import('opencc-js/from/cn'),
      variant() === 'hk' ? import('opencc-js/to/hk') : import('opencc-js/to/tw'),
    ]);
    // Traditional-script readers expect corner brackets for quotations: “…” → 「…」, ‘…’ → 『…』.
    const quotes: [string, string][] = [
      ['“', '「'],
      ['”', '」'],
      ['‘', '『'],
      ['’', '』'],
    ];
    return core.ConverterFactory(from.default, to.default, [quotes]);
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
    void showTraditional().finally(() => sync(buttons));
  } else {
    sync(buttons);
  }
}

init();
