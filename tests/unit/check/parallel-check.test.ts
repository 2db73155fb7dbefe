/**
 * The check on two threads (runContentCheckInParallel, used by the build and `npm run check`)
 * must say exactly what the check on one says: same problems, order, counts and text, also when
 * the files that clash (duplicates) are checked on different threads.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runContentCheck, runContentCheckInParallel } from '../../../src/node/content-check.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const MALFORMED = fileURLToPath(new URL('../../fixtures/malformed/content/', import.meta.url));
const TODAY = '2026-11-23';

const scratch = mkdtempSync(join(tmpdir(), 'parallel-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('runContentCheckInParallel', () => {
  it('finds what the one-thread check finds in the malformed fixtures (every kind of mistake)', async () => {
    const request = { dir: MALFORMED, registryDir: CONTENT, today: TODAY };
    const one = runContentCheck(request);
    expect(one.errors).toBeGreaterThan(20);
    expect(await runContentCheckInParallel(request, 1)).toEqual(one);
  });

  it('finds duplicates whose two files were checked on different threads', async () => {
    const dir = join(scratch, 'content');
    cpSync(CONTENT, dir, { recursive: true });
    // The first report again under the last year, so the two copies fall in different halves.
    const years = readdirSync(join(dir, 'reports')).sort();
    const first = readdirSync(join(dir, 'reports', years[0])).sort()[0];
    cpSync(join(dir, 'reports', years[0], first), join(dir, 'reports', years.at(-1)!, first));
    const request = { dir, today: TODAY };
    const one = runContentCheck(request);
    expect(one.problems.some((p) => p.code === 'duplicate-slug' || p.code === 'duplicate-report')).toBe(true);
    const two = await runContentCheckInParallel(request, 1);
    expect(two).toEqual(one);
    expect(two.text).toBe(one.text);
  });
});
