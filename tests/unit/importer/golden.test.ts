/**
 * The importer against the 13 hand-checked golden reports (content/reports/**, issue 3): runs
 * importDocument on tests/fixtures/raw/*, matches articles to golden reports by source file and
 * title, prints a per-field score table, and asserts thresholds we can honestly meet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importDocument, type ArticleRecord } from '../../../src/lib/importer/index.ts';
import { overlap } from '../../../src/lib/importer/steps/split-articles.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

interface Golden {
  file: string;
  data: Record<string, unknown> & { title: string; source?: { file?: string } };
  body: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []))
    .sort();
}

function loadGolden(): Golden[] {
  return walk('content/reports')
    .map((file) => {
      const text = readFileSync(file, 'utf8');
      const m = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/u);
      if (!m) return undefined;
      return { file, data: parse(m[1]), body: m[2] } as Golden;
    })
    .filter((g): g is Golden => !!g && String(g.data.source?.file ?? '').startsWith('tests/fixtures/raw/'));
}

/** Text for comparison: no Markdown markers and no whitespace; punctuation is compared as written. */
function canon(text: string): string {
  return text
    .replace(/^(#+|>)\s*(图：)?/gmu, '')
    .replace(/\\([*_`\\])/gu, '$1')
    .replace(/\s+/gu, '');
}

function sentences(body: string): string[] {
  return canon(body)
    .split(/(?<=[。！？])/u)
    .map((s) => s.replace(/^[”’]+/u, ''))
    .filter((s) => s.length >= 6);
}

const sameSet = (a: unknown, b: unknown) => JSON.stringify([...((a as string[]) ?? [])].sort()) === JSON.stringify([...((b as string[]) ?? [])].sort());

const registry = loadRegistry(contentDirUrl());
const golden = loadGolden();
const rawFiles = readdirSync('tests/fixtures/raw').filter((f) => f.endsWith('.txt')).sort();

describe('importDocument on the seed pages vs the golden reports', () => {
  // topics = share of suggested topics that the golden report lists; figures = share of golden
  // figures (value + unit) found. Asserted fields first; the rest are printed for the record (the issue names only the first six).
  const fields = ['count', 'title', 'date', 'outlet', 'reporters', 'regions', 'bodyRecall', 'bodyPrecision', 'noChrome', 'structure', 'subtitle', 'dateCertainty', 'correspondents', 'editors', 'photographers', 'kind', 'bodies', 'topics', 'figures', 'figurePrecision', 'figureLabels', 'eventRecall', 'eventPrecision'] as const;
  const score: Record<(typeof fields)[number], { ok: number; total: number }> = Object.fromEntries(fields.map((f) => [f, { ok: 0, total: 0 }])) as never;
  const misses: string[] = [];

  for (const raw of rawFiles) {
    const path = `tests/fixtures/raw/${raw}`;
    const result = importDocument(readFileSync(path), { fileName: path, registry });
    const expected = golden.filter((g) => g.data.source?.file === path);
    if (!expected.length) continue;
    const articles: ArticleRecord[] = result.ok ? result.articles : [];
    score.count.total++;
    if (articles.length === expected.length) score.count.ok++;
    else misses.push(`${raw}: ${articles.length} articles, golden ${expected.length}`);
    for (const g of expected) {
      // The imported article that best matches this golden report by title (bigram overlap).
      const a = [...articles].sort((x, y) => overlap(g.data.title, y.title + y.body.slice(0, 200)) - overlap(g.data.title, x.title + x.body.slice(0, 200)))[0];
      const check = (field: (typeof fields)[number], ok: boolean, detail: string) => {
        score[field].total++;
        if (ok) score[field].ok++;
        else misses.push(`${g.file} ${field}: ${detail}`);
      };
      check('title', a?.title === g.data.title, `got “${a?.title}”, golden “${g.data.title}”`);
      check('date', a?.date === String(g.data.date) , `got ${a?.date}, golden ${g.data.date}`);
      check('outlet', a?.outletId === g.data.outlet, `got ${a?.outletId}, golden ${g.data.outlet}`);
      check('reporters', sameSet(a?.reporters, g.data.reporters), `got ${a?.reporters}, golden ${g.data.reporters}`);
      check('regions', JSON.stringify(a?.regions.map((r) => r.code)) === JSON.stringify(g.data.regions), `got ${a?.regions.map((r) => r.code)}, golden ${g.data.regions}`);
      check('subtitle', (a?.subtitle ?? null) === (g.data.subtitle ?? null), `got ${a?.subtitle}, golden ${g.data.subtitle}`);
      check('dateCertainty', a?.dateCertainty === g.data.dateCertainty, `got ${a?.dateCertainty}, golden ${g.data.dateCertainty}`);
      check('correspondents', sameSet(a?.correspondents, g.data.correspondents), `got ${a?.correspondents}, golden ${g.data.correspondents}`);
      check('editors', sameSet(a?.editors, g.data.editors), `got ${a?.editors}, golden ${g.data.editors}`);
      check('photographers', sameSet(a?.photographers, g.data.photographers), `got ${a?.photographers}, golden ${g.data.photographers}`);
      check('kind', a?.kind === g.data.kind, `got ${a?.kind}, golden ${g.data.kind}`);
      check('bodies', sameSet(a?.bodies, g.data.bodies), `got ${a?.bodies}, golden ${g.data.bodies}`);
      // Topics are suggestions: count how many suggested ones the golden report also lists.
      for (const t of a?.topics ?? []) check('topics', ((g.data.topics as string[]) ?? []).includes(t), `suggested ${t}, golden ${g.data.topics}`);
      // Figures: each golden value+unit found among the importer's figures.
      for (const f of (g.data.figures as { value: string; unit: string }[] | undefined) ?? []) {
        check('figures', !!a?.figures.some((x) => x.value === f.value && x.unit === f.unit), `missing figure ${f.value}${f.unit}`);
      }
      // Structure: as many section headings (## ) and image captions (> 图：) as the golden body.
      const shape = (body: string) => `${(body.match(/^## /gmu) ?? []).length} headings, ${(body.match(/^> 图：/gmu) ?? []).length} captions`;
      check('structure', !!a && shape(a.body) === shape(g.body), `got ${shape(a?.body ?? '')}, golden ${shape(g.body)}`);
      // Figure precision: share of the importer's figures that the golden report lists (value + unit);
      // label agreement: for figures found in both, the labels share half the shorter one's bigrams.
      const goldenFigures = (g.data.figures as { label: string; value: string; unit: string }[] | undefined) ?? [];
      for (const f of a?.figures ?? []) {
        const twin = goldenFigures.find((x) => x.value === f.value && x.unit === f.unit);
        check('figurePrecision', !!twin, `extra figure ${f.value}${f.unit} (${f.label})`);
        if (twin) check('figureLabels', (f.label.length <= twin.label.length ? overlap(f.label, twin.label) : overlap(twin.label, f.label)) >= 0.5, `label “${f.label}”, golden “${twin.label}”`);
      }
      // Events: the same date, and the shorter label shares at least 40% of its bigrams with the other
      // (golden labels paraphrase and add context; ours are clauses of the text). Recall over golden, precision over ours.
      const goldenEvents = ((g.data.events as { date: unknown; label: string }[] | undefined) ?? []).map((e) => ({ date: String(e.date), label: e.label }));
      const sameEvent = (x: { date: string; label: string }, y: { date: string; label: string }) =>
        x.date === y.date && (x.label.length <= y.label.length ? overlap(x.label, y.label) : overlap(y.label, x.label)) >= 0.4;
      for (const e of goldenEvents) check('eventRecall', !!a?.events.some((x) => sameEvent(x, e)), `missing event ${e.date} ${e.label}`);
      for (const e of a?.events ?? []) check('eventPrecision', goldenEvents.some((y) => sameEvent(e, y)), `extra event ${e.date} ${e.label}`);
      // The chrome of the seed pages, by kind: none of it may reach a body.
      const chrome = /(首页>|您当前的位置|分享到|上一篇|下一篇|相关栏目|ICP|版权所有|责任编辑|编辑：|关键词：|来源：|全文共\d+字|省略\d+字|正式会员|本网站|联系邮箱|本报讯|\(记者|（记者|[a-z]{1,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-z]{0,5}\))/u;
      check('noChrome', !!a && !chrome.test(a.body), `chrome in body: ${a?.body.match(chrome)?.[0]}`);
      const mine = canon(a?.body ?? '');
      const theirs = canon(g.body);
      for (const s of sentences(g.body)) {
        score.bodyRecall.total++;
        if (mine.includes(s)) score.bodyRecall.ok++;
        else misses.push(`${g.file} body misses: ${s.slice(0, 50)}`);
      }
      for (const s of sentences(a?.body ?? '')) {
        score.bodyPrecision.total++;
        if (theirs.includes(s)) score.bodyPrecision.ok++;
        else misses.push(`${g.file} body has extra: ${s.slice(0, 50)}`);
      }
    }
  }

  const share = (f: (typeof fields)[number]) => (score[f].total ? score[f].ok / score[f].total : 1);
  console.log(
    ['field          ok/total   share', ...fields.map((f) => `${f.padEnd(14)} ${`${score[f].ok}/${score[f].total}`.padStart(8)}   ${(share(f) * 100).toFixed(1)}%`)].join('\n') +
      (misses.length ? `\nmisses:\n  ${misses.filter((m) => process.env.ALL_MISSES || !/ (subtitle|dateCertainty|correspondents|editors|photographers|kind|topics|figures|figurePrecision|figureLabels|eventRecall|eventPrecision):/.test(m)).join('\n  ')}` : ''),
  );

  it('finds golden reports to compare with (13 expected once issue 3 lands)', () => {
    expect(golden.length).toBeGreaterThanOrEqual(1);
  });
  // Measured 2026-11-23: count 5/5, title 13/13, date 12/13, outlet 13/13, reporters 13/13,
  // regions 12/13, body recall 261/263, precision 262/264. The thresholds allow one miss in 13 per
  // field (12/13 = 0.923) and 3% of sentences: the known misses need knowledge outside the text
  // (003's year and city) or bytes the scraper destroyed (two sentences with a lost character).
  const ONE_MISS = 12 / 13 - 1e-9;
  it('splits every seed page into the golden number of articles', () => expect(share('count')).toBe(1));
  it('gets titles right', () => expect(share('title')).toBeGreaterThanOrEqual(ONE_MISS));
  it('gets dates right', () => expect(share('date')).toBeGreaterThanOrEqual(ONE_MISS));
  it('gets outlets right', () => expect(share('outlet')).toBeGreaterThanOrEqual(ONE_MISS));
  it('gets reporters right', () => expect(share('reporters')).toBeGreaterThanOrEqual(ONE_MISS));
  it('gets regions right', () => expect(share('regions')).toBeGreaterThanOrEqual(ONE_MISS));
  it('keeps the golden body sentences', () => expect(share('bodyRecall')).toBeGreaterThanOrEqual(0.97));
  it('adds no extra sentences to the body', () => expect(share('bodyPrecision')).toBeGreaterThanOrEqual(0.97));
  // Events measured 2026-11-23: recall 16/23, precision 16/17. Two golden events need 003's date
  // (not in the text), others are paraphrases or relative dates (“就在几天前”) we do not guess.
  // Bodies measured 2026-11-23: 12/13 (000: we add party for 区委书记…批示, which the golden leaves out).
  it('gets bodies (政协/人大/政府/党委) right', () => expect(share('bodies')).toBeGreaterThanOrEqual(ONE_MISS));
  // Figures measured 2026-11-23: recall 63/63, precision 64/66, labels agreeing 56/64.
  it('lists few figures the golden reports leave out', () => expect(share('figurePrecision')).toBeGreaterThanOrEqual(0.9));
  it('labels figures as the golden reports do (half the bigrams of the shorter label)', () => expect(share('figureLabels')).toBeGreaterThanOrEqual(0.8));
  it('finds the golden events', () => expect(share('eventRecall')).toBeGreaterThanOrEqual(0.6));
  it('adds few events the golden reports leave out', () => expect(share('eventPrecision')).toBeGreaterThanOrEqual(0.8));
  it('keeps the headings and captions of the golden bodies (a cut sentence is no caption)', () => expect(share('structure')).toBeGreaterThanOrEqual(ONE_MISS));
  it('leaves no chrome (navigation, share, footer, bylines, pinyin) in any body', () => expect(share('noChrome')).toBe(1));
});
