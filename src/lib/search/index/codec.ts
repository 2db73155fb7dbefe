/**
 * The binary pieces of the search index, shared by the build (which writes them) and the browser
 * (which reads them): unsigned varints, UTF-8 strings, and sets of report numbers.
 *
 * A set of report numbers is written whichever way is smaller: as gaps between sorted numbers in
 * varints (a rare word: a few bytes), or as a bitmap of one bit per report (a word in most reports:
 * N/8 bytes, 1.25 kB at 10,000 reports). Safe for the browser bundle: no Node APIs.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Appends bytes to a growing buffer. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  private len = 0;

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(value: number): void {
    this.ensure(1);
    this.buf[this.len++] = value & 0xff;
  }

  /** An unsigned integer below 2^53 in 7-bit groups, lowest first. */
  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint needs a non-negative safe integer, got ${value}`);
    this.ensure(8);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  /** A UTF-8 string, prefixed with its byte length. */
  string(value: string): void {
    const data = encoder.encode(value);
    this.varint(data.length);
    this.bytes(data);
  }

  get length(): number {
    return this.len;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Reads what ByteWriter wrote; throws on truncated input rather than returning garbage. */
export class ByteReader {
  offset = 0;
  private readonly buf: Uint8Array;

  constructor(buf: Uint8Array) {
    this.buf = buf;
  }

  get done(): boolean {
    return this.offset >= this.buf.length;
  }

  private need(n: number): void {
    if (this.offset + n > this.buf.length) throw new RangeError(`search index file ends early (offset ${this.offset}, need ${n} more bytes)`);
  }

  byte(): number {
    this.need(1);
    return this.buf[this.offset++];
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  string(): string {
    return decoder.decode(this.bytes(this.varint()));
  }
}

const DELTA = 0;
const BITMAP = 1;

/**
 * Writes a sorted set of distinct report numbers (each below `universe`): a tag byte, then the
 * varint gaps or the bitmap, whichever is smaller, prefixed with its byte length and its size.
 */
export function writeDocSet(out: ByteWriter, docs: ArrayLike<number>, universe: number): void {
  const gaps = new ByteWriter();
  let previous = -1;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    if (doc <= previous || doc >= universe) throw new RangeError(`report numbers must be sorted, distinct and below ${universe}`);
    gaps.varint(doc - previous - 1);
    previous = doc;
  }
  const bitmapBytes = Math.ceil(universe / 8);
  out.varint(docs.length);
  if (gaps.length <= bitmapBytes) {
    out.byte(DELTA);
    out.varint(gaps.length);
    out.bytes(gaps.finish());
    return;
  }
  const bitmap = new Uint8Array(bitmapBytes);
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    bitmap[doc >> 3] |= 1 << (doc & 7);
  }
  out.byte(BITMAP);
  out.varint(bitmap.length);
  out.bytes(bitmap);
}

/** The first index below `end` of `docs` (ascending) holding a number ≥ `from`, or `end`. */
export function firstAtLeast(docs: Uint32Array, from: number, end = docs.length): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reads a set written by writeDocSet as sorted report numbers. */
export function readDocSet(input: ByteReader): Uint32Array {
  const size = input.varint();
  const tag = input.byte();
  const payload = input.bytes(input.varint());
  const docs = new Uint32Array(size);
  if (tag === DELTA) {
    const data = new ByteReader(payload);
    let previous = -1;
    for (let i = 0; i < size; i++) {
      previous += data.varint() + 1;
      docs[i] = previous;
    }
    return docs;
  }
  if (tag !== BITMAP) throw new RangeError(`unknown report-set encoding ${tag} in the search index`);
  const bitmap = payload;
  let i = 0;
  for (let byte = 0; byte < bitmap.length && i < size; byte++) {
    const bits = bitmap[byte];
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) docs[i++] = byte * 8 + bit;
  }
  if (i !== size) throw new RangeError(`search index bitmap holds ${i} reports, its header says ${size}`);
  return docs;
}

/**
 * 32-bit FNV-1a over the key's UTF-8 bytes: which bucket file holds a token. Browsers and Node
 * must agree byte for byte, hence a fixed, simple hash rather than anything platform-provided.
 */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (const b of encoder.encode(key)) {
    hash ^= b;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The bucket file a token lives in, for an index of `buckets` buckets (a power of two). */
export function bucketOf(key: string, buckets: number): number {
  return hashKey(key) & (buckets - 1);
}
