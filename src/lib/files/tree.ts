/**
 * A directory tree as the build-time tools see it: the few file operations they need, passed in
 * (src/node/file-tree.ts gives Node's), so the walking, ordering and writing logic in src/lib stays
 * free of fs and can be tested on a map of paths. Paths are '/'-separated and relative to the
 * tree's root ('' is the root itself).
 */
export interface FileTree {
  /** The names in a directory, in any order; throws if it does not exist. */
  list(dir: string): string[];
  isDirectory(path: string): boolean;
  read(path: string): Uint8Array;
  /**
   * A stamp of the file as it stands, which changes whenever its bytes may have changed (Node's
   * tree: size, modification and change times in nanoseconds, inode); undefined when the tree
   * cannot tell or the file is missing. The passes over the built site compare it with the stamp
   * they recorded last time instead of reading and hashing a file again (an editor's wait). Only
   * the build writes its output directory, one step after another, so a file cannot change within
   * one tick of the file system's clock after it was stamped; a tool that copies a file keeping its
   * times gives it a new change time and inode, so its stamp differs.
   */
  stamp?(path: string): string | undefined;
}

/** A tree that can also be written (the search index). */
export interface WritableFileTree extends FileTree {
  /** Writes a file, creating its parent directories. */
  write(path: string, data: Uint8Array): void;
  /** Removes a file or directory and everything under it; nothing if absent. */
  remove(path: string): void;
  /** Moves a file or directory, replacing a file at `to` and creating its parent directories. */
  rename(from: string, to: string): void;
}

/** `dir/name`, or `name` at the root. */
export function joinPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/**
 * Every file under `dir` as paths from the root, in code-point order at each level (readdir order
 * differs between file systems, so output is the same everywhere). `enter` says which
 * sub-directories to walk (default: all).
 */
export function walkFiles(tree: FileTree, dir: string, enter: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of tree.list(current).sort()) {
      const path = joinPath(current, name);
      if (tree.isDirectory(path)) {
        if (enter(name)) walk(path);
      } else out.push(path);
    }
  };
  walk(dir);
  return out;
}
