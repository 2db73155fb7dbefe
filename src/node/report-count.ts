/**
 * How many report files (.md, .mdx) a content directory holds, counted without reading them: the
 * one count behind the build's heap budget (scripts/astro-with-heap-budget.mjs) and the choice of
 * Astro's data store (collection-storage.ts). Plain erasable TypeScript, so the .mjs script can
 * import it under Node's type stripping.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Report files under `dir`, recursively; 0 if it does not exist. */
export function countReportFiles(dir: string): number {
  let count = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) count += countReportFiles(join(dir, entry.name));
    else if (/\.mdx?$/u.test(entry.name)) count++;
  }
  return count;
}
