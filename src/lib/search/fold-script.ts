/**
 * Traditional → Simplified folding for queries. The archive's text is Simplified, so a query typed
 * in Traditional (錢塘, 數字經濟) is folded before it is searched. OpenCC's converter is 110 kB, so it
 * is imported only when the query holds a Traditional-only character, found with a 2.6 kB bitmap.
 */
import { TRADITIONAL_BITMAP_BASE64 } from './traditional-chars.ts';

const FIRST = 0x4e00;
const LAST = 0x9fff;
let bitmap: Uint8Array | undefined;

function traditionalBitmap(): Uint8Array {
  bitmap ??= Uint8Array.from(atob(TRADITIONAL_BITMAP_BASE64), (c) => c.charCodeAt(0));
  return bitmap;
}

/** True when `ch` (one character) is Traditional-only, i.e. OpenCC folds it to another Simplified character. */
export function isTraditionalChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < FIRST || cp > LAST) return false;
  const i = cp - FIRST;
  return (traditionalBitmap()[i >> 3] & (1 << (i & 7))) !== 0;
}

/** True when the text holds at least one Traditional-only character. */
export function containsTraditional(text: string): boolean {
  for (const ch of text) if (isTraditionalChar(ch)) return true;
  return false;
}

type Convert = (text: string) => string;
let converter: Promise<Convert> | undefined;

/** Loads OpenCC (Traditional → mainland Simplified, characters and variants) once, on first use. */
function loadConverter(): Promise<Convert> {
  converter ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 't', to: 'cn' }));
  return converter;
}

/**
 * The text in Simplified characters. Resolves immediately, without importing OpenCC, when the text
 * has no Traditional-only character; otherwise converts it with OpenCC.
 */
export async function foldToSimplified(text: string): Promise<string> {
  if (!containsTraditional(text)) return text;
  return (await loadConverter())(text);
}
