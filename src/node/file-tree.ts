/**
 * Node's file system as a src/lib/files/tree.ts FileTree rooted at a directory: the one adapter
 * the integrations, scripts/ and the editor server hand to the build-time logic in src/lib.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WritableFileTree } from '../lib/files/tree.ts';

/** The directory `root` as a (writable) FileTree. */
export function nodeFileTree(root: string): WritableFileTree {
  const at = (path: string) => (path ? join(root, ...path.split('/')) : root);
  return {
    list: (dir) => readdirSync(at(dir)),
    isDirectory: (path) => statSync(at(path)).isDirectory(),
    read: (path) => readFileSync(at(path)),
    stamp: (path) => {
      try {
        const s = statSync(at(path), { bigint: true });
        return s.isFile() ? `${s.size} ${s.mtimeNs} ${s.ctimeNs} ${s.ino}` : undefined;
      } catch {
        return undefined;
      }
    },
    write: (path, data) => {
      mkdirSync(dirname(at(path)), { recursive: true });
      writeFileSync(at(path), data);
    },
    remove: (path) => rmSync(at(path), { recursive: true, force: true }),
    rename: (from, to) => {
      mkdirSync(dirname(at(to)), { recursive: true });
      renameSync(at(from), at(to));
    },
  };
}
