/**
 * A digest of the code a build-time pass runs, for the passes that remember their last run in
 * Astro's cache directory (the search index's IndexMemory, the content check's CheckMemory): a
 * memory made by other code is not used. Covers every file under src/lib, src/node and
 * src/schemas (more than any one pass imports: a code change costs one run from nothing, which is
 * cheaper than a module graph to keep right), the lockfile (the packages they use), and this
 * Node's version, zlib and Unicode data (gzip bytes, the tokeniser's character classes).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../', import.meta.url));
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const DIRS = ['lib', 'node', 'schemas'];

let digest: string | undefined;

/** The digest (worked out once per process: the code does not change while it runs). */
export function codeDigest(): string {
  if (digest !== undefined) return digest;
  const hash = createHash('sha256');
  hash.update(`node ${process.versions.node} zlib ${process.versions.zlib} unicode ${process.versions.unicode}\n`);
  for (const dir of DIRS) {
    const files = (readdirSync(join(SOURCE, dir), { recursive: true }) as string[])
      .map((p) => p.split('\\').join('/'))
      .filter((p) => /\.(ts|mjs|js|json)$/.test(p))
      .sort();
    for (const file of files) {
      hash.update(`${dir}/${file}\n`);
      hash.update(readFileSync(join(SOURCE, dir, file)));
    }
  }
  const lockfile = join(PROJECT, 'package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return (digest = hash.digest('base64url'));
}
