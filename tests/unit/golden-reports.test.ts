/**
 * The 13 golden reports in content/reports/ are the hand-checked truth the importer is tested
 * against. These tests pin what makes them trustworthy: each passes the report schema, each body is
 * clean Simplified Chinese without scrape debris, and every sentence, title, name and figure can be
 * found in its raw file (tests/fixtures/raw/) after the known, documented normalisations, so that
 * nothing was invented.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as OpenCC from 'opencc-js';
import { reportSchema, type ReportData } from '../../src/schemas/report.ts';
import { contentDirUrl, loadRegistry } from '../../src/schemas/registry.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const REPORTS_DIR = join(ROOT, 'content/reports');
const schema = reportSchema(loadRegistry(contentDirUrl()));
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** How many golden reports each raw file holds (002 is one newspaper page with nine). */
const REPORTS_PER_RAW: Record<string, number> = {
  'tests/fixtures/raw/000_9fc21054d9c2817b.txt': 1,
  'tests/fixtures/raw/001_9e08ea44689748e1.txt': 1,
  'tests/fixtures/raw/002_81c081a43c0d89c8.txt': 9,
  'tests/fixtures/raw/003_d6b46ebe4a9d7da5.txt': 1,
  'tests/fixtures/raw/004_f20567b8de172bac.txt': 1,
};

/**
 * Mojibake the editor repaired by hand (GBK bytes decoded one byte off), as it reads in the raw
 * file after `normalise`, and the restored text. Each repair must also be explained in the
 * report's notes.
 */
const REPAIRS: Record<string, [garbled: string, restored: string][]> = {
  'tests/fixtures/raw/000_9fc21054d9c2817b.txt': [
    ['?yún)f调', '协调'],
    ['?qū)<抑髦v', '专家主讲'],
  ],
  'tests/fixtures/raw/003_d6b46ebe4a9d7da5.txt': [['?nèi)翰呷毫', '群策群力']],
  'tests/fixtures/raw/004_f20567b8de172bac.txt': [['勇?lián)\uE319姑?', '勇担使命']],
};

const PINYIN_GROUP = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)/g;
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]/;
const CJK = '\\u3400-\\u9fff';
const HALF_WIDTH_BETWEEN_CJK = new RegExp(`[${CJK}“”‘’、。][,;:?]|[,;:?][${CJK}“”‘’]`);
const DOUBLED_PUNCTUATION = /[,，](?=[，,、。；;：:？?！!”])/;
const CHROME = [/分享到/, /上一篇/, /下一篇/, /ICP/, /责任编辑/, /版权所有/, /省略\d*字/, /全文共/, /首页>/, /相关栏目/];

interface Golden {
  id: string;
  data: ReportData;
  raw: unknown;
  body: string;
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort((a, b) => a.localeCompare(b, 'en'));
}

