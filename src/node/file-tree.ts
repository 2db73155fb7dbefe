/**
 * Node's file system as a src/lib/files/tree.ts FileTree rooted at a directory: the one adapter
 * the integrations, scripts/ and the editor server hand to the build-time logic in src/lib.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { WritableFileTree } from '../lib/files/tree.ts';

export interface NodeTreeOptions {
  /**
   * Write each file under a temporary name in this directory (relative to the root, on the same
   * file system) and rename it into place, so a reader at the same moment (another worker) sees
   * the old file or the new one, never half of one, and never a temporary file beside it.
   */
  atomicWritesVia?: string;
}

/** The directory `root` as a (writable) FileTree. */
export function nodeFileTree(root: string, options: NodeTreeOptions = {}): WritableFileTree {
  const at = (path: string) => (path ? join(root, ...path.split('/')) : root);
  let written = 0;
  return {
    list: (dir) => readdirSync(at(dir)),
    isDirectory: (path) => statSync(at(path)).isDirectory(),
    read: (path) => readFileSync(at(path)),
    write: (path, data) => {
      mkdirSync(dirname(at(path)), { recursive: true });
      if (options.atomicWritesVia === undefined) return writeFileSync(at(path), data);
      const scratchDir = at(options.atomicWritesVia);
      if (written === 0) mkdirSync(scratchDir, { recursive: true });
      const scratch = join(scratchDir, `${process.pid}-${threadId}-${written++}.tmp`);
      writeFileSync(scratch, data);
      renameSync(scratch, at(path));
    },
    remove: (path) => rmSync(at(path), { recursive: true, force: true }),
    rename: (from, to) => renameSync(at(from), at(to)),
  };
}
