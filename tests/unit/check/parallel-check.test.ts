/**
 * The check on two threads (runContentCheckInParallel, used by the build and `npm run check`)
 * must say exactly what the check on one says: same problems, order, counts and text, also when
 * the files that clash (duplicates) are checked on different threads.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_MEMORY_FILE, runContentCheck, runContentCheckInParallel } from '../../../src/node/content-check.ts';

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

  // Several checks on two threads, each starting its worker: 4.5 s alone, over vitest's 5 s default under the whole suite's load.
  it('with a memory of the last check: checks again only what changed, and says what a check from nothing says', { timeout: 60_000 }, async () => {
    const dir = join(scratch, 'remembered');
    const registry = join(scratch, 'registry');
    cpSync(MALFORMED, dir, { recursive: true });
    cpSync(CONTENT, registry, { recursive: true, filter: (src) => !src.includes('/reports') && !src.includes('/dossiers') });
    const cacheDir = join(scratch, 'cache');
    let today = TODAY;
    const fresh = () => runContentCheck({ dir, registryDir: registry, today });
    const remembered = () => runContentCheckInParallel({ dir, registryDir: registry, today, cacheDir }, 1);
    expect(await remembered()).toEqual(fresh());

    // A finding marked in the memory shows through while its file is unchanged: it was not checked again.
    const memoryFile = join(cacheDir, CHECK_MEMORY_FILE);
    const mark = (path: string) => {
      const memory = JSON.parse(readFileSync(memoryFile, 'utf8'));
      memory.files[path].check.problems.push({ severity: 'warning', code: 'remembered', file: path, line: 1, message: 'REMEMBERED' });
      writeFileSync(memoryFile, JSON.stringify(memory));
    };
    const marked = async () => (await remembered()).problems.some((p) => p.message === 'REMEMBERED');
    const missingImage = 'content/reports/2022/2022-04-01-que-tu-pian.md';
    mark(missingImage);
    expect(await marked()).toBe(true);

    // Each of these checks the marked file again, and the result is a check from nothing.
    const changes: [string, () => void][] = [
      ['its bytes changed', () => appendFileSync(join(dir, 'reports/2022/2022-04-01-que-tu-pian.md'), '\n')],
      ['the image it names appeared', () => writeFileSync(join(dir, 'reports/2022/2022-04-01-que-tu-pian-1.jpg'), 'jpg')],
      ['the image it names went again', () => rmSync(join(dir, 'reports/2022/2022-04-01-que-tu-pian-1.jpg'))],
      ['a topic was renamed', () => writeFileSync(join(registry, 'topics.yaml'), readFileSync(join(registry, 'topics.yaml'), 'utf8').replace(/^(\s*name: )(.*)$/m, '$1$2（新）'))],
      ['today moved', () => (today = '2026-11-24')],
    ];
    for (const [what, change] of changes) {
      mark(missingImage);
      change();
      const result = await remembered();
      expect(result.problems.some((p) => p.message === 'REMEMBERED'), what).toBe(false);
      expect(result, what).toEqual(fresh());
    }
    // A damaged memory is no memory.
    writeFileSync(memoryFile, '{"inputs": 1');
    expect(await remembered()).toEqual(fresh());
  });
});

