import { describe, expect, it } from 'vitest';
import { bucketOf, ByteReader, ByteWriter, hashKey, readDocSet, writeDocSet } from '../../../../src/lib/search/index/codec.ts';
import { createRng } from '../../../../src/lib/bench/prng.ts';

function roundTripVarints(values: number[]): number[] {
  const w = new ByteWriter();
  for (const v of values) w.varint(v);
  const r = new ByteReader(w.finish());
  const out = values.map(() => r.varint());
  expect(r.done).toBe(true);
  return out;
}

/** Bytes of one varint, computed independently of ByteWriter. */
function varintLength(v: number): number {
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

function encodeSet(docs: number[], universe: number): { bytes: Uint8Array; tag: number; payload: number } {
  const w = new ByteWriter();
  writeDocSet(w, docs, universe);
  const bytes = w.finish();
  const r = new ByteReader(bytes);
  expect(r.varint()).toBe(docs.length);
  const tag = r.byte();
  const payload = r.varint();
  return { bytes, tag, payload };
}

function decodeSet(bytes: Uint8Array): number[] {
  const r = new ByteReader(bytes);
  const docs = Array.from(readDocSet(r));
  expect(r.done).toBe(true);
  return docs;
}

describe('varints', () => {
  it('encode known values in 7-bit groups, lowest first', () => {
    const w = new ByteWriter();
    w.varint(0);
    w.varint(127);
    w.varint(128);
    w.varint(300);
    expect(Array.from(w.finish())).toEqual([0x00, 0x7f, 0x80, 0x01, 0xac, 0x02]);
  });

  it('round-trip small, boundary and large values up to 2^53 − 1', () => {
    const values = [0, 1, 127, 128, 255, 16383, 16384, 2 ** 21 - 1, 2 ** 21, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 35 + 12345, 2 ** 49, Number.MAX_SAFE_INTEGER];
    expect(roundTripVarints(values)).toEqual(values);
    const w = new ByteWriter();
    w.varint(Number.MAX_SAFE_INTEGER);
    expect(w.length).toBe(8);
  });

  it('round-trip thousands of random values (the buffer grows past its first 1 kB)', () => {
    const rng = createRng(42);
    const values = Array.from({ length: 5000 }, () => Math.floor(rng.next() * 2 ** rng.int(0, 53)));
    expect(roundTripVarints(values)).toEqual(values);
  });

  it('refuse negative, fractional and unsafe integers', () => {
    const w = new ByteWriter();
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, Infinity]) expect(() => w.varint(bad)).toThrow(RangeError);
    expect(w.length).toBe(0);
  });

  it('throw on truncated input instead of returning garbage', () => {
    expect(() => new ByteReader(new Uint8Array([])).varint()).toThrow(RangeError);
    expect(() => new ByteReader(new Uint8Array([0x80])).varint()).toThrow(RangeError);
    expect(() => new ByteReader(new Uint8Array([0xff, 0xff, 0xff])).varint()).toThrow(RangeError);
    const w = new ByteWriter();
    w.varint(2 ** 40);
    const bytes = w.finish();
    expect(() => new ByteReader(bytes.subarray(0, bytes.length - 1)).varint()).toThrow(/ends early/);
  });
});

describe('strings and bytes', () => {
  it('round-trip UTF-8 strings with their byte length', () => {
    const w = new ByteWriter();
    for (const s of ['', '钱塘区', '5G基站', '𠀀 astral', 'a'.repeat(300)]) w.string(s);
    const bytes = w.finish();
    expect(bytes[1]).toBe(9); // 钱塘区: three 3-byte characters
    const r = new ByteReader(bytes);
    expect([r.string(), r.string(), r.string(), r.string(), r.string()]).toEqual(['', '钱塘区', '5G基站', '𠀀 astral', 'a'.repeat(300)]);
    expect(r.done).toBe(true);
  });

  it('throw when a string or byte run is cut short', () => {
    const w = new ByteWriter();
    w.string('钱塘区');
    const bytes = w.finish();
    expect(() => new ByteReader(bytes.subarray(0, 5)).string()).toThrow(RangeError);
    expect(() => new ByteReader(new Uint8Array([1, 2])).bytes(3)).toThrow(RangeError);
    expect(() => new ByteReader(new Uint8Array([])).byte()).toThrow(RangeError);
  });
});

