/**
 * A bad report fails the real build with a message naming the file, the field, what was expected
 * and an example. Each fixture in tests/fixtures/bad-reports is one kind of mistake.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'xieshang-bad-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function buildWith(fixture: string): { status: number | null; output: string; file: string } {
  const content = join(scratch, fixture.replace(/\W/g, '-'));
  mkdirSync(join(content, 'reports', '2022'), { recursive: true });
  for (const registry of ['topics.yaml', 'outlets.yaml']) copyFileSync(join('content', registry), join(content, registry));
  const file = join(content, 'reports', '2022', '2022-08-15-bad.md');
  copyFileSync(join('tests/fixtures/bad-reports', fixture), file);
  const result = spawnSync('npm', ['run', 'build'], {
    env: {
      ...process.env,
      ARCHIVE_CONTENT_DIR: content,
      ARCHIVE_OUT_DIR: join(content, 'dist'),
      ARCHIVE_CACHE_DIR: join(content, 'cache'),
    },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, file };
}

describe('a bad report fails the build', () => {
  it.each([
    ['unknown-region.md', 'regions', /339999[\s\S]*330114/],
    ['unknown-topic.md', 'topics', /民营经纪[\s\S]*private-economy/],
    ['malformed-date.md', 'date', /2022年8月15日[\s\S]*YYYY-MM-DD/],
    ['missing-title.md', 'title', /title: /],
  ])('%s: names the file, the field %s, and the fix', (fixture, field, expected) => {
    const { status, output } = buildWith(fixture);
    expect(status).not.toBe(0);
    expect(output).toContain('2022-08-15-bad');
    expect(output).toContain(field);
    expect(output).toMatch(expected);
  });
});
