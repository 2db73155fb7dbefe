/** `npm run new -- --dossier`: the skeleton passes the check and sits where dossiers live. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import { dossierSkeleton } from '../../../src/lib/dossier/skeleton.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

describe('dossier skeleton', () => {
  it('is a valid dossier under content/dossiers/', () => {
    const { path, text } = dossierSkeleton({ title: '浙江的电子商务', date: '2025-07-01', regions: ['330000'], topics: ['e-commerce'] });
    expect(path).toBe('content/dossiers/zhe-jiang-de-dian-zi-shang-wu.mdx');
    const { problems } = checkContent([{ path, bytes: new TextEncoder().encode(text) }], { registry: loadRegistry(contentDirUrl()), today: '2030-01-01' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('is what npm run new -- --dossier writes', () => {
    const root = mkdtempSync(join(tmpdir(), 'new-dossier-'));
    try {
      execFileSync('npx', ['tsx', 'scripts/new.ts', '--dossier', '--title', '浙江的电子商务', '--region', '浙江省', '--topics', '电子商务', '--date', '2025-07-01', '--root', root], { stdio: 'pipe' });
      const written = readFileSync(join(root, 'content/dossiers/zhe-jiang-de-dian-zi-shang-wu.mdx'), 'utf8');
      expect(written).toBe(dossierSkeleton({ title: '浙江的电子商务', date: '2025-07-01', regions: ['330000'], topics: ['e-commerce'] }).text);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 30_000);
});
