/**
 * The count of a large search whose candidates include reports that hold the query's pieces at
 * positions the index cannot tell apart (the same positions modulo 7, the right followers): the
 * index lets them through, their cards do not. The page confirms its first page's cards before it
 * counts, and the share that held corrects the estimate (TextMatches.estimate, cardRate).
 */
import { describe, expect, it } from 'vitest';
import type { IndexDocument } from '../../../src/lib/search/build/index-builder.ts';
import { runSearch } from '../../../src/client/search/engine.ts';
import { serveIndex } from './served-index.ts';

/**
 * Report n: a real match, or a decoy: 高质@3, 质量@4, 量发@5 and @12, 发展@13, so at one start
 * (3) modulo 7 every bigram of 高质量发展 fits and each has its follower, yet the phrase is not there.
 */
function report(n: number, real: boolean): IndexDocument {
  const text = real ? `第${n}篇：推动高质量发展，政协委员建言。` : `第${n}篇：高质量发生变化，很大量发展。`;
  return { card: { url: `/reports/r${n}/`, title: `报道${n}`, date: `2024-${String((n % 12) + 1).padStart(2, '0')}-01`, outlet: '', region: '', kind: '', text }, facets: { year: [n % 2 ? '2024' : '2023'] } };
}

// 60 reports; every fourth is real (15).
const reports = Array.from({ length: 60 }, (_, n) => report(n, n % 4 === 0));
serveIndex(reports, {});

describe('the count of a search with candidates the index cannot tell from matches', () => {
  it('goes by the share of the first page whose cards hold the query', async () => {
    const found = await runSearch({ q: '高质量发展', filters: {}, sort: 'date' }, { counts: true, firstPage: 10 });
    // Every decoy is still a candidate: the index cannot rule it out, only its card can.
    expect(found.approximate).toBe(true);
    expect(found.results).toHaveLength(60);
    // The first page (the 10 newest, 59–50) holds 2 real matches (56, 52): by the rule of
    // succession a share of 3/12, so 2 + 50 × 3/12 ≈ 15 (15 in truth), not the 60 candidates.
    expect(found.total).toBe(15);
    const years = Object.values(found.counts.year).reduce((a, b) => a + b, 0);
    expect(Math.abs(years - found.total)).toBeLessThanOrEqual(1);
  });

  it('leaves the count alone when every card of the first page holds the query', async () => {
    // 推动 is only in the real reports: 15 candidates, few enough to be confirmed one by one.
    const found = await runSearch({ q: '推动高质量发展', filters: {}, sort: 'date' }, { counts: true, firstPage: 10 });
    expect(found.approximate).toBe(false);
    expect(found.total).toBe(15);
  });
});
