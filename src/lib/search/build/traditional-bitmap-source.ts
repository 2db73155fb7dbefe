/**
 * Build-time only (Node): derives the Traditional-only character bitmap from OpenCC's tables.
 * Kept apart from traditional-chars.ts so the browser bundle never imports OpenCC.
 */
const FIRST = 0x4e00;
const LAST = 0x9fff;

/** The bitmap (bit i = U+4E00 + i is Traditional-only) as base64, deterministic for an OpenCC version. */
export async function traditionalBitmapBase64(): Promise<string> {
  const ts: string = (await import('opencc-js/dict/TSCharacters')).default;
  const st: string = (await import('opencc-js/dict/STCharacters')).default;
  // A character that OpenCC also lists as Simplified (e.g. 乾, 著) must not trigger folding.
  const simplified = new Set(st.split('|').map((pair) => pair.split(' ')[0]));
  const bits = new Uint8Array(Math.ceil((LAST - FIRST + 1) / 8));
  for (const pair of ts.split('|')) {
    const [trad, ...simp] = pair.split(' ');
    if ([...trad].length !== 1 || simp.includes(trad) || simplified.has(trad)) continue;
    const cp = trad.codePointAt(0)!;
    if (cp < FIRST || cp > LAST) continue;
    bits[(cp - FIRST) >> 3] |= 1 << ((cp - FIRST) & 7);
  }
  return Buffer.from(bits).toString('base64');
}
