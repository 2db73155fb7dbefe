/**
 * The index against an oracle: an index built in memory from the seed reports and ~300 synthetic
 * ones must return every report that holds a phrase (containsPhrase, the exact check), and nothing
 * else once the page's confirmation step has run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCorpus } from '../../../../src/lib/bench/corpus.ts';
import { generateReports, provinceCodes } from '../../../../src/lib/bench/generate.ts';
import { createRng, type Rng } from '../../../../src/lib/bench/prng.ts';
import { sortReportsNewestFirst } from '../../../../src/lib/archive/sort.ts';
import type { Report } from '../../../../src/lib/archive/types.ts';
import { allRegions } from '../../../../src/lib/regions/gazetteer.ts';
import { reportSearchData } from '../../../../src/lib/search/build/report-search-data.ts';
import { buildSearchIndex, type BuiltIndex, type IndexDocument } from '../../../../src/lib/search/build/index-builder.ts';
import { bucketOf } from '../../../../src/lib/search/index/codec.ts';
import { answer, bucketSource, indexedMetadata, matchText, readBucket, refine, readFacetTable, readValueRecord, tableMetadata, type FacetTable, type PostingSource, type Selection, type TextMatches } from '../../../../src/lib/search/browser/query.ts';
import { containsPhrase, foldForIndex, phraseTokens, textOccurrences } from '../../../../src/lib/search/index/tokens.ts';
import { METADATA_FIELDS } from '../../../../src/lib/search/facets.ts';
import { reportSchema } from '../../../../src/schemas/report.ts';
import { contentDirUrl, loadRegistry } from '../../../../src/schemas/registry.ts';
import { loadContentReports } from '../../../helpers/content.ts';

const root = join(import.meta.dirname, '../../../..');

function cardText(subtitle: string | undefined, body: string): string {
  // Markdown heading and quote markers are not text the reader sees.
  const plain = body.replace(/^[ \t]*[#>]+[ \t]*/gmu, '');
  return [subtitle, plain].filter(Boolean).join('\n');
}

