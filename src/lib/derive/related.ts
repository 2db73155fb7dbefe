/**
 * Related reports: others that share regions (with the hierarchy: a shared district also means a
 * shared city and province), topics and keywords.
 *
 * Score = 1 per shared region node + 2 per shared topic + 1 per shared keyword. Ties break on
 * newest first, then id, so the list is stable across builds.
 *
 * Linear in the number of reports: candidates come from an inverted index over those features,
 * and from each feature's posting list (sorted newest first) only the `window` reports nearest in
 * that order are taken. A province shared by 10 000 reports therefore costs 2 × window candidates,
 * not 10 000; while every posting list has at most 2 × window + 1 reports (any small archive) the
 * result is exact. Above that, candidates are ranked by the weights found within the windows and
 * the best 3 × limit are rescored exactly.
 */
import type { Report } from '../archive/types.ts';
import { compareReportsNewestFirst } from '../archive/sort.ts';
import { deepestCodes, reportRegionNodes } from './region-closure.ts';

export interface RelatedReport {
  id: string;
  score: number;
  /** Deepest region nodes both reports touch (e.g. 330114 rather than 330100 and 330000). */
  sharedRegions: string[];
  sharedTopics: string[];
  sharedKeywords: string[];
}

export interface RelatedOptions {
  /** Most related reports kept per report. */
  limit?: number;
  /** Neighbours taken on each side within one feature's posting list. */
  window?: number;
}

interface Profile {
  report: Report;
  rank: number;
  regions: Set<string>;
  topics: Set<string>;
  keywords: Set<string>;
}

const REGION = 'r\u0000';
const TOPIC = 't\u0000';
const KEYWORD = 'k\u0000';

function profileOf(report: Report, rank: number): Profile {
  return {
    report,
    rank,
    regions: new Set(reportRegionNodes(report)),
    topics: new Set(report.data.topics),
    keywords: new Set(report.data.keywords),
  };
}

function featuresOf(p: Profile): string[] {
  return [
    ...[...p.regions].map((c) => REGION + c),
    ...[...p.topics].map((t) => TOPIC + t),
    ...[...p.keywords].map((k) => KEYWORD + k),
  ];
}

/** The exact relation between two reports, or null when they share nothing. */
export function relate(a: Report, b: Report): RelatedReport | null {
  return compareProfiles(profileOf(a, 0), profileOf(b, 0));
}

function shared(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((x) => b.has(x));
}

function compareProfiles(a: Profile, b: Profile): RelatedReport | null {
  const regions = shared(a.regions, b.regions);
  const topics = shared(a.topics, b.topics);
  const keywords = shared(a.keywords, b.keywords);
  const score = regions.length + 2 * topics.length + keywords.length;
  if (!score) return null;
  return { id: b.report.id, score, sharedRegions: deepestCodes(regions), sharedTopics: topics, sharedKeywords: keywords };
}

/**
 * The `k` best ranks by score (higher first; equal scores: lower rank, i.e. newer, first), by
 * insertion into a short sorted list: O(candidates × k) with small k, cheaper than a full sort.
 */
export function topRanks(ranks: readonly number[], score: Int32Array, k: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) => score[a] > score[b] || (score[a] === score[b] && a < b);
  for (const r of ranks) {
    if (top.length === k && !better(r, top[k - 1])) continue;
    let i = Math.min(top.length, k - 1);
    if (top.length < k) top.push(r);
    while (i > 0 && better(r, top[i - 1])) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = r;
  }
  return top;
}

/** For every report id, up to `limit` related reports, best first with a stable tie-break. */
export function relatedReports(reports: readonly Report[], options: RelatedOptions = {}): Map<string, RelatedReport[]> {
  const { limit = 5, window = 15 } = options;
  const profiles = [...reports].sort(compareReportsNewestFirst).map(profileOf);
  // Posting lists of ranks (archive order) per feature, and where each report sits in each list.
  const postings = new Map<string, number[]>();
  const positions = profiles.map((p) =>
    featuresOf(p).map((f) => {
      const list = postings.get(f) ?? [];
      postings.set(f, list);
      list.push(p.rank);
      return { list, at: list.length - 1, weight: f.startsWith(TOPIC) ? 2 : 1 };
    }),
  );
  const score = new Int32Array(profiles.length);
  const result = new Map<string, RelatedReport[]>();
  for (const p of profiles) {
    // Accumulate shared-feature weights over each feature's window: exact whenever a posting
    // list fits in the window, a lower bound otherwise; the shortlist is rescored exactly below.
    const touched: number[] = [];
    for (const { list, at, weight } of positions[p.rank]) {
      const end = Math.min(list.length - 1, at + window);
      for (let j = Math.max(0, at - window); j <= end; j++) {
        const c = list[j];
        if (c === p.rank) continue;
        if (score[c] === 0) touched.push(c);
        score[c] += weight;
      }
    }
    const shortlist = topRanks(touched, score, limit * 3).map((c) => ({ rank: c, rel: compareProfiles(p, profiles[c])! }));
    for (const c of touched) score[c] = 0;
    shortlist.sort((x, y) => y.rel.score - x.rel.score || x.rank - y.rank);
    result.set(p.report.id, shortlist.slice(0, limit).map((x) => x.rel));
  }
  return result;
}
