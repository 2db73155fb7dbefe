/**
 * writeSearchIndex on an in-memory file tree: the index logic runs without a build or a disk
 * (the integration only hands it Node's file system).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../../helpers/memory-tree.ts';
import { stampIndexFiles, writeSearchIndex } from '../../../../src/lib/search/build/write-index.ts';
import { decodeIndexMemory, encodeIndexMemory } from '../../../../src/lib/search/build/index-memory.ts';
import { SearchIndexBuilder } from '../../../../src/lib/search/build/index-builder.ts';
import { readBucket, readDetail } from '../../../../src/lib/search/browser/query.ts';
import type { SearchManifest } from '../../../../src/lib/search/index/format.ts';

const page = (headline: string, date: string) =>
  `<html><body><article data-search-body><p>${headline}的正文</p><div hidden data-search-ignore><data value="${headline}" data-search-meta="headline"></data><data value="${date}" data-search-meta="date"></data><data value="数字经济" data-search-facet="topic"></data></div></article></body></html>`;

const packing = {
  gzip: (data: Uint8Array) => gzipSync(data, { level: 9 }),
  sha256: () => {
    const hash = createHash('sha256');
    return { update: (data: Uint8Array) => void hash.update(data), hex: () => hash.digest('hex') };
  },
};

describe('writeSearchIndex', () => {
  it('indexes the report pages oldest first and writes a versioned index with its manifest', () => {
    const tree = memoryTree({
      'reports/2021/old/index.html': page('旧报道', '2021-03-01'),
      'reports/2024/new/index.html': page('新报道', '2024-05-01'),
      'reports/index.html': '<html><body>列表页</body></html>',
      'search-index/stale/facets.bin': 'stale',
    });
    const written = writeSearchIndex(tree, packing);
    expect(written.manifest.documents).toBe(2);
    const version = written.manifest.version;
    const paths = [...tree.files.keys()].filter((p) => p.startsWith('search-index/')).sort();
    expect(paths).toContain(`search-index/${version}/r/0.bin`);
    expect(paths).toContain(`search-index/${version}/facets.bin`);
    // One searched value (the topic 数字经济), in a file of its own for a query naming it.
    expect(written.manifest.values).toBe(1);
    expect(paths.filter((p) => p.startsWith(`search-index/${version}/v/`))).toEqual([`search-index/${version}/v/0.bin`]);
    expect(paths).not.toContain('search-index/stale/facets.bin');
    expect(paths.some((p) => p.includes('.building'))).toBe(false);
    expect(JSON.parse(new TextDecoder().decode(tree.files.get('search-index/manifest.json')))).toEqual(written.manifest);
    // Oldest first: record 0 is the 2021 report.
    const first = new TextDecoder().decode(gunzipSync(tree.files.get(`search-index/${version}/r/0.bin`)!));
    expect(first).toContain('/reports/2021/old/');
    expect(written.files).toBe(paths.length);
  });

  it('orders by the real dates even when a page holds text that looks like a date element', () => {
    const decoy = '<script>const x = \'<data value="1999-01-01" data-search-meta="date">\';</script>';
    const tree = memoryTree({
      'reports/2021/old/index.html': page('旧报道', '2021-03-01').replace('</body>', `${decoy}</body>`),
      'reports/2024/new/index.html': page('新报道', '2024-05-01'),
      'reports/2023/mid/index.html': page('中报道', '2023-05-01').replace('</body>', `${decoy.replace('1999-01-01', '2030-01-01')}</body>`),
    });
    const written = writeSearchIndex(tree, packing);
    const urls = [0, 1, 2].map((n) => JSON.parse(new TextDecoder().decode(gunzipSync(tree.files.get(`search-index/${written.manifest.version}/r/${n}.bin`)!))).url);
    expect(urls).toEqual(['/reports/2021/old/', '/reports/2023/mid/', '/reports/2024/new/']);
    expect([...tree.files.keys()].some((p) => p.includes('.building'))).toBe(false);
  });
});

// The defaults (no token common in 40 reports), and every token in more than a quarter of the
// reports common with runs of 8 reports (detail files: format 4).
describe.each([
  ['every token inline', {}],
  ['common tokens in detail files', { commonMin: 0, detailChunk: 8 }],
] as const)('writeSearchIndex with the memory of its last run (issue 19: an editor\'s wait): %s', (_, build) => {
  const topics = ['数字经济', '民营经济', '高质量发展'];
  const sentences = ['钱塘区政协围绕数字经济开展协商。', '委员们走访民营企业，听取意见。', '推动高质量发展，建设创新高地。', '电商直播带动农产品销售。', '人大代表视察产业园区。'];
  const body = (n: number) => Array.from({ length: 3 + (n % 4) }, (_, i) => sentences[(n * 3 + i) % sentences.length]).join('') + `第${n}号。`;
  const reportPage = (n: number, date: string, text = body(n)) =>
    `<html><body><article data-search-body><p>${text}</p><div hidden data-search-ignore><data value="报道${n}" data-search-meta="headline"></data><data value="${date}" data-search-meta="date"></data><data value="${topics[n % 3]}" data-search-facet="topic"></data><data value="${2018 + (n % 7)}" data-search-facet="year"></data></div></article></body></html>`;
  const dateOf = (n: number) => `${2018 + (n % 7)}-0${1 + (n % 9)}-1${n % 10}`;
  const pages = (numbers: number[]) => Object.fromEntries(numbers.map((n) => [`reports/r${n}/index.html`, reportPage(n, dateOf(n))]));
  const indexFiles = (tree: ReturnType<typeof memoryTree>) =>
    new Map([...tree.files].filter(([p]) => p.startsWith('search-index/')).map(([p, data]) => [p, Buffer.from(data).toString('base64')]));
  /**
   * Problems with the written index's detail files: for every common token of every bucket and
   * every run where it has reports, the file must hold its bytes for exactly those reports.
   */
  const detailProblems = (tree: ReturnType<typeof memoryTree>) => {
    const manifest = JSON.parse(new TextDecoder().decode(tree.files.get('search-index/manifest.json'))) as SearchManifest;
    const file = (path: string) => {
      const bytes = tree.files.get(`search-index/${manifest.version}/${path}`);
      return bytes && new Uint8Array(gunzipSync(bytes));
    };
    const problems: string[] = [];
    for (let b = 0; b < manifest.buckets; b++) {
      for (const [key, posting] of readBucket(file(`b/${b}.bin`)!).postings) {
        if (posting.detailed) continue;
        const perRun = new Map<number, number>();
        for (const doc of posting.docs) perRun.set(Math.floor(doc / manifest.detailChunk), (perRun.get(Math.floor(doc / manifest.detailChunk)) ?? 0) + 1);
        for (const [run, count] of perRun) {
          const bytes = file(`d/${b}-${run}.bin`);
          if (bytes?.length && readDetail(bytes).get(key)?.masks.length === count) continue;
          problems.push(`${key} run ${run}`);
        }
      }
    }
    return problems;
  };
  /** The index of the same pages made from nothing, in a tree of its own. */
  const fresh = (tree: ReturnType<typeof memoryTree>) => {
    const copy = memoryTree({});
    for (const [p, data] of tree.files) if (!p.startsWith('search-index/')) copy.files.set(p, data);
    writeSearchIndex(copy, packing, { build });
    return indexFiles(copy);
  };
  const start = (numbers: number[]) => {
    const tree = memoryTree(pages(numbers));
    const { memory } = writeSearchIndex(tree, packing, { inputs: 'code 1', build });
    // As the worker does once the writes are on disk: the written files get their stamps.
    stampIndexFiles(tree, memory!);
    return { tree, memory: memory! };
  };
  const numbers = Array.from({ length: 40 }, (_, n) => n);

  it('gives the bytes of an index made from nothing after every kind of change, reading only the pages that changed', () => {
    let { tree, memory } = start(numbers);
    expect(indexFiles(tree)).toEqual(fresh(tree));
    // The second variant has detail files, and changes below reach them.
    expect([...tree.files.keys()].some((p) => p.includes('/d/'))).toBe('commonMin' in build);
    const again = (change: () => void) => {
      change();
      tree.reads.clear();
      const written = writeSearchIndex(tree, packing, { inputs: 'code 1', previous: memory, build });
      stampIndexFiles(tree, written.memory!);
      expect(indexFiles(tree)).toEqual(fresh(tree));
      expect(detailProblems(tree)).toEqual([]);
      memory = written.memory!;
      return written;
    };
    // Nothing changed: nothing read, nothing written. Not even read back: every page and index
    // file has the stamp the last run recorded.
    let written = again(() => {});
    expect([written.reread, written.rewritten]).toEqual([0, 0]);
    expect([...tree.reads.keys()]).toEqual([]);
    // Without stamps (a tree that cannot give them), the same result, from the bytes.
    const unstamped = { ...tree, stamp: undefined };
    const fromBytes = writeSearchIndex(unstamped, packing, { inputs: 'code 1', previous: memory, build });
    expect([fromBytes.reread, fromBytes.rewritten]).toEqual([0, 0]);
    expect(tree.reads.size).toBeGreaterThan(40);
    // A report dated after every other: it alone is read; most files are kept.
    written = again(() => tree.write('reports/r100/index.html', new TextEncoder().encode(reportPage(100, '2026-12-07'))));
    expect(written.reread).toBe(1);
    expect([...tree.reads.keys()].filter((p) => p.startsWith('reports/'))).toEqual(['reports/r100/index.html']);
    // The same bytes written again: a new stamp, so the page is read, and found unchanged.
    written = again(() => tree.write('reports/r3/index.html', tree.read('reports/r3/index.html')));
    expect([written.reread, written.rewritten]).toEqual([0, 0]);
    expect([...tree.reads.keys()]).toEqual(['reports/r3/index.html']);
    expect(written.rewritten).toBeLessThan(written.files / 2);
    // A back-dated report: the reports after it are numbered one higher, their cards move.
    written = again(() => tree.write('reports/r101/index.html', new TextEncoder().encode(reportPage(101, '2017-01-01'))));
    expect(written.reread).toBe(1);
    // An edited report, a removed one.
    written = again(() => tree.write('reports/r5/index.html', new TextEncoder().encode(reportPage(5, dateOf(5), '全新的正文，钱塘江畔的协商故事。'))));
    expect(written.reread).toBe(1);
    again(() => tree.remove('reports/r7/index.html'));
    // A page whose date moved: it is read again and takes its new place.
    again(() => tree.write('reports/r9/index.html', new TextEncoder().encode(reportPage(9, '2026-12-08'))));
    // The version directory damaged behind the memory's back: a card and a bucket changed, a file
    // removed, a stray file added. Each is put right.
    const version = () => [...tree.files.keys()].find((p) => p.endsWith('/facets.bin'))!.split('/')[1];
    again(() => {
      const v = version();
      tree.write(`search-index/${v}/r/3.bin`, new Uint8Array([1, 2, 3]));
      tree.write(`search-index/${v}/b/0.bin`, new Uint8Array([4, 5, 6]));
      const detail = [...tree.files.keys()].find((p) => p.startsWith(`search-index/${v}/d/`));
      if (detail) tree.write(detail, new Uint8Array([4, 5]));
      tree.remove(`search-index/${v}/r/4.bin`);
      tree.write(`search-index/${v}/r/stray.bin`, new Uint8Array([7]));
      tree.write('search-index/.building/left.bin', new Uint8Array([8]));
      tree.write('search-index/0123456789ab/b/0.bin', new Uint8Array([9]));
    });
  });

  it('starts from nothing when the code changed or the last version is gone', () => {
    const { tree, memory } = start(numbers);
    tree.write('reports/r100/index.html', new TextEncoder().encode(reportPage(100, '2026-12-07')));
    const otherCode = writeSearchIndex(tree, packing, { inputs: 'code 2', previous: memory, build });
    expect(otherCode.reread).toBe(41);
    expect(indexFiles(tree)).toEqual(fresh(tree));
    tree.remove('search-index');
    const gone = writeSearchIndex(tree, packing, { inputs: 'code 2', previous: otherCode.memory, build });
    expect(gone.reread).toBe(41);
    expect(indexFiles(tree)).toEqual(fresh(tree));
  });

  it('cuts its postings into pieces and carries a memory of many pieces as one of one', () => {
    const { tree, memory } = start(numbers);
    const whole = Buffer.concat(memory.postings);
    // The builder's own cut: many small pieces, the same bytes.
    const builder = new SearchIndexBuilder();
    builder.carry(memory.postings, Int32Array.from(memory.pages, (_, n) => n));
    const cut = builder.snapshot(64);
    expect(cut.length).toBeGreaterThan(10);
    expect(Buffer.concat(cut).equals(whole)).toBe(true);
    // Pieces of 7 bytes, carried and written to bytes, give what one piece gives.
    const pieces = Array.from({ length: Math.ceil(whole.length / 7) }, (_, i) => whole.subarray(i * 7, i * 7 + 7));
    const pieced = { ...memory, postings: pieces };
    expect(Buffer.concat(encodeIndexMemory(pieced)).equals(Buffer.concat(encodeIndexMemory(memory)))).toBe(true);
    tree.write('reports/r100/index.html', new TextEncoder().encode(reportPage(100, '2026-12-07')));
    const written = writeSearchIndex(tree, packing, { inputs: 'code 1', previous: pieced, build });
    expect(written.reread).toBe(1);
    expect(indexFiles(tree)).toEqual(fresh(tree));
  });

  it('keeps its memory as bytes, and refuses bytes that are not one', () => {
    const { memory } = start(numbers.slice(0, 5));
    // Written piece by piece, as src/node does.
    const bytes = Buffer.concat(encodeIndexMemory(memory));
    const decoded = decodeIndexMemory(bytes)!;
    expect(decoded.version).toBe(memory.version);
    expect(decoded.pages).toEqual(memory.pages);
    expect([...decoded.files]).toEqual([...memory.files]);
    expect(Buffer.concat(decoded.postings).equals(Buffer.concat(memory.postings))).toBe(true);
    expect(decodeIndexMemory(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    expect(decodeIndexMemory(new TextEncoder().encode('{"inputs":"x"}'))).toBeUndefined();
  });
});

