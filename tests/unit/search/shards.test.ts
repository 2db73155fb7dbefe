import { describe, expect, it } from 'vitest';
import { newestFirst, parseShardSize, planShards, SHARD_SIZE, shardBundlePath, shardManifest } from '../../../src/lib/search/shards.ts';

const urls = (n: number) => Array.from({ length: n }, (_, i) => `/reports/r${String(i).padStart(3, '0')}/`);

describe(planShards, () => {
  it('keeps an archive of at most one shard size as one shard, unchanged', () => {
    expect(planShards(urls(13), 20)).toEqual([urls(13)]);
    expect(planShards(urls(20), 20)).toEqual([urls(20)]);
    expect(planShards([], 20)).toEqual([[]]);
  });
  it('splits into as few shards as fit, sizes within one of each other, order kept (newest in shard 0)', () => {
    const shards = planShards(urls(50), 20);
    expect(shards.map((s) => s.length)).toEqual([17, 17, 16]);
    expect(shards.flat()).toEqual(urls(50));
    expect(shards[0][0]).toBe(urls(50)[0]);
    expect(planShards(urls(21), 20).map((s) => s.length)).toEqual([11, 10]);
    expect(planShards(urls(10_000), 4000).map((s) => s.length)).toEqual([3334, 3333, 3333]);
  });
  it('never makes a shard larger than the size', () => {
    for (const n of [1, 19, 40, 41, 99, 1001]) {
      for (const size of [1, 7, 20, 1000]) {
        const shards = planShards(urls(n), size);
        expect(Math.max(...shards.map((s) => s.length))).toBeLessThanOrEqual(size);
        expect(shards).toHaveLength(Math.ceil(n / size));
      }
    }
  });
  it('refuses a size that is not a positive integer', () => {
    expect(() => planShards(urls(3), 0)).toThrow(/positive integer/);
    expect(() => planShards(urls(3), 2.5)).toThrow(/positive integer/);
  });
});

describe(newestFirst, () => {
  it('orders by date descending (a bare year or month after its days), then URL', () => {
    const entries = [
      { url: '/b/', date: '2024' },
      { url: '/a/', date: '2024-12-31' },
      { url: '/c/', date: '2025-01' },
      { url: '/e/', date: '2024-12-31' },
      { url: '/d/', date: '2023-06-01' },
    ];
    expect(newestFirst(entries).map((e) => e.url)).toEqual(['/c/', '/a/', '/e/', '/b/', '/d/']);
    expect(entries[0].url).toBe('/b/');
  });
});

describe(shardManifest, () => {
  it('lists the extra bundles and the report count of every shard', () => {
    expect(shardManifest(planShards(urls(50), 20))).toEqual({ bundles: ['/pagefind-shard-1/', '/pagefind-shard-2/'], reports: [17, 17, 16] });
    expect(shardBundlePath(0)).toBe('/pagefind/');
  });
});

describe(parseShardSize, () => {
  it('defaults to SHARD_SIZE and rejects nonsense instead of ignoring it', () => {
    expect(parseShardSize(undefined)).toBe(SHARD_SIZE);
    expect(parseShardSize('')).toBe(SHARD_SIZE);
    expect(parseShardSize('20')).toBe(20);
    expect(() => parseShardSize('0')).toThrow(/ARCHIVE_SEARCH_SHARD_SIZE/);
    expect(() => parseShardSize('abc')).toThrow(/ARCHIVE_SEARCH_SHARD_SIZE/);
  });
});
