import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCorpus, sentencesOf } from '../../../src/lib/bench/corpus.ts';
import { generateReport, generateReports, pickRegion, provinceCodes } from '../../../src/lib/bench/generate.ts';
import { createRng } from '../../../src/lib/bench/prng.ts';
import { allRegions, getRegion } from '../../../src/lib/regions/gazetteer.ts';
import { isPartialDate } from '../../../src/lib/dates/partial-date.ts';
import { reportSchema } from '../../../src/schemas/report.ts';

const root = join(import.meta.dirname, '../../..');
const raw = readdirSync(join(root, 'tests/fixtures/raw'))
  .sort()
  .map((f) => readFileSync(join(root, 'tests/fixtures/raw', f), 'utf8'));
const topics = parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8'));
const outlets = parse(readFileSync(join(root, 'content/outlets.yaml'), 'utf8'));
const input = { sentences: buildCorpus(raw), topics, outlets };
const provinces = provinceCodes(allRegions().map((r) => r.code));
const schema = reportSchema({ topics, outlets });

function frontMatter(text: string): unknown {
  const end = text.indexOf('\n---\n', 4);
  return parse(text.slice(4, end));
}

function bodyOf(text: string): string {
  return text.slice(text.indexOf('\n---\n', 4) + 5).trim();
}

describe('seeded PRNG', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers within bounds and respects weights', () => {
    const rng = createRng(3);
    const ints = Array.from({ length: 2000 }, () => rng.int(2, 5));
    expect(Math.min(...ints)).toBe(2);
    expect(Math.max(...ints)).toBe(5);
    const picks = Array.from({ length: 2000 }, () => rng.weighted(['a', 'b'], [9, 1]));
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(0.97);
  });
});

describe('sentence corpus', () => {
  it('turns Traditional text with pinyin annotations into clean Simplified sentences', () => {
    const s = sentencesOf('首頁>協(xié)商\n連續(xù)兩年獲評浙江省唯一五星級國家新型工業(yè)化產(chǎn)業(yè)示範(fàn)基地,,杭州市排名第一。');
    expect(s).toEqual(['连续两年获评浙江省唯一五星级国家新型工业化产业示范基地，杭州市排名第一。']);
  });

  it('yields a few hundred distinct sentences from the fixtures, none with scraping debris', () => {
    expect(input.sentences.length).toBeGreaterThan(150);
    expect(new Set(input.sentences).size).toBe(input.sentences.length);
    for (const s of input.sentences) expect(s).not.toMatch(/[?*|>\ufffd]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)|,。/u);
  });
});

describe('synthetic reports', () => {
  const reports = [...generateReports(42, 300, input, provinces)];

  it('is byte-identical for the same seed, and report i does not depend on N', () => {
    const again = [...generateReports(42, 300, input, provinces)];
    expect(again.map((r) => r.text)).toEqual(reports.map((r) => r.text));
    expect(generateReport(42, 123, input, provinces).text).toBe(reports[123].text);
    expect(generateReport(43, 123, input, provinces).text).not.toBe(reports[123].text);
  });

  it('writes every report valid against the report schema', () => {
    for (const report of reports) {
      const result = schema.safeParse(frontMatter(report.text));
      if (!result.success) throw new Error(`${report.path}: ${JSON.stringify(result.error.issues)}`);
    }
  });

  it('gives unique ids that match their paths and dates', () => {
    expect(new Set(reports.map((r) => r.id)).size).toBe(reports.length);
    for (const r of reports) {
      expect(r.path).toBe(`reports/${r.id}.md`);
      const data = schema.parse(frontMatter(r.text));
      expect(r.id.startsWith(`${data.date.slice(0, 4)}/${data.date}-`)).toBe(true);
    }
  });

  it('has Chinese bodies of 1,500–3,000 characters or so', () => {
    for (const r of reports) {
      const length = bodyOf(r.text).replace(/\s/gu, '').length;
      expect(length).toBeGreaterThanOrEqual(1400);
      expect(length).toBeLessThanOrEqual(3400);
    }
  });

  it('spreads dates over 2018–2025 with some partial dates, and keeps figures as decimal strings', () => {
    const data = reports.map((r) => schema.parse(frontMatter(r.text)));
    const years = new Set(data.map((d) => Number(d.date.slice(0, 4))));
    expect([...years].every((y) => y >= 2018 && y <= 2025)).toBe(true);
    expect(years.size).toBe(8);
    expect(data.some((d) => d.date.length === 7)).toBe(true);
    expect(data.some((d) => d.date.length === 4)).toBe(true);
    expect(data.every((d) => isPartialDate(d.date))).toBe(true);
    const figures = data.flatMap((d) => d.figures);
    expect(figures.length).toBeGreaterThan(100);
    expect(figures.every((f) => typeof f.value === 'string' && /^\d+(\.\d+)?$/u.test(f.value))).toBe(true);
    expect(data.some((d) => d.events.length > 0)).toBe(true);
  });

  it('skews regions towards a few provinces, as real archives do', () => {
    const rng = createRng(1);
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const code = pickRegion(rng, provinces);
      expect(getRegion(code)).toBeDefined();
      const province = `${code.slice(0, 2)}0000`;
      counts.set(province, (counts.get(province) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    // The heaviest province alone outweighs the 20 lightest together.
    expect(sorted[0]).toBeGreaterThan(sorted.slice(-20).reduce((s, n) => s + n, 0));
    expect(counts.size).toBeGreaterThan(25);
  });
});
