/**
 * `npm run check` as editors run it: exit code and the complete list on stderr.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function runCheck(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts', '--today', '2026-11-23', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('scripts/check.ts', () => {
  const temp = mkdtempSync(join(tmpdir(), 'xieshang-check-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('exits 1 and lists every malformed fixture in one run', () => {
    const run = runCheck('--content', 'tests/fixtures/malformed/content', '--registry', 'content');
    expect(run.status).toBe(1);
    const listed = new Set([...run.stderr.matchAll(/^(content\/\S+?)(?::\d+)?\s/gm)].map((m) => m[1]));
    expect(listed.size).toBeGreaterThanOrEqual(45);
    expect(run.stderr).toMatch(/内容检查：\d+ 篇报道，\d+ 个错误/);
  }, 30_000);

  it('exits 0 on valid content even with warnings, and --json is machine-readable', () => {
    cpSync(join(ROOT, 'content/topics.yaml'), join(temp, 'topics.yaml'));
    cpSync(join(ROOT, 'content/outlets.yaml'), join(temp, 'outlets.yaml'));
    mkdirSync(join(temp, 'reports/2022'), { recursive: true });
    writeFileSync(
      join(temp, 'reports/2022/2022-04-ce-shi.md'),
      '---\ntitle: 测试\ndate: 2022-04\ndateCertainty: inferred\ndateNote: 据文意推定。\noutlet: rmzxw\nkind: news\nregions: ["330114"]\n---\n\n正文。\n',
    );
    const run = runCheck('--content', temp, '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { reports: number; errors: number; warnings: number };
    expect(json).toMatchObject({ reports: 1, errors: 0, warnings: 1 });
  }, 30_000);
});
