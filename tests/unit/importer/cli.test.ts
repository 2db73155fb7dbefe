/**
 * scripts/import.ts as users run it: the --json contract, exit codes, no overwrite without --force,
 * byte-identical re-imports, and bad input leaving the output directory untouched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const out = mkdtempSync(join(tmpdir(), 'import-test-'));
const outOverrides = mkdtempSync(join(tmpdir(), 'import-override-test-'));
afterAll(() => [out, outOverrides].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function runImport(...args: string[]) {
  return spawnSync(tsx, ['scripts/import.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('npm run import', { timeout: 60_000 }, () => {
  it('--json prints exactly one JSON document in the documented shape, with a non-zero exit for the binary file', () => {
    const r = runImport('tests/fixtures/raw', 'tests/fixtures/importer/binary-garbage/input.txt', '--dry-run', '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/binary-garbage\/input\.txt: the file looks binary/);
    // The speech without date or place: one line naming the flags that fix it.
    expect(r.stderr).toContain('tests/fixtures/raw/003_d6b46ebe4a9d7da5.txt: not written (在市人大常委会“问政面对面”活动上的发言): missing regions, date. Fix: re-run with --region <code or name> --date YYYY[-MM[-DD]] --date-note "…".');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['files']);
    expect(doc.files.map((f: { input: string }) => f.input)).toEqual([
      'tests/fixtures/raw/000_9fc21054d9c2817b.txt',
      'tests/fixtures/raw/001_9e08ea44689748e1.txt',
      'tests/fixtures/raw/002_81c081a43c0d89c8.txt',
      'tests/fixtures/raw/003_d6b46ebe4a9d7da5.txt',
      'tests/fixtures/raw/004_f20567b8de172bac.txt',
    ]);
    const article = doc.files[0].articles[0];
    expect(Object.keys(article)).toEqual(['title', 'date', 'dateCertainty', 'outlet', 'reporters', 'editors', 'kind', 'regions', 'topics', 'figures', 'events', 'body', 'removed', 'warnings', 'problems']);
    // Problems as values: code and field to pick them by, the message as printed.
    expect(article.problems.every((p: { code: string; message: string }) => p.code && p.message)).toBe(true);
    expect(article.problems.map((p: { message: string }) => p.message)).toEqual(article.warnings);
    expect(doc.files[0].encoding).toBe('utf-8');
    expect(article.regions).toEqual([{ code: '330108', name: '浙江省杭州市滨江区' }]);
    expect(article.outlet).toBe('人民政协网');
    for (const f of doc.files) {
      expect(['utf-8', 'gbk', 'gb18030', 'big5']).toContain(f.encoding);
      for (const a of f.articles) {
        expect(a.date === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.date)).toBe(true);
        expect([null, 'stated', 'inferred']).toContain(a.dateCertainty);
        for (const rem of a.removed) expect(Object.keys(rem)).toEqual(['text', 'reason']);
      }
    }
    expect(listFiles(out)).toEqual([]);
  });

  it('writes reports once, byte-identical on re-import, and never overwrites a changed file without --force', () => {
    const first = runImport('tests/fixtures/raw/000_9fc21054d9c2817b.txt', 'tests/fixtures/raw/004_f20567b8de172bac.txt', '--out', out);
    expect(first.status).toBe(0);
    const files = listFiles(out);
    expect(files.map((f) => f.slice(out.length))).toEqual(['/2022/2022-04-01-qian-tang-jiang-pan-ying-jie-gao-yuan.md', '/2022/2022-08-24-jin-nian-shang-ban-nian-qian-tang-qu.md']);
    const before = files.map((f) => readFileSync(f));
    // One re-import run checks both: the untouched report is reproduced byte for byte without
    // complaint, the hand-edited one is refused (fewer CLI starts keep this test fast).
    writeFileSync(files[0], 'edited by hand\n');
    const again = runImport('tests/fixtures/raw/000_9fc21054d9c2817b.txt', 'tests/fixtures/raw/004_f20567b8de172bac.txt', '--out', out);
    expect(again.status).toBe(1);
    expect(again.stderr.trim().split('\n')).toEqual([expect.stringMatching(/2022-04-01-qian-tang-jiang-pan-ying-jie-gao-yuan\.md: exists and differs; not overwritten. Fix: pass --force/)]);
    expect(readFileSync(files[0], 'utf8')).toBe('edited by hand\n');
    expect(readFileSync(files[1])).toEqual(before[1]);
    expect(runImport('tests/fixtures/raw/000_9fc21054d9c2817b.txt', 'tests/fixtures/raw/004_f20567b8de172bac.txt', '--out', out, '--force').status).toBe(0);
    expect(files.map((f) => readFileSync(f))).toEqual(before);
    expect(listFiles(out).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('the written report passes the schema as Astro will read it', () => {
    const file = listFiles(out)[0];
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: 钱塘江畔迎接高远未来\n/);
    expect(text).toContain('regions:\n  - "330108"');
    expect(execFileSync('git', ['status', '--porcelain', 'content/reports'], { encoding: 'utf8' })).not.toMatch(/2022-04-01-qian-tang-jiang-pan-ying-jie-gao-yuan\.md/);
  });

  it('override flags make the undated speech importable and are reported as set by editor (one run, --json, written)', () => {
    const r = runImport('tests/fixtures/raw/003_d6b46ebe4a9d7da5.txt', '--out', outOverrides, '--json', '--region', '义乌', '--date', '2022', '--date-note', '讲话提到浙江省第十五次党代会（2022年6月）', '--outlet=快文网', '--kind', '发言', '--topics', 'manufacturing,digital-economy');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const article = JSON.parse(r.stdout).files[0].articles[0];
    expect(article).toMatchObject({ date: '2022', dateCertainty: 'inferred', outlet: '快文网', kind: 'speech', topics: ['manufacturing', 'digital-economy'], regions: [{ code: '330782', name: '浙江省金华市义乌市' }] });
    expect(article.warnings.filter((w: string) => w.includes('set by editor'))).toHaveLength(5);
    const [file] = listFiles(outOverrides);
    expect(file.slice(outOverrides.length)).toBe('/2022/2022-zai-shi-ren-da-chang-wei-hui-wen.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('date: "2022"\ndateCertainty: inferred\ndateNote: 讲话提到浙江省第十五次党代会（2022年6月）\noutlet: hoachina\n');
    expect(text).toContain('  - "regions set by editor (--region): 330782 浙江省金华市义乌市"');
  });
});
