/**
 * The search index pass's memory of its last run (IndexMemory, write-index.ts) as one file's bytes,
 * kept in Astro's cache directory between builds. Pure; src/node reads and writes the file.
 */
import { ByteReader, ByteWriter } from '../index/codec.ts';
import type { IndexedPage, IndexFileEntry, IndexMemory } from './write-index.ts';

/** The file's first string: a file of another shape (an older version of this code) is not read. */
const MEMORY_FORMAT = 'xieshang search-index memory 2';

/**
 * The memory's bytes in pieces, to be written one after the other: the postings (most of the
 * file) are not copied into one buffer with the rest.
 */
export function encodeIndexMemory(memory: IndexMemory): Uint8Array[] {
  const out = new ByteWriter();
  out.string(MEMORY_FORMAT);
  out.string(memory.inputs);
  out.string(memory.version);
  out.varint(memory.pages.length);
  for (const page of memory.pages) {
    out.string(page.path);
    out.string(page.date);
    out.string(page.digest);
    out.string(page.stamp ?? '');
  }
  out.varint(memory.files.size);
  for (const [path, file] of memory.files) {
    out.string(path);
    out.string(file.raw);
    out.string(file.packed);
    out.varint(file.size);
    out.string(file.stamp ?? '');
  }
  out.varint(memory.postings.reduce((sum, piece) => sum + piece.length, 0));
  return [out.finish(), ...memory.postings];
}

/** The memory in `bytes`, or undefined when they are not one (another format, cut short). */
export function decodeIndexMemory(bytes: Uint8Array): IndexMemory | undefined {
  try {
    const input = new ByteReader(bytes);
    if (input.string() !== MEMORY_FORMAT) return undefined;
    const inputs = input.string();
    const version = input.string();
    const pages: IndexMemory['pages'] = [];
    for (let n = input.varint(); n > 0; n--) {
      const page: IndexedPage = { path: input.string(), date: input.string(), digest: input.string() };
      const stamp = input.string();
      pages.push(stamp ? { ...page, stamp } : page);
    }
    const files = new Map<string, IndexFileEntry>();
    for (let n = input.varint(); n > 0; n--) {
      const path = input.string();
      const file: IndexFileEntry = { raw: input.string(), packed: input.string(), size: input.varint() };
      const stamp = input.string();
      files.set(path, stamp ? { ...file, stamp } : file);
    }
    const postings = [input.bytes(input.varint())];
    if (!input.done) return undefined;
    return { inputs, version, pages, files, postings };
  } catch {
    return undefined;
  }
}
