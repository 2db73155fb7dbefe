/**
 * The page's search engine (src/client/search/engine.ts) against an index served from memory:
 * fetch is replaced by a lookup in the built files, gzip as the build writes them. Here every
 * token of 高质量发展 is common (format 4: its bytes in detail files), and decoy reports hold
 * all four of its bigrams apart, so only the detail files can tell them from real matches.
 */
import { describe, expect, it } from 'vitest';
import type { IndexDocument } from '../../../src/lib/search/build/index-builder.ts';
import { refineResults, runSearch } from '../../../src/client/search/engine.ts';
import { serveIndex } from './served-index.ts';

const CHUNK = 8;

/** Report n: a real match (高质量发展) or a decoy with 高质, 质量, 量发 and 发展 apart. */
function report(n: number, real: boolean): IndexDocument {
  const text = (real ? `第${n}篇：推动高质量发展，政协委员建言。` : `第${n}篇：高质量的工作，数量发生变化，发展很快。`) + (n < 20 ? '提案' : '');
  return { card: { url: `/reports/r${n}/`, title: `报道${n}`, date: `2024-01-${String(n + 1).padStart(2, '0')}`, outlet: '', region: '', kind: '', text }, facets: { year: [n % 2 ? '2024' : '2023'] } };
}

// 30 reports, oldest first; every third is real (10 of them), the newest ones mostly decoys.
const reports = Array.from({ length: 30 }, (_, n) => report(n, n % 3 === 0));
const real = reports.flatMap((_, n) => (n % 3 === 0 ? [n] : [])).reverse();
const fetched = serveIndex(reports, { commonMin: 0, detailChunk: CHUNK });

const detailFetches = () => fetched.filter((p) => p.includes('/d/'));

describe('a search whose tokens are all common (their bytes in detail files)', () => {
  it('shows a first page of real matches only, fetching the detail files of their runs alone', async () => {
    const found = await runSearch({ q: '高质量发展', filters: {}, sort: 'date' }, { counts: true, firstPage: 3 });
    expect(found.results.slice(0, 3)).toEqual(real.slice(0, 3));
    // Every candidate in the runs just read (16–29) is checked with them, at no cost in bytes:
    // only the real ones are left there; the older runs are not checked yet.
    expect(found.results.filter((n) => n >= 16)).toEqual(real.filter((n) => n >= 16));
    expect(found.results.filter((n) => n < 16)).toEqual(Array.from({ length: 16 }, (_, i) => 15 - i));
    expect(found.approximate).toBe(true);
    // The count estimates the unchecked ones by the share that passed (4 of 14): 4 + 16 × 4/14 ≈ 9
    // (10 in truth), not the 30 candidates; the facet counts add up to it, give or take rounding.
    expect(found.total).toBe(9);
    const years = Object.values(found.counts.year).reduce((a, b) => a + b, 0);
    expect(Math.abs(years - found.total)).toBeLessThanOrEqual(1);
    // Only the runs of the reports checked, 29 down to 21: runs 3 (24–29) and 2 (16–23), not 0 or 1.
    const runs = new Set(detailFetches().map((p) => Number(p.replace(/.*-(\d+)\.bin$/, '$1'))));
    expect([...runs].sort()).toEqual([2, 3]);

    // Each further page is checked the same way, until only the real matches are left.
    for (let from = 3; from < found.results.length; from += 3) {
      await refineResults(found, from, 3);
      expect(found.results.slice(from, from + 3).every((n) => real.includes(n)), `page from ${from}`).toBe(true);
    }
    expect(found.results).toEqual(real);
  });

  it('checks every candidate when there are few, before fetching any card: the count is exact', async () => {
    // 提案 is in reports 0–19: 20 candidates, at most CONFIRM_ALL, 7 of them real.
    fetched.length = 0;
    const found = await runSearch({ q: '高质量发展 提案', filters: {}, sort: 'relevance' }, { counts: true, firstPage: 3 });
    expect(found.approximate).toBe(false);
    expect([...found.results].sort((a, b) => b - a)).toEqual(real.filter((n) => n < 20));
    const cards = fetched.filter((p) => p.includes('/r/')).map((p) => Number(p.replace(/.*\/(\d+)\.bin$/, '$1')));
    expect(cards.sort((a, b) => b - a)).toEqual(real.filter((n) => n < 20));
  });
});
