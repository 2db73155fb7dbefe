/**
 * `npm run check` as editors run it: exit code and the complete list on stderr.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('npm run check -- --fix', () => {
  const temp = mkdtempSync(join(tmpdir(), 'xieshang-fix-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('rewrites BOM and CRLF files to LF without BOM, byte for byte, and leaves every other file alone', () => {
    cpSync(join(ROOT, 'content/topics.yaml'), join(temp, 'topics.yaml'));
    cpSync(join(ROOT, 'content/outlets.yaml'), join(temp, 'outlets.yaml'));
    mkdirSync(join(temp, 'reports/2022'), { recursive: true });
    const lf = '---\ntitle: 测试\ndate: 2022-04-01\ndateCertainty: stated\noutlet: rmzxw\nkind: news\nregions: ["330114"]\n---\n\n正文。  \n\n第二段\t结尾\n';
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf.replace(/\n/g, '\r\n'))]);
    const bad = join(temp, 'reports/2022/2022-04-01-ce-shi.md');
    const good = join(temp, 'reports/2022/2022-04-01-ce-shi-er.md');
    writeFileSync(bad, crlf);
    writeFileSync(good, lf.replace('测试', '测试二'));
    const before = readFileSync(good);

    const plain = runCheck('--content', temp, '--json');
    expect(plain.status).toBe(0);
    expect((JSON.parse(plain.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code).sort()).toEqual(['bom', 'crlf']);

    const run = runCheck('--content', temp, '--fix', '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('content/reports/2022/2022-04-01-ce-shi.md');
    expect(readFileSync(bad).equals(Buffer.from(lf))).toBe(true);
    expect(readFileSync(good).equals(before)).toBe(true);
    expect(JSON.parse(run.stdout)).toMatchObject({ reports: 2, errors: 0, warnings: 0 });
  }, 30_000);
});
