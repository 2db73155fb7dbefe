/** An in-memory FileTree for the build-time logic's unit tests (src/lib/files/tree.ts). */
import type { WritableFileTree } from '../../src/lib/files/tree.ts';

/** A map of paths as a file tree (directories are the prefixes of its paths). */
export function memoryTree(files: Record<string, string>): WritableFileTree & { files: Map<string, Uint8Array>; reads: Map<string, number> } {
  const map = new Map<string, Uint8Array>(Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)]));
  // Stamps (FileTree.stamp): a new one for every write; a rename moves the file with its stamp.
  let writes = 0;
  const stamps = new Map<string, string>([...map.keys()].map((p) => [p, `w${writes++}`]));
  // How often each path was read, for tests that a stamped file is not read again.
  const reads = new Map<string, number>();
  const prefix = (dir: string) => (dir ? `${dir}/` : '');
  const under = (dir: string) => [...map.keys()].filter((p) => p.startsWith(prefix(dir)));
  return {
    files: map,
    reads,
    list: (dir) => {
      const names = [...new Set(under(dir).map((p) => p.slice(prefix(dir).length).split('/')[0]))];
      if (!names.length) throw new Error(`no such directory: ${dir}`);
      return names;
    },
    isDirectory: (path) => !map.has(path) && under(path).length > 0,
    read: (path) => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return map.get(path) ?? (() => { throw new Error(`no such file: ${path}`); })();
    },
    stamp: (path) => stamps.get(path),
    write: (path, data) => {
      map.set(path, data);
      stamps.set(path, `w${writes++}`);
    },
    remove: (path) => {
      for (const p of [path, ...under(path)]) {
        map.delete(p);
        stamps.delete(p);
      }
    },
    rename: (from, to) => {
      const move = (a: string, b: string) => {
        map.set(b, map.get(a)!);
        stamps.set(b, stamps.get(a)!);
        map.delete(a);
        stamps.delete(a);
      };
      if (map.has(from)) return move(from, to);
      for (const p of under(from)) move(p, to + p.slice(from.length));
    },
  };
}

