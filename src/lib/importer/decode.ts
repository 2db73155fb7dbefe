/**
 * Bytes → text: BOM sniffing, strict UTF-8, an HTML charset declaration, then a real detector
 * (jschardet) checked by decoding with iconv-lite. Binary or undecodable input is an error value.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk' | 'gb18030' | 'big5';

export type Decoded = { ok: true; text: string; encoding: Encoding; bom: boolean } | { ok: false; reason: string };

function sniffBom(bytes: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The charset an HTML page declares in its first 2 KB (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i);
  return m?.[1]?.toLowerCase();
}

function mapCharset(name: string | undefined): Encoding | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'gb2312' || n === 'gbk' || n === 'x-gbk' || n === 'cp936' || n === 'windows-936') return 'gbk';
  if (n === 'gb18030') return 'gb18030';
  if (n === 'big5' || n === 'big5-hkscs' || n === 'cp950') return 'big5';
  if (n === 'utf-8' || n === 'utf8' || n === 'ascii') return 'utf-8';
  return undefined;
}

/** Share of characters that are frequent in Chinese prose: a sanity check on a guessed decoding. */
function commonCjkShare(text: string): number {
  const common = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
  const set = new Set(common);
  let cjk = 0;
  let hits = 0;
  for (const ch of text) {
    if (/[\u4e00-\u9fff]/u.test(ch)) {
      cjk++;
      if (set.has(ch) || set.has(ch)) hits++;
    }
  }
  return cjk ? hits / cjk : 0;
}

/** True when the bytes look binary: NUL bytes or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.02;
}

function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  return iconv.decode(Buffer.from(bytes), encoding === 'utf-8' ? 'utf8' : encoding);
}

function replacementShare(text: string): number {
  const bad = (text.match(/\ufffd/gu) ?? []).length;
  return text.length ? bad / text.length : 1;
}

/**
 * Decodes the bytes of a saved page or text. Guarantees: a BOM wins; valid UTF-8 is UTF-8; otherwise
 * the declared or detected charset is used only if it decodes cleanly into plausible Chinese.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const bom = sniffBom(bytes);
  if (bom) return { ok: true, text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, bom: true };
  if (looksBinary(bytes)) return { ok: false, reason: 'the file looks binary (NUL or control bytes), not text or HTML' };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8', bom: false };

  const detected = jschardet.detect(Buffer.from(bytes), { minimumThreshold: 0 });
  const candidates: Encoding[] = [];
  for (const e of [mapCharset(declaredCharset(bytes)), mapCharset(detected.encoding ?? undefined)]) if (e && !candidates.includes(e)) candidates.push(e);
  for (const e of ['gbk', 'gb18030', 'big5'] as Encoding[]) if (!candidates.includes(e)) candidates.push(e);

  let best: { text: string; encoding: Encoding; score: number } | undefined;
  candidates.forEach((encoding, rank) => {
    const text = decodeAs(bytes, encoding);
    // Prefer clean decodings full of common characters; earlier (declared/detected) candidates break ties.
    const score = commonCjkShare(text) - replacementShare(text) * 10 - rank * 0.01;
    if (!best || score > best.score) best = { text, encoding, score };
  });
  if (!best || replacementShare(best.text) > 0.01 || commonCjkShare(best.text) < 0.05) {
    return { ok: false, reason: `the bytes are not valid UTF-8 and do not decode as GBK, GB18030 or Big5 (detector said ${detected.encoding ?? 'nothing'})` };
  }
  // GBK is a subset of GB18030: report gbk when the GBK table alone decodes everything.
  const encoding: Encoding = best.encoding === 'gb18030' && !decodeAs(bytes, 'gbk').includes('\ufffd') ? 'gbk' : best.encoding;
  return { ok: true, text: best.text, encoding, bom: false };
}
