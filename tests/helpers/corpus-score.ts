/**
 * Scores importer articles against hand-annotated expectations, field by field, the way
 * `../shared/importer-corpus/score.mjs` does (the scorer the importer is judged with), but in
 * process: the corpus test and the debugging loop need no CLI start per page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocument, type ArticleRecord, type ImportRegistry } from '../../src/lib/importer/index.ts';

export interface ExpectedArticle {
  title?: string | null;
  date?: string | null;
  date_partial?: string;
  outlet?: string | null;
  outlet_alternatives?: string[];
  reporters?: string[];
  correspondents?: string[];
  regions?: { code?: string; name: string }[];
  must_keep?: string[];
  must_drop?: string[];
}

export type Tally = Record<string, [ok: number, all: number]>;

const norm = (s: unknown) => String(s ?? '').normalize('NFKC').replace(/[\s\u3000]+/gu, '').replace(/[“”"「」『』]/gu, '');

function similarity(a: string, b: string): number {
  a = norm(a);
  b = norm(b);
  if (!a || !b) return 0;
  let s = 0;
  for (const ch of new Set(a)) if (b.includes(ch)) s++;
  return s / Math.max(new Set(a).size, new Set(b).size);
}

/** Scores one page's articles; pushes each miss, as `field: file: why`, onto `misses`. */
export function scorePage(name: string, got: ArticleRecord[], expected: ExpectedArticle[], tally: Tally, misses: string[]): void {
  const hit = (field: string, ok: boolean, why: string) => {
    (tally[field] ??= [0, 0])[1]++;
    if (ok) tally[field][0]++;
    else misses.push(`${field}: ${name}: ${why}`);
  };
  hit('article count', got.length === expected.length, `${got.length} vs ${expected.length}`);
  for (const e of expected) {
    const fit = (a: ArticleRecord) => similarity(a.title, e.title ?? '') + (e.must_keep ?? []).filter((k) => norm(a.body).includes(norm(k))).length;
    const g = [...got].sort((x, y) => fit(y) - fit(x))[0];
    const body = norm(g?.body);
    if (e.title) hit('title', norm(g?.title) === norm(e.title), `"${g?.title}" vs "${e.title}"`);
    const date = g?.date ?? null;
    const partialOk = !!e.date_partial && !!date && date.endsWith(e.date_partial);
    const okDate = date === e.date || (e.date === null && (date == null || partialOk)) || (partialOk && g?.dateCertainty === 'inferred');
    if (e.date !== undefined) hit('date', okDate, `${date} vs ${e.date ?? e.date_partial}`);
    const outlets = [e.outlet, ...(e.outlet_alternatives ?? [])].filter(Boolean).map(norm);
    const outlet = norm(g?.outlet);
    if (outlets.length) hit('outlet', outlets.some((o) => outlet && (outlet.includes(o) || o.includes(outlet))), `${g?.outlet} vs ${outlets}`);
    const set = (a: string[] | undefined) => JSON.stringify([...new Set((a ?? []).map(norm))].sort());
    if (e.reporters) {
      const all = [...e.reporters, ...(e.correspondents ?? [])];
      const ok = set(g?.reporters) === set(e.reporters) || set(g?.reporters) === set(all) || set([...(g?.reporters ?? []), ...(g?.correspondents ?? [])]) === set(all);
      hit('reporters', ok, `${g?.reporters} vs ${e.reporters}`);
    }
    for (const r of e.regions ?? []) {
      const names = (g?.regions ?? []).map((x) => norm(x.name));
      const codes = (g?.regions ?? []).map((x) => String(x.code ?? ''));
      const ok = (!!r.code && codes.includes(r.code)) || names.some((n) => n === norm(r.name) || n.endsWith(norm(r.name)) || (norm(r.name).endsWith(n) && n.length >= 4));
      hit('regions', ok, `${r.name} not in ${names}`);
    }
    for (const s of e.must_keep ?? []) hit('body keeps', body.includes(norm(s)), `missing "${s.slice(0, 30)}…"`);
    for (const s of e.must_drop ?? []) hit('body drops', !body.includes(norm(s)), `leaked "${s.slice(0, 30)}"`);
  }
}

/** Imports and scores every `raw/<stem>.*` that has an `expected/<stem>.json` in `dir`. */
export function scoreCorpus(dir: string, registry: ImportRegistry): { tally: Tally; misses: string[]; ok: number; all: number } {
  const tally: Tally = {};
  const misses: string[] = [];
  const raws = readdirSync(join(dir, 'raw')).sort();
  for (const f of readdirSync(join(dir, 'expected')).filter((x) => x.endsWith('.json')).sort()) {
    const stem = f.replace(/\.json$/u, '');
    const raw = raws.find((r) => r.replace(/\.[^.]+$/u, '') === stem);
    if (!raw) continue;
    const expected = JSON.parse(readFileSync(join(dir, 'expected', f), 'utf8')) as { articles: ExpectedArticle[] };
    const result = importDocument(readFileSync(join(dir, 'raw', raw)), { fileName: raw, registry });
    scorePage(raw, result.ok ? result.articles : [], expected.articles, tally, misses);
  }
  let ok = 0;
  let all = 0;
  for (const [a, b] of Object.values(tally)) {
    ok += a;
    all += b;
  }
  return { tally, misses, ok, all };
}
