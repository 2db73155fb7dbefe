/**
 * The local backend's save plan (src/editor/server.ts): a new report goes where `npm run new`
 * writes it, an existing file is never overwritten by a new entry, and a save is refused with the
 * check's own messages (issue 16).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planSave } from '../../../src/editor/server.ts';
import { reportPath } from '../../../src/lib/archive/report-path.ts';
import { checkContent } from '../../../src/lib/check/check-content.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

const dir = mkdtempSync(join(tmpdir(), 'xieshang-plan-'));
cpSync('content', dir, { recursive: true });
const savedToday = process.env.ARCHIVE_TODAY;
process.env.ARCHIVE_TODAY = '2026-12-01';
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (savedToday === undefined) delete process.env.ARCHIVE_TODAY;
  else process.env.ARCHIVE_TODAY = savedToday;
});

const base = { title: '钱塘区政协协商跨境电商', date: '2022-05-18', dateCertainty: 'stated', outlet: 'rmzxw', kind: 'news', regions: ['330114'], topics: ['e-commerce'] };

describe('planSave', () => {
  it('puts a new report where npm run new would, with no problems', () => {
    const plan = planSave(dir, { data: base, body: '本报讯 正文。' }, undefined, true);
    expect(`content/${plan.path}`).toBe(reportPath(base.date, base.title));
    expect(plan.isNew).toBe(true);
    expect(plan.problems).toEqual([]);
  });

  it('refuses what npm run check refuses, with the same messages', () => {
    const data = { ...base, date: '2027-01-05', topics: ['民营经纪'] };
    const plan = planSave(dir, { data, body: '本报讯 正文。' }, undefined, true);
    const path = `content/${plan.path}`;
    const check = checkContent([{ path, bytes: new TextEncoder().encode(plan.text) }], { registry: loadRegistry(contentDirUrl()), today: '2026-12-01' });
    const errors = check.problems.filter((p) => p.severity === 'error').map((p) => p.message);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(plan.problems.map((p) => p.message)).toEqual(errors);
    expect(plan.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['date', 'topics[0]']));
  });

  it('never lets a new entry overwrite an existing report', () => {
    const first = planSave(dir, { data: base, body: '本报讯 正文。' }, undefined, true);
    mkdirSync(dirname(join(dir, first.path)), { recursive: true });
    writeFileSync(join(dir, first.path), first.text);
    const again = planSave(dir, { data: { ...base, kind: 'brief' }, body: '另一篇。' }, undefined, true);
    expect(again.path).toBe(first.path);
    expect(again.problems.map((p) => p.message).join('\n')).toMatch(/文件已存在/u);
  });
});
