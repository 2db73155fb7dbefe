/** An in-memory FileTree for the build-time logic's unit tests (src/lib/files/tree.ts). */
import type { WritableFileTree } from '../../src/lib/files/tree.ts';

/** A map of paths as a file tree (directories are the prefixes of its paths). */
export function memoryTree(files: Record<string, string>): WritableFileTree & { files: Map<string, Uint8Array> } {
  const map = new Map<string, Uint8Array>(Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)]));
  const prefix = (dir: string) => (dir ? `${dir}/` : '');
  const under = (dir: string) => [...map.keys()].filter((p) => p.startsWith(prefix(dir)));
  return {
    files: map,
    list: (dir) => {
      const names = [...new Set(under(dir).map((p) => p.slice(prefix(dir).length).split('/')[0]))];
      if (!names.length) throw new Error(`no such directory: ${dir}`);
      return names;
    },
    isDirectory: (path) => !map.has(path) && under(path).length > 0,
    read: (path) => map.get(path) ?? (() => { throw new Error(`no such file: ${path}`); })(),
    write: (path, data) => void map.set(path, data),
    remove: (path) => {
      for (const p of [path, ...under(path)]) map.delete(p);
    },
    rename: (from, to) => {
      if (map.has(from)) {
        map.set(to, map.get(from)!);
        map.delete(from);
        return;
      }
      for (const p of under(from)) {
        map.set(to + p.slice(from.length), map.get(p)!);
        map.delete(p);
      }
    },
  };
}

