/**
 * The search index's writes on a thread of their own (src/node/threaded-file-tree.ts): the
 * operations land in the order given, more of them than the queue holds do not deadlock, and a
 * failed write is thrown at flush instead of being lost.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { threadedFileTree } from '../../../src/node/threaded-file-tree.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'xieshang-threaded-'));
  dirs.push(dir);
  return dir;
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe('threadedFileTree', () => {
  it('applies removals, writes and renames in order, past the queue limit', async () => {
    const root = scratch();
    writeFileSync(join(root, 'old.txt'), 'old');
    const tree = threadedFileTree(root);
    tree.remove('old.txt');
    // 20,000 writes: more than the 256 batches of 64 the queue holds.
    for (let i = 0; i < 20_000; i++) tree.write(`.building/${i % 100}/${i}.bin`, bytes(String(i)));
    tree.rename('.building', 'v1');
    tree.write('manifest.json', bytes('{"version":"v1"}'));
    await tree.flush();
    expect(existsSync(join(root, 'old.txt'))).toBe(false);
    expect(readFileSync(join(root, 'v1/99/19999.bin'), 'utf8')).toBe('19999');
    expect(readdirSync(join(root, 'v1')).length).toBe(100);
    expect(readFileSync(join(root, 'manifest.json'), 'utf8')).toBe('{"version":"v1"}');
    // 20,000 files created: vitest's 5 s default was exceeded under load, when many files had just
    // been deleted (this machine's journal-less ext4 then scans past recently freed inodes on each
    // create: up to 0.5 ms a file). A correctness test, not a timed one.
  }, 60_000);

  it('throws the first failed operation at flush', async () => {
    const root = scratch();
    writeFileSync(join(root, 'blocker'), 'a file where a directory must go');
    const tree = threadedFileTree(root);
    tree.write('blocker/inside.bin', bytes('x'));
    tree.write('after.bin', bytes('y'));
    await expect(tree.flush()).rejects.toThrow(/Writing the built site failed/);
    expect(existsSync(join(root, 'after.bin'))).toBe(false);
  });
});