function toDocument(report: Report & { body: string }, registry: ReturnType<typeof loadRegistry>): IndexDocument {
  const { filters, meta } = reportSearchData(report, registry.outlets, registry.topics);
  return {
    card: { url: `/reports/${report.id}/`, title: report.data.title, date: meta.date, outlet: meta.outlet, region: meta.region, kind: meta.kind, text: cardText(report.data.subtitle, report.body) },
    facets: filters,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Seed reports plus `count` synthetic ones (as scripts/bench.ts makes them), oldest first (the index's order). */
function loadCorpus(count: number): IndexDocument[] {
  const registry = loadRegistry(contentDirUrl());
  const seed = loadContentReports();
  const texts = [...filesUnder(join(root, 'tests/fixtures/raw')), ...seed.map((r) => r.file)].map((f) => readFileSync(f, 'utf8'));
  const input = { sentences: buildCorpus(texts), topics: registry.topics, outlets: registry.outlets };
  const schema = reportSchema(registry);
  const synthetic = [...generateReports(11, count, input, provinceCodes(allRegions().map((r) => r.code)))].map((s) => {
    const end = s.text.indexOf('\n---\n', 4);
    return { id: s.id, data: schema.parse(parse(s.text.slice(4, end))), body: s.text.slice(end + 5) };
  });
  const all = sortReportsNewestFirst([...seed, ...synthetic]).reverse() as (Report & { body: string })[];
  return all.map((r) => toDocument(r, registry));
}

/** The index's postings as the page reads them; `fetched` records each detail file asked for. */
function sourceOf(index: BuiltIndex, fetched: string[] = []): PostingSource {
  const details = new Map(index.details.map((d) => [`${d.bucket}-${d.chunk}`, d.bytes]));
  return bucketSource({
    documents: index.documents,
    buckets: index.buckets.length,
    detailChunk: index.detailChunk,
    bucket: async (i) => index.buckets[i],
    detail: async (bucket, chunk) => {
      fetched.push(`${bucket}-${chunk}`);
      const bytes = details.get(`${bucket}-${chunk}`);
      if (!bytes) throw new Error(`no detail file ${bucket}-${chunk}`);
      return bytes;
    },
  });
}

/**
 * The exact answer: every report holding every phrase in its headline or text. For phrases of Han
 * characters only, containsPhrase is exactly "a substring of the folded headline or text" (its
 * bigrams at consecutive positions); the tests check that agreement on every candidate, and the
 * plain substring test keeps the oracle fast over 300 long reports.
 */
function oracle(docs: readonly IndexDocument[], folded: readonly { title: string; text: string }[], phrases: readonly string[]): number[] {
  const out: number[] = [];
  const wanted = phrases.map(foldForIndex);
  docs.forEach((_, n) => {
    if (wanted.every((p) => folded[n].title.includes(p) || folded[n].text.includes(p))) out.push(n);
  });
  return out;
}

function hanRuns(text: string): string[] {
  return text.match(/\p{Script=Han}{2,}/gu) ?? [];
}

/** A random substring of 2–8 Han characters from some report's headline or text. */
function pickPhrase(rng: Rng, docs: readonly IndexDocument[]): string {
  for (;;) {
    const doc = rng.pick(docs);
    const runs = hanRuns(rng.chance(0.2) ? doc.card.title : doc.card.text);
    if (runs.length === 0) continue;
    const run = [...rng.pick(runs)];
    const length = rng.int(2, Math.min(8, run.length));
    const start = rng.int(0, run.length - length);
    return run.slice(start, start + length).join('');
  }
}

/** Two bigrams from different places glued together: its pieces exist, the phrase rarely does. */
function gluedPhrase(rng: Rng, docs: readonly IndexDocument[]): string {
  const a = [...pickPhrase(rng, docs)].slice(0, 2).join('');
  const b = [...pickPhrase(rng, docs)].slice(0, rng.int(2, 3)).join('');
  return a + b;
}

let docs: IndexDocument[];
let folded: { title: string; text: string }[];
let index: BuiltIndex;
let source: PostingSource;

beforeAll(() => {
  docs = loadCorpus(300);
  folded = docs.map((d) => ({ title: foldForIndex(d.card.title), text: foldForIndex(d.card.text) }));
  index = buildSearchIndex(docs);
}, 120_000);

describe('the built index', () => {
  it('holds every report, in several buckets, each key in the bucket its hash names', () => {
    source = sourceOf(index);
    expect(docs.length).toBeGreaterThan(300);
    expect(index.documents).toBe(docs.length);
    expect(index.buckets.length).toBeGreaterThan(1);
    expect(Number.isInteger(Math.log2(index.buckets.length))).toBe(true);
    let keys = 0;
    const problems: string[] = [];
    index.buckets.forEach((bytes, i) => {
      for (const [key, posting] of readBucket(bytes).postings) {
        keys++;
        if (bucketOf(key, index.buckets.length) !== i) problems.push(`${key} in bucket ${i}`);
        if (posting.masks.length !== posting.docs.length || posting.follows.length !== posting.docs.length) problems.push(`${key}: byte runs`);
        for (let k = 1; k < posting.docs.length; k++) if (posting.docs[k] <= posting.docs[k - 1]) problems.push(`${key}: unsorted`);
        if (posting.docs[posting.docs.length - 1] >= index.documents) problems.push(`${key}: report out of range`);
        if (posting.masks.some((mask) => (mask & 0x7f) === 0)) problems.push(`${key}: no position`);
      }
    });
    expect(problems).toEqual([]);
    expect(keys).toBe(index.stats.tokens);
  });

  it('writes each card as JSON, in report order', () => {
    expect(index.records.length).toBe(docs.length);
    for (const n of [0, 1, docs.length - 1]) expect(JSON.parse(new TextDecoder().decode(index.records[n]))).toEqual(docs[n].card);
  });

  it('is deterministic: two builds give the same bytes, whatever the order of facet names', () => {
    const again = buildSearchIndex(docs.map((d) => ({ ...d, facets: Object.fromEntries(Object.entries(d.facets).reverse()) })));
    expect(again.buckets.length).toBe(index.buckets.length);
    again.buckets.forEach((b, i) => expect(Buffer.compare(Buffer.from(b), Buffer.from(index.buckets[i]))).toBe(0));
    expect(Buffer.compare(Buffer.from(again.facets), Buffer.from(index.facets))).toBe(0);
    again.records.forEach((r, i) => expect(Buffer.compare(Buffer.from(r), Buffer.from(index.records[i]))).toBe(0));
  });

  it('round-trips the facet table', () => {
    const table = readFacetTable(index.facets);
    const expected = new Map<string, Map<string, number[]>>();
    docs.forEach((d, n) => {
      for (const [facet, values] of Object.entries(d.facets)) {
        if (!expected.has(facet)) expected.set(facet, new Map());
        for (const v of new Set(values)) expected.get(facet)!.set(v, [...(expected.get(facet)!.get(v) ?? []), n]);
      }
    });
    expect([...table.keys()]).toEqual([...expected.keys()].sort());
    for (const [facet, values] of table) {
      expect(values.map((v) => v.value)).toEqual([...expected.get(facet)!.keys()].sort());
      for (const v of values) expect(Array.from(v.docs)).toEqual(expected.get(facet)!.get(v.value));
    }
    expect(table.get('year')!.length).toBeGreaterThan(3);
  });
});

describe('matchText against the oracle', () => {
  it('never misses a report and is exact after confirmation, for hundreds of random phrases', async () => {
    const rng = createRng(20261123);
    const phrases = [...Array.from({ length: 200 }, () => pickPhrase(rng, docs)), ...Array.from({ length: 60 }, () => gluedPhrase(rng, docs))];
    let candidates = 0;
    let exact = 0;
    let hits = 0;
    for (const phrase of phrases) {
      const want = oracle(docs, folded, [phrase]);
      const got = await matchText([phrase], source);
      expect(got, phrase).toBeDefined();
      const found = Array.from(got!.docs);
      const missing = want.filter((n) => !found.includes(n));
      expect(missing, `false negatives for ${phrase}`).toEqual([]);
      expect(got!.unconfirmed, phrase).toBe(phraseTokens(phrase).length > 1);
      if (phraseTokens(phrase).length === 1) expect(found, phrase).toEqual(want);
      else {
        // The page's confirmation leaves exactly the oracle, and rejects exactly the false positives.
        const verdicts = found.map((n) => containsPhrase(docs[n].card.title, docs[n].card.text, phrase));
        expect(found.filter((_, k) => verdicts[k]), phrase).toEqual(want);
      }
      expect(got!.scores.length).toBe(found.length);
      candidates += found.length;
      exact += want.length;
      if (want.length > 0) hits++;
    }
    // The random substrings come from the corpus, so most phrases must be found somewhere.
    expect(hits).toBeGreaterThanOrEqual(200);
    // Positions modulo 7 and followers prune: at most a handful of reports need confirming away.
    expect(candidates - exact).toBeLessThan(exact * 0.2);
  }, 60_000);

  it('is exact for one- and two-character phrases, without confirmation', async () => {
    const rng = createRng(99);
    for (let i = 0; i < 120; i++) {
      const phrase = [...pickPhrase(rng, docs)].slice(0, rng.int(1, 2)).join('');
      const got = await matchText([phrase], source);
      expect(got!.unconfirmed).toBe(false);
      expect(Array.from(got!.docs), phrase).toEqual(oracle(docs, folded, [phrase]));
    }
  }, 60_000);

  it('requires every phrase (AND), never missing a report that holds them all', async () => {
    const rng = createRng(5);
    for (let i = 0; i < 60; i++) {
      const first = pickPhrase(rng, docs);
      // Half the pairs from one report's text (so they meet), half from anywhere.
      const holders = new Set(oracle(docs, folded, [first]));
      const second = rng.chance(0.5) ? pickPhrase(rng, docs.filter((_, n) => holders.has(n))) : pickPhrase(rng, docs);
      const want = oracle(docs, folded, [first, second]);
      const got = await matchText([first, second], source);
      const found = Array.from(got!.docs);
      expect(want.filter((n) => !found.includes(n)), `${first} ${second}`).toEqual([]);
      const confirmed = found.filter((n) => containsPhrase(docs[n].card.title, docs[n].card.text, first) && containsPhrase(docs[n].card.title, docs[n].card.text, second));
      expect(confirmed, `${first} ${second}`).toEqual(want);
      const a = new Set((await matchText([first], source))!.docs);
      const b = new Set((await matchText([second], source))!.docs);
      expect(found).toEqual([...a].filter((n) => b.has(n)));
    }
  }, 60_000);

  it('finds nothing for an unknown token, and sets no condition for punctuation', async () => {
    expect(Array.from((await matchText(['鿯鿮'], source))!.docs)).toEqual([]);
    expect(Array.from((await matchText(['zqxjw'], source))!.docs)).toEqual([]);
    // One known token and one unknown one: still nothing.
    expect(Array.from((await matchText(['协商鿯'], source))!.docs)).toEqual([]);
    expect(Array.from((await matchText(['协商', '鿯鿮'], source))!.docs)).toEqual([]);
    expect((await matchText(['协商'], source))!.docs.length).toBeGreaterThan(0);
    expect(await matchText(['，', '！'], source)).toBeUndefined();
    expect(await matchText([], source)).toBeUndefined();
  });

  it('keeps keys of one, two and more code units apart, astral characters included (the builder finds short keys by code unit)', async () => {
    // 𠀀 and 𠀁 are one code point and two code units each; 𠀀中 is three units, 中𠀀 three, 𠀀𠀁 four.
    const texts = ['𠀀中', '中𠀀', '𠀀𠀁', '𠀁', 'ab', 'a b', 'abc', '中国', '中', '国中'];
    const small = texts.map((text, n): IndexDocument => ({ card: { url: `/reports/t${n}/`, title: `标题${n}`, date: '2025-01-01', outlet: '', region: '', kind: '', text }, facets: {} }));
    const built = buildSearchIndex(small);
    const src = sourceOf(built);
    const holders = (phrase: string) => small.flatMap((d, n) => (containsPhrase(d.card.title, d.card.text, phrase) ? [n] : []));
    for (const phrase of ['𠀀', '𠀁', '𠀀中', '中𠀀', '𠀀𠀁', 'a', 'ab', 'abc', '中', '中国', '国中', '国']) {
      const got = await matchText([phrase], src);
      const confirmed = Array.from(got!.docs).filter((n) => containsPhrase(small[n].card.title, small[n].card.text, phrase));
      expect(confirmed, phrase).toEqual(holders(phrase));
      expect(confirmed.length, phrase).toBeGreaterThan(0);
    }
  });

  it('answers the same with one bucket or hundreds (routing by hash)', async () => {
    const small = docs.slice(0, 40);
    const many = buildSearchIndex(small, { targetBucketBytes: 64 });
    const one = buildSearchIndex(small, { targetBucketBytes: 1e9 });
    expect(one.buckets.length).toBe(1);
    expect(many.buckets.length).toBeGreaterThan(64);
    const rng = createRng(17);
    for (let i = 0; i < 40; i++) {
      const phrase = pickPhrase(rng, small);
      const a = await matchText([phrase], sourceOf(many));
      const b = await matchText([phrase], sourceOf(one));
      expect(Array.from(a!.docs)).toEqual(Array.from(b!.docs));
      expect(a!.docs.length).toBeGreaterThan(0);
    }
  }, 60_000);
});

/** answer() computed the slow, obvious way. */
function referenceAnswer(documents: number, text: TextMatches | undefined, table: FacetTable, selection: Selection) {
  const sets = new Map([...table].map(([f, values]) => [f, new Map(values.map((v) => [v.value, new Set(v.docs)]))]));
  const has = (facet: string, doc: number, value: string) => sets.get(facet)!.get(value)?.has(doc) ?? false;
  const textSet = text && new Set(text.docs);
  const passes = (doc: number, except?: string) =>
    (!textSet || textSet.has(doc)) && Object.entries(selection).every(([f, chosen]) => f === except || !chosen?.length || chosen.some((v) => has(f, doc, v)));
  const all = Array.from({ length: documents }, (_, d) => d);
  const counts: Record<string, Record<string, number>> = {};
  for (const [facet, values] of table) {
    counts[facet] = {};
    for (const v of values) {
      const n = Array.from(v.docs).filter((d) => passes(d, facet)).length;
      if (n > 0) counts[facet][v.value] = n;
    }
  }
  // Newest first: reports are numbered oldest first.
  return { results: all.filter((d) => passes(d)).reverse(), counts };
}

describe('common tokens: their two bytes per report in detail files (format 4, issue 19)', () => {
  // With every token in more than a quarter of the reports common, and runs of 64 reports, the
  // seed-and-synthetic corpus has hundreds of common tokens spread over several runs.
  let loose: BuiltIndex;
  let looseSource: PostingSource;
  beforeAll(() => {
    loose = buildSearchIndex(docs, { commonMin: 0, detailChunk: 64 });
    looseSource = sourceOf(loose);
  }, 120_000);

  it('keeps small archives as they were: below 2,048 reports no token is common', () => {
    expect(index.details).toEqual([]);
    for (const bytes of index.buckets) for (const posting of readBucket(bytes).postings.values()) expect(posting.detailed).toBe(true);
  });

  it('moves a common token’s bytes out of its bucket, keeping its reports and its headline set', async () => {
    let common = 0;
    for (const [i, bytes] of loose.buckets.entries()) {
      for (const [key, posting] of readBucket(bytes).postings) {
        const original = (await source.posting(key))!;
        expect(Array.from(posting.docs), key).toEqual(Array.from(original.docs));
        expect(bucketOf(key, loose.buckets.length)).toBe(i);
        if (posting.detailed) {
          expect(posting.docs.length, key).toBeLessThanOrEqual(docs.length / 4);
          continue;
        }
        common++;
        expect(posting.docs.length, key).toBeGreaterThan(docs.length / 4);
        // The headline bit is the original's; every position and follower is allowed.
        expect(Array.from(posting.masks, (m) => m & 0x80), key).toEqual(Array.from(original.masks, (m) => m & 0x80));
        expect(posting.masks.every((m) => (m & 0x7f) === 0x7f) && posting.follows.every((f) => f === 0xff), key).toBe(true);
        // And the detail files give back the original bytes, run by run.
        for (let c = 0; c * 64 < loose.documents; c++) {
          const at = Array.from(original.docs.keys()).filter((k) => Math.floor(original.docs[k] / 64) === c);
          const detail = await looseSource.detail(key, c);
          if (at.length === 0) expect(detail, `${key} run ${c}`).toBeUndefined();
          else expect(detail, `${key} run ${c}`).toEqual({ masks: Uint8Array.from(at, (k) => original.masks[k]), follows: Uint8Array.from(at, (k) => original.follows[k]) });
        }
      }
    }
    expect(common).toBeGreaterThan(100);
    expect(loose.details.length).toBeGreaterThan(loose.documents / 64);
  }, 60_000);

  it('never misses a report, and after refine() leaves exactly what the bytes inline leave', async () => {
    const rng = createRng(20261207);
    const phrases = [...Array.from({ length: 150 }, () => pickPhrase(rng, docs)), ...Array.from({ length: 50 }, () => gluedPhrase(rng, docs))];
    let refined = 0;
    for (const phrase of phrases) {
      const full = Array.from((await matchText([phrase], source))!.docs);
      const got = (await matchText([phrase], looseSource))!;
      const found = Array.from(got.docs);
      expect(full.filter((n) => !found.includes(n)), phrase).toEqual([]);
      const failing = await refine(got, found, looseSource);
      expect(found.filter((n) => !failing.has(n)), phrase).toEqual(full);
      if (failing.size > 0) refined++;
      if (got.loose.length === 0) expect(found, phrase).toEqual(full);
    }
    // Glued phrases are where positions and followers matter: some candidates must fail.
    expect(refined).toBeGreaterThan(10);
  }, 120_000);

  it('reads only the detail files of the runs of the reports it checks', async () => {
    const fetched: string[] = [];
    const src = sourceOf(loose, fetched);
    const got = (await matchText(['高质量发展'], src))!;
    expect(got.loose.length).toBe(1);
    expect(got.docs.length).toBeGreaterThan(64);
    expect(fetched).toEqual([]);
    const newest = Array.from(got.docs).slice(-3);
    await refine(got, newest, src);
    const runs = new Set(newest.map((n) => Math.floor(n / 64)));
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.every((name) => runs.has(Number(name.split('-')[1]))), fetched.join()).toBe(true);
  });

  it('ranks a headline match first with common tokens too', async () => {
    const text = (await matchText(['高质量发展'], looseSource))!;
    const titled = (n: number) => foldForIndex(docs[n].card.title).includes('高质量发展');
    const results = answer(loose.documents, text, readFacetTable(loose.facets), {}, 'relevance').results;
    const firstUntitled = results.findIndex((n) => !titled(n));
    expect(firstUntitled).toBeGreaterThan(0);
    // Every report whose headline holds all four bigrams comes before every other.
    expect(results.slice(firstUntitled).filter(titled)).toEqual([]);
  });
});

describe('answer', () => {
  it('filters OR within a facet and AND across facets, with disjunctive counts', async () => {
    const small = docs.slice(0, 120);
    const built = buildSearchIndex(small);
    const table = readFacetTable(built.facets);
    const rng = createRng(31);
    const texts = [undefined, await matchText(['协商'], sourceOf(built)), await matchText(['发展'], sourceOf(built))];
    let narrowed = 0;
    for (let i = 0; i < 60; i++) {
      const selection: Selection = {};
      for (const facet of rng.sample(['year', 'province', 'kind', 'topic', 'city'], rng.int(1, 3))) {
        const values = table.get(facet)!.map((v) => v.value);
        selection[facet] = rng.sample(values, rng.int(1, 2));
      }
      const text = rng.pick(texts);
      const got = answer(small.length, text, table, selection, 'date');
      const want = referenceAnswer(small.length, text, table, selection);
      expect(got.results).toEqual(want.results);
      expect(got.counts).toEqual(want.counts);
      if (got.results.length < (text ? text.docs.length : small.length)) narrowed++;
    }
    expect(narrowed).toBeGreaterThan(30);
  }, 60_000);

  it('keeps a facet’s own counts free of its selection (ticking a second year shows what it adds)', () => {
    const table: FacetTable = new Map([
      ['year', [
        { value: '2022', docs: Uint32Array.from([0, 1, 2]) },
        { value: '2023', docs: Uint32Array.from([3, 4]) },
      ]],
      ['kind', [
        { value: '消息', docs: Uint32Array.from([0, 3]) },
        { value: '通讯', docs: Uint32Array.from([1, 2, 4]) },
      ]],
    ]);
    const one = answer(5, undefined, table, { year: ['2022'] }, 'date');
    expect(one.results).toEqual([2, 1, 0]);
    expect(one.counts.year).toEqual({ '2022': 3, '2023': 2 });
    expect(one.counts.kind).toEqual({ 消息: 1, 通讯: 2 });
    const both = answer(5, undefined, table, { year: ['2022', '2023'], kind: ['消息'] }, 'date');
    expect(both.results).toEqual([3, 0]);
    expect(both.counts.year).toEqual({ '2022': 1, '2023': 1 });
    expect(both.counts.kind).toEqual({ 消息: 2, 通讯: 3 });
    expect(answer(5, undefined, table, { year: [] }, 'date').results).toEqual([4, 3, 2, 1, 0]);
  });

  it('sorts by date as descending report number (newest first), by relevance with a headline match first', async () => {
    const card = (title: string, text: string) => ({ card: { url: `/${title}/`, title, date: '2024', outlet: '', region: '', kind: '', text }, facets: { year: ['2024'] } });
    const small = [
      card('新闻一', '钱塘区推动数字经济。钱塘企业很多。钱塘发展。钱塘钱塘钱塘。'),
      card('新闻二', '与此无关的内容。'),
      card('新闻三', '这里也提到钱塘一次。'),
      card('聚焦钱塘数字经济', '正文没有那个词。'),
    ];
    const built = buildSearchIndex(small);
    const text = await matchText(['钱塘'], sourceOf(built));
    const table = readFacetTable(built.facets);
    expect(answer(small.length, text, table, {}, 'date').results).toEqual([3, 2, 0]);
    const relevance = answer(small.length, text, table, {}, 'relevance').results;
    expect(relevance[0]).toBe(3);
    expect(relevance).toHaveLength(3);
    // Without text, relevance is date order.
    expect(answer(small.length, undefined, table, {}, 'relevance').results).toEqual([3, 2, 1, 0]);
  });

  it('orders relevance results by non-increasing score on the real corpus', async () => {
    const table = readFacetTable(index.facets);
    const text = (await matchText(['数字经济'], source))!;
    const results = answer(index.documents, text, table, {}, 'relevance').results;
    expect(results.length).toBe(text.docs.length);
    const score = new Map(Array.from(text.docs, (d, i) => [d, text.scores[i]]));
    let ties = 0;
    for (let i = 1; i < results.length; i++) {
      expect(score.get(results[i])!).toBeLessThanOrEqual(score.get(results[i - 1])!);
      // Equal scores: the newer report (the higher number) first.
      if (score.get(results[i]) === score.get(results[i - 1])) {
        ties++;
        expect(results[i]).toBeLessThan(results[i - 1]);
      }
    }
    expect(ties).toBeGreaterThan(0);
    const dated = answer(index.documents, text, table, {}, 'date').results;
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
  });
});

describe('metadata: facet values, reporters and keywords (issue 20 item 6)', () => {
  const doc = (title: string, text: string, facets: Record<string, string[]>, extra: { reporters?: string[]; keywords?: string[] } = {}): IndexDocument => ({
    card: { url: `/${title}/`, title, date: '2024', outlet: '', region: '', kind: '', text, ...extra },
    facets,
  });
  const small = [
    doc('新闻一', '正文说到杭州一次。', { city: ['宁波市'], topic: ['数字经济'] }),
    doc('新闻二', '与此无关。', { city: ['杭州市'], district: ['杭州市钱塘区'], topic: ['民营经济'] }, { reporters: ['鲍蔓华'] }),
    doc('新闻三', '也无关。', { city: ['温州市'], topic: ['民营经济'], year: ['2024'] }, { keywords: ['营商环境'] }),
    doc('民营经济观察', '正文没有。', { city: ['温州市'] }),
  ];
  const fields = [
    { key: 'city', weight: 3 },
    { key: 'district', weight: 3 },
    { key: 'topic', weight: 3 },
  ];

  it('finds a report by a facet value the text does not hold, says which value, and ranks it above a passing mention', async () => {
    const built = buildSearchIndex(small);
    const table = readFacetTable(built.facets);
    const text = (await matchText(['杭州'], sourceOf(built), tableMetadata(table, fields)))!;
    expect([...text.docs]).toEqual([0, 1]);
    expect(text.metadata.get(1)).toEqual([
      { phrase: 0, facet: 'city', value: '杭州市' },
      { phrase: 0, facet: 'district', value: '杭州市钱塘区' },
    ]);
    expect(text.metadata.has(0)).toBe(false);
    expect(answer(small.length, text, table, {}, 'relevance').results).toEqual([1, 0]);
    // Without metadata, only the text counts (as before).
    expect([...(await matchText(['杭州'], sourceOf(built)))!.docs]).toEqual([0]);
  });

  it('a topic finds its reports; a headline match and a topic match both rank above a body mention', async () => {
    const built = buildSearchIndex([...small, doc('新闻五', '顺带提到民营经济。', {})]);
    const table = readFacetTable(built.facets);
    const text = (await matchText(['民营经济'], sourceOf(built), tableMetadata(table, fields)))!;
    expect([...text.docs]).toEqual([1, 2, 3, 4]);
    expect(answer(5, text, table, {}, 'relevance').results.at(-1)).toBe(4);
  });

  it('a year or any facet not listed as metadata is not searched', async () => {
    const built = buildSearchIndex(small);
    const text = (await matchText(['2024'], sourceOf(built), tableMetadata(readFacetTable(built.facets), fields)))!;
    expect([...text.docs]).toEqual([]);
  });

  it('reporters and keywords are indexed as a field of their own: found, exact, no phrase across fields', async () => {
    const built = buildSearchIndex(small);
    const table = readFacetTable(built.facets);
    expect([...(await matchText(['鲍蔓华'], sourceOf(built), tableMetadata(table, fields)))!.docs]).toEqual([1]);
    expect([...(await matchText(['营商环境'], sourceOf(built), tableMetadata(table, fields)))!.docs]).toEqual([2]);
    expect(containsPhrase('新闻二', '与此无关。', '鲍蔓华', ['鲍蔓华'])).toBe(true);
    // The end of the text does not run into the first field: 关。 + 营 is no phrase.
    expect(containsPhrase('新闻三', '也无关', '无关营', ['营商环境'])).toBe(false);
    expect([...(await matchText(['关营'], sourceOf(built), tableMetadata(table, fields)))!.docs]).toEqual([]);
  });

  it('every word must be found, each in text or metadata', async () => {
    const built = buildSearchIndex(small);
    const table = readFacetTable(built.facets);
    expect([...(await matchText(['杭州', '民营经济'], sourceOf(built), tableMetadata(table, fields)))!.docs]).toEqual([1]);
  });
});

describe('metadata without the facet file: the buckets name the candidate values, one file each (issue 19)', () => {
  const fields = METADATA_FIELDS;

  /** The indexed metadata source of a built index, counting the value files it loads. */
  function indexedOf(built: BuiltIndex, limit = 32) {
    const loads: number[] = [];
    let tables = 0;
    const source = sourceOf(built);
    const metadata = indexedMetadata(source, fields, {
      limit,
      loadValue: async (n) => {
        loads.push(n);
        return readValueRecord(built.values[n]);
      },
      loadTable: async () => {
        tables++;
        return readFacetTable(built.facets);
      },
    });
    return { source, metadata, loads, tables: () => tables };
  }

  /** Every searched value of the facet file, numbered as the builder numbers them. */
  function searchedValues(built: BuiltIndex) {
    const table = readFacetTable(built.facets);
    const searched = new Set<string>(fields.map((f) => f.key));
    return [...table.keys()].sort().filter((f) => searched.has(f)).flatMap((facet) => table.get(facet)!.map((v) => ({ facet, value: v.value, docs: Array.from(v.docs) })));
  }

  it('writes one file per searched value (region, topic, outlet), numbered as the facet file orders them', () => {
    const expected = searchedValues(index);
    expect(index.values.length).toBe(expected.length);
    expect(expected.some((v) => v.facet === 'district')).toBe(true);
    expect(expected.some((v) => v.facet === 'year' || v.facet === 'kind')).toBe(false);
    index.values.forEach((bytes, n) => {
      const record = readValueRecord(bytes);
      expect({ ...record, docs: Array.from(record.docs) }).toEqual(expected[n]);
    });
  });

  it('lists, in the bucket of every token of a value’s name, that value’s number', async () => {
    const values = searchedValues(index);
    const problems: string[] = [];
    for (const [n, { value }] of values.entries()) {
      const tokens = new Set<string>();
      textOccurrences(value, 0, (key) => tokens.add(key));
      expect(tokens.size, value).toBeGreaterThan(0);
      for (const token of tokens) {
        const listed = await source.valuesWith(token);
        if (!listed || !Array.from(listed).includes(n)) problems.push(`${value}: ${token}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await source.valuesWith('鿯')).toBeUndefined();
  });

  it('matches exactly as the facet file does, for every value name, pieces of names and text phrases', async () => {
    const values = searchedValues(index);
    const table = readFacetTable(index.facets);
    const rng = createRng(1919);
    const pieces = values.flatMap(({ value }) => {
      const chars = [...value];
      const start = rng.int(0, chars.length - 1);
      return [value, chars.slice(start, start + rng.int(1, 3)).join('')];
    });
    const phrases = [...new Set([...pieces, ...Array.from({ length: 80 }, () => pickPhrase(rng, docs)), '杭州', '浙江', '区', '市', '钱塘区', '杭州 民营经济'])];
    let named = 0;
    for (const query of phrases) {
      const words = query.split(' ');
      const { source: indexedSource, metadata, loads, tables } = indexedOf(index);
      const want = await matchText(words, sourceOf(index), tableMetadata(table, fields));
      const got = await matchText(words, indexedSource, metadata);
      expect({ docs: Array.from(got!.docs), scores: Array.from(got!.scores), metadata: [...got!.metadata] }, query).toEqual({
        docs: Array.from(want!.docs),
        scores: Array.from(want!.scores),
        metadata: [...want!.metadata],
      });
      const holding = values.filter((v) => words.some((w) => containsPhrase(v.value, '', w)));
      if (holding.length) named++;
      // Only candidates are fetched: at least the values that hold the phrase, none that lack one of its tokens.
      if (tables() === 0) {
        for (const v of holding) expect(loads, `${query} loads ${v.value}`).toContain(values.indexOf(v));
        for (const n of loads) expect(words.some((w) => phraseTokens(w).every((t) => foldForIndex(values[n].value).includes(t.key))), `${query} loads ${values[n].value}`).toBe(true);
      }
    }
    expect(named).toBeGreaterThan(values.length);
  }, 120_000);

  it('a phrase that names no value fetches no value file; one naming too many loads the facet file instead', async () => {
    const plain = indexedOf(index);
    // A phrase of the corpus that shares no character with any value's name.
    const names = searchedValues(index).map((v) => v.value).join('');
    const rng = createRng(3);
    let probe = pickPhrase(rng, docs);
    while ([...probe].some((ch) => names.includes(ch))) probe = pickPhrase(rng, docs);
    await matchText([probe], plain.source, plain.metadata);
    expect(plain.loads).toEqual([]);
    expect(plain.tables()).toBe(0);
    const many = indexedOf(index, 32);
    const districts = searchedValues(index).filter((v) => v.value.includes('区')).length;
    expect(districts).toBeGreaterThan(32);
    await matchText(['区'], many.source, many.metadata);
    expect(many.loads).toEqual([]);
    expect(many.tables()).toBe(1);
  });
});