function loadGolden(path: string): Golden {
  const text = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${path}: no front-matter block`);
  const raw: unknown = parse(match[1]);
  const parsed = schema.safeParse(raw);
  const id = relative(REPORTS_DIR, path).replace(/\.md$/, '');
  return { id, data: parsed.success ? parsed.data : (undefined as never), raw, body: match[2] };
}

/** Body text without its Markdown markers (## headings, > 图： captions). */
function plainBody(body: string): string {
  return body.replace(/^## /gm, '').replace(/^> 图：/gm, '');
}

/**
 * Raw or edited text reduced to what both must share: Simplified (着 and 著 merged, since opencc
 * cannot tell them apart), no pinyin, no scrape commas, half-width , ; : ?, and no whitespace
 * unless `keepSpace`.
 */
function normalise(text: string, keepSpace = false): string {
  let t = text.replace(PINYIN_GROUP, '').replace(/,(?=[，,、。；;：:？?！!”])/g, '');
  t = toSimplified(t)
    .replace(/着/g, '著')
    .replace(/，/g, ',')
    .replace(/；/g, ';')
    .replace(/：/g, ':')
    .replace(/？/g, '?')
    .replace(/＊/g, '*');
  return keepSpace ? t : t.replace(/\s+/g, '');
}

function normalisedRaw(file: string, keepSpace = false): string {
  let raw = normalise(readFileSync(join(ROOT, file), 'utf8'), keepSpace);
  for (const [garbled, restored] of REPAIRS[file] ?? []) raw = raw.split(garbled).join(restored);
  return raw;
}

/**
 * What each raw file holds besides report bodies and headlines (in `normalise(…, true)` form):
 * site chrome, datelines and bylines (moved to front-matter), photo credits, paywall notices.
 * Everything else in the raw file must turn up in a golden report.
 */
const NON_BODY: Record<string, RegExp[]> = {
  'tests/fixtures/raw/000_9fc21054d9c2817b.txt': [/^首页>协商>政协动态$/m, /人民政协网杭州4月1日电 \(记者 鲍蔓华\)/, /^编辑:李京$/m, /^关键词:企业 发展 产业$/m],
  'tests/fixtures/raw/001_9e08ea44689748e1.txt': [/^ ?记者 吴璇$/m, /^#{1,2} /gm],
  'tests/fixtures/raw/002_81c081a43c0d89c8.txt': [
    /本报讯\([^)]*\)/g,
    / ?(?:罗鸣 范文杰|班业新) 摄$/gm,
    /^本报记者 张文敬 雷蕾 通讯员 戚玉皎$/m,
    /^助力经济社会发展$/m, // 引题 of the 楚雄 report, kept in its notes
    /^——/m,
  ],
  'tests/fixtures/raw/003_d6b46ebe4a9d7da5.txt': [
    /^标题:.*\|$/m,
    /\(快文网http:\/\/m\.hoachina\.com省略888字,正式会员可完整阅读\)/,
    /\(未完,全文共4153字[^\n]*$/m,
  ],
  'tests/fixtures/raw/004_f20567b8de172bac.txt': [
    /^您当前的位置 :热点 >$/m,
    /^2022-08-24 09:19:16.*$/m,
    /\(记者 史俊杰 钱塘微融圈 糜利萍\)/,
    /\[责任编辑:ruirui\][\s\S]*$/,
  ],
};

/** Sentences of a body: split after 。？！ and …… so each can be looked up on its own. */
function sentences(body: string): string[] {
  return plainBody(body)
    .split(/\n+|(?<=[。？！])(?![”’])|(?<=……)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const files = listMarkdown(REPORTS_DIR);
const goldens = files.map(loadGolden);

describe('golden reports', () => {
  it.each(Object.keys(REPORTS_PER_RAW))('cover all of %s but its declared non-body parts (nothing dropped)', (file) => {
    const mine = goldens.filter((g) => (g.raw as { source?: { file?: string } }).source?.file === file);
    const covered = mine.flatMap((g) => [normalise(plainBody(g.body)), normalise(g.data.title), normalise(g.data.subtitle ?? '')]);
    let raw = normalisedRaw(file, true);
    for (const pattern of NON_BODY[file]) raw = raw.replace(pattern, '\n');
    const pieces = raw
      .split(/\s+|(?<=[。?！])(?![”’])/)
      .map((piece) => piece.trim())
      .filter((piece) => piece.length > 0);
    expect(pieces.filter((piece) => !covered.some((text) => text.includes(piece)))).toEqual([]);
  });

  it('are exactly 13 files, split over the raw files as 1, 1, 9, 1, 1', () => {
    expect(files).toHaveLength(13);
    const perRaw: Record<string, number> = {};
    for (const g of goldens) {
      const file = (g.raw as { source?: { file?: string } }).source?.file ?? '(none)';
      perRaw[file] = (perRaw[file] ?? 0) + 1;
    }
    expect(perRaw).toEqual(REPORTS_PER_RAW);
  });

  describe.each(goldens.map((g) => [g.id, g] as const))('%s', (id, g) => {
    it('passes the report schema', () => {
      const result = schema.safeParse(g.raw);
      const issues = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      expect(issues).toEqual([]);
    });

    it('lives at <year>/<date>-<ascii slug>.md matching its date', () => {
      const [year, name] = id.split('/');
      expect(name.startsWith(`${g.data.date}-`)).toBe(true);
      expect(g.data.date.startsWith(year)).toBe(true);
      expect(name.slice(g.data.date.length + 1)).toMatch(/^[a-z]+(?:-[a-z]+){1,9}$/);
    });

    it('has a body in Simplified script only', () => {
      const body = plainBody(g.body);
      const converted = toSimplified(body);
      const diffs = [...body].flatMap((ch, i) => (converted[i] !== ch ? [`${ch}→${converted[i]}`] : []));
      expect(diffs).toEqual([]);
    });

    it('has no pinyin artifacts, doubled or half-width punctuation, Markdown asterisks or site chrome', () => {
      expect(g.body).not.toMatch(PINYIN_GROUP);
      expect(g.body).not.toMatch(TONE_MARKED);
      expect(g.body).not.toMatch(DOUBLED_PUNCTUATION);
      expect(g.body).not.toMatch(HALF_WIDTH_BETWEEN_CJK);
      expect(g.body).not.toMatch(/\*/);
      for (const chrome of CHROME) expect(g.body).not.toMatch(chrome);
    });

    it('has every body sentence in its raw file (nothing invented)', () => {
      const raw = normalisedRaw(g.data.source.file!);
      const missing = sentences(g.body).filter((s) => !raw.includes(normalise(s)));
      expect(missing).toEqual([]);
    });

    it('takes its title, subtitle and names from the raw file', () => {
      const raw = normalisedRaw(g.data.source.file!);
      const printed = [g.data.title, g.data.subtitle ?? '', ...g.data.reporters, ...g.data.correspondents, ...g.data.editors, ...g.data.photographers];
      expect(printed.filter((s) => !raw.includes(normalise(s)))).toEqual([]);
    });

    it('states every figure in its body, value and unit as printed', () => {
      const body = plainBody(g.body);
      const missing = g.data.figures.filter((f) => {
        const printed = new RegExp(`(?<![\\d.])${f.value.replace('.', '\\.')}${f.unit.replace('%', '%')}`);
        return !printed.test(body) && !printed.test(g.data.title);
      });
      expect(missing.map((f) => `${f.label}: ${f.value}${f.unit}`)).toEqual([]);
    });

    it('explains every repaired mojibake in its notes', () => {
      const notes = g.data.notes.join('\n');
      for (const [, restored] of REPAIRS[g.data.source.file!] ?? []) expect(notes).toContain(restored);
    });

    it('explains an inferred date', () => {
      if (g.data.dateCertainty === 'inferred') expect(g.data.dateNote?.length ?? 0).toBeGreaterThan(20);
    });

    it('gives readers plain Chinese prose in editorsNote: no field names, ids or Markdown', () => {
      const note = g.data.editorsNote ?? '';
      // Latin words (title, photographers, fuyang-rb), Markdown markers and YAML-ish `key:` are for editors, in `notes`.
      expect(note.match(/[A-Za-z]{2,}|[*_`#>\[\]]|\w+:/g) ?? []).toEqual([]);
    });

    it('marks an outlet the page does not name as inferred, and tells readers it is unverified', () => {
      const unverified = /媒体(?:为|是)?判断|未署媒体名|未经核实/.test(g.data.notes.join('\n'));
      expect(g.data.outletCertainty).toBe(unverified ? 'inferred' : 'stated');
      if (unverified) expect(g.data.editorsNote).toMatch(/推定[\s\S]*未经核实/);
    });
  });
});
