/**
 * Sharding the search index: Pagefind holds every page's words in memory until it writes the
 * index (≈1 MB per Chinese report, docs/scaling.md), so a large archive is indexed as several
 * Pagefind bundles built one after another, and the search page merges them at query time with
 * Pagefind's `mergeIndex`. Shard 0 is the usual /pagefind/ bundle and holds the newest reports;
 * a small archive has only shard 0, i.e. exactly the single index it always had.
 */

/** Reports per Pagefind index before the archive is split; measured in docs/scaling.md. */
export const SHARD_SIZE = 4000;

/** The manifest the build writes next to shard 0 when there is more than one shard. */
export const SHARD_MANIFEST = 'shards.json';

/** The site path of shard `i`'s bundle: /pagefind/ for shard 0, /pagefind-shard-<i>/ after it. */
export function shardBundlePath(i: number): string {
  return i === 0 ? '/pagefind/' : `/pagefind-shard-${i}/`;
}

/**
 * Splits report URLs (newest first) into as few shards as keep each at most `size` long, sizes
 * differing by at most one (earlier shards the larger), order kept: shard 0 gets the newest. No
 * URLs gives one empty shard (a site still gets its /pagefind/ bundle).
 */
export function planShards<T>(newestFirst: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`shard size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(newestFirst.length / size));
  const base = Math.floor(newestFirst.length / count);
  const larger = newestFirst.length % count;
  const shards: T[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = start + base + (i < larger ? 1 : 0);
    shards.push(newestFirst.slice(start, end));
    start = end;
  }
  return shards;
}

/** A report page to index, with its sort date (YYYY-MM-DD, YYYY-MM or YYYY). */
export interface ShardEntry {
  url: string;
  date: string;
}

/** Entries newest first: by date descending (as strings, so 2024 sorts after 2024-12-31), then URL ascending. */
export function newestFirst<T extends ShardEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The manifest shard 0 carries: the extra bundles the browser merges, and the report count of each shard. */
export interface ShardManifest {
  bundles: string[];
  reports: number[];
}

/** The manifest for a plan with more than one shard (deterministic: no times, no absolute paths). */
export function shardManifest(shards: readonly (readonly unknown[])[]): ShardManifest {
  return { bundles: shards.slice(1).map((_, i) => shardBundlePath(i + 1)), reports: shards.map((s) => s.length) };
}

/** Reads a shard size override (ARCHIVE_SEARCH_SHARD_SIZE) or the default; a bad value is an error, not ignored. */
export function parseShardSize(value: string | undefined): number {
  if (value === undefined || value === '') return SHARD_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`ARCHIVE_SEARCH_SHARD_SIZE must be a positive integer, got "${value}"`);
  return n;
}