describe('report sets', () => {
  it('use gaps for a sparse set and a bitmap for a dense one', () => {
    const sparse = encodeSet([3, 500, 999], 1000);
    expect(sparse.tag).toBe(0);
    expect(sparse.payload).toBe(1 + 2 + 2); // gaps 3, 496, 498
    const dense = encodeSet(Array.from({ length: 1000 }, (_, i) => i), 1000);
    expect(dense.tag).toBe(1);
    expect(dense.payload).toBe(125);
  });

  it('switch to the bitmap exactly when the gaps get longer than it', () => {
    // Universe 80: the bitmap is 10 bytes; n consecutive reports take n one-byte gaps.
    const ten = encodeSet(Array.from({ length: 10 }, (_, i) => i), 80);
    expect([ten.tag, ten.payload]).toEqual([0, 10]);
    const eleven = encodeSet(Array.from({ length: 11 }, (_, i) => i), 80);
    expect([eleven.tag, eleven.payload]).toEqual([1, 10]);
    expect(decodeSet(ten.bytes)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(decodeSet(eleven.bytes)).toEqual(Array.from({ length: 11 }, (_, i) => i));
  });

  it('round-trip the empty set, report 0 and report universe − 1 in both encodings', () => {
    for (const universe of [0, 1, 7, 8, 9, 100]) expect(decodeSet(encodeSet([], universe).bytes)).toEqual([]);
    expect(decodeSet(encodeSet([0], 1).bytes)).toEqual([0]);
    const delta = encodeSet([0, 4095], 4096);
    expect(delta.tag).toBe(0);
    expect(decodeSet(delta.bytes)).toEqual([0, 4095]);
    // Universe 13 (not a multiple of 8): every report, so a 2-byte bitmap.
    const all = Array.from({ length: 13 }, (_, i) => i);
    const bitmap = encodeSet(all, 13);
    expect([bitmap.tag, bitmap.payload]).toEqual([1, 2]);
    expect(decodeSet(bitmap.bytes)).toEqual(all);
    const ends = encodeSet([0, 1, 2, 15], 16);
    expect(ends.tag).toBe(1);
    expect(decodeSet(ends.bytes)).toEqual([0, 1, 2, 15]);
  });

  it('round-trip random sets of every density, always in the smaller encoding', () => {
    const rng = createRng(7);
    let deltas = 0;
    let bitmaps = 0;
    for (let trial = 0; trial < 300; trial++) {
      const universe = rng.int(1, 3000);
      const density = rng.next() ** 3;
      const docs: number[] = [];
      for (let d = 0; d < universe; d++) if (rng.next() < density) docs.push(d);
      const { bytes, tag, payload } = encodeSet(docs, universe);
      let gapBytes = 0;
      let previous = -1;
      for (const d of docs) {
        gapBytes += varintLength(d - previous - 1);
        previous = d;
      }
      const bitmapBytes = Math.ceil(universe / 8);
      expect(tag).toBe(gapBytes <= bitmapBytes ? 0 : 1);
      expect(payload).toBe(Math.min(gapBytes, bitmapBytes));
      if (tag === 0) deltas++;
      else bitmaps++;
      expect(decodeSet(bytes)).toEqual(docs);
    }
    expect(deltas).toBeGreaterThan(20);
    expect(bitmaps).toBeGreaterThan(20);
  });

  it('read consecutive sets from one buffer', () => {
    const w = new ByteWriter();
    writeDocSet(w, [1, 2, 3], 64);
    writeDocSet(w, Array.from({ length: 60 }, (_, i) => i), 64);
    w.varint(99);
    const r = new ByteReader(w.finish());
    expect(Array.from(readDocSet(r))).toEqual([1, 2, 3]);
    expect(readDocSet(r).length).toBe(60);
    expect(r.varint()).toBe(99);
    expect(r.done).toBe(true);
  });

  it('refuse unsorted, repeated or out-of-range reports', () => {
    expect(() => writeDocSet(new ByteWriter(), [2, 1], 10)).toThrow(RangeError);
    expect(() => writeDocSet(new ByteWriter(), [1, 1], 10)).toThrow(RangeError);
    expect(() => writeDocSet(new ByteWriter(), [10], 10)).toThrow(RangeError);
  });

  it('reject an unknown encoding, a bitmap that disagrees with its header, and truncation', () => {
    expect(() => readDocSet(new ByteReader(new Uint8Array([1, 7, 1, 0])))).toThrow(/unknown/);
    // Header says 3 reports, the bitmap holds 2 (reports 0 and 1).
    expect(() => readDocSet(new ByteReader(new Uint8Array([3, 1, 1, 0b11])))).toThrow(RangeError);
    const { bytes } = encodeSet([5, 70, 900], 1000);
    expect(() => readDocSet(new ByteReader(bytes.subarray(0, bytes.length - 1)))).toThrow(RangeError);
  });
});

/** FNV-1a 32 written independently (BigInt over Node's UTF-8), to check hashKey's arithmetic. */
function referenceFnv(key: string): number {
  let h = 0x811c9dc5n;
  for (const b of Buffer.from(key, 'utf8')) h = ((h ^ BigInt(b)) * 0x01000193n) & 0xffffffffn;
  return Number(h);
}

describe('hashKey and bucketOf', () => {
  it('match the published FNV-1a 32 test vectors', () => {
    expect(hashKey('')).toBe(0x811c9dc5);
    expect(hashKey('a')).toBe(0xe40c292c);
    expect(hashKey('foobar')).toBe(0xbf9cf968);
  });

  it('give pinned values for index tokens (browser and build must agree)', () => {
    expect(hashKey('钱塘')).toBe(0x256bedc5);
    expect(hashKey('5g')).toBe(0x5ae10015);
    expect(hashKey('区')).toBe(0x4359eb9a);
  });

  it('agree with a reference implementation on many keys, unsigned and 32-bit', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i++) {
      const key = Array.from({ length: rng.int(1, 6) }, () => String.fromCodePoint(rng.pick([rng.int(0x4e00, 0x9fff), rng.int(0x30, 0x7a), rng.int(0x20000, 0x2a6df)]))).join('');
      const h = hashKey(key);
      expect(h).toBe(referenceFnv(key));
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    }
  });

  it('take the low bits for a power-of-two bucket count', () => {
    expect(bucketOf('钱塘', 1)).toBe(0);
    expect(bucketOf('钱塘', 16)).toBe(0x256bedc5 & 15);
    expect(bucketOf('钱塘', 1024)).toBe(0x256bedc5 & 1023);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const b = bucketOf(`词${i}`, 8);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(8);
      seen.add(b);
    }
    expect(seen.size).toBe(8);
  });
});
