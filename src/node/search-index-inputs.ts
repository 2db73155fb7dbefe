/**
 * What the search index pass's memory of its last run (IndexMemory, src/lib/search/build/
 * write-index.ts) depends on besides the pages: the code that reads pages, tokenises and encodes,
 * the packages it uses, and the gzip and Unicode data of this Node. A memory made with other inputs
 * is not used, and the index is made from nothing.
 *
 * The code is every file under src/lib and src/node, more than the pass imports: a change to any
 * of them costs one index from nothing (about 20 s at 10,000 reports), which is cheaper than a
 * module graph to keep right. Carried postings must never come from another tokeniser.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_GZIP_LEVEL } from './packing.ts';

const SOURCE = fileURLToPath(new URL('../', import.meta.url));
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

export function searchIndexInputs(): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.versions.node} zlib ${process.versions.zlib} unicode ${process.versions.unicode} gzip level ${INDEX_GZIP_LEVEL}\n`);
  for (const dir of ['lib', 'node']) {
    const files = (readdirSync(join(SOURCE, dir), { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort();
    for (const file of files) {
      const path = join(SOURCE, dir, file);
      if (!/\.(ts|mjs|js|json)$/.test(file)) continue;
      hash.update(`${dir}/${file}\n`);
      hash.update(readFileSync(path));
    }
  }
  const lockfile = join(PROJECT, 'package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('base64url');
}
