/**
 * Integrations only hook into Astro and call src/lib (the logic) through src/node (the Node
 * adapters), as Astro's own sitemap integration does: none of them touches the file system itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../src/integrations');

describe('integrations', () => {
  it('never import node:fs (they hand src/node/file-tree.ts to src/lib instead)', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((f) => /from 'node:fs'/.test(readFileSync(join(dir, f), 'utf8')))).toEqual([]);
  });
});
