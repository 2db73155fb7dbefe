/**
 * writeSearchIndex on an in-memory file tree: the index logic runs without a build or a disk
 * (the integration only hands it Node's file system).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../../helpers/memory-tree.ts';
import { writeSearchIndex } from '../../../../src/lib/search/build/write-index.ts';

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
  it('indexes the report pages newest first and writes a versioned index with its manifest', () => {
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
    // Newest first: record 0 is the 2024 report.
    const first = new TextDecoder().decode(gunzipSync(tree.files.get(`search-index/${version}/r/0.bin`)!));
    expect(first).toContain('/reports/2024/new/');
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
    expect(urls).toEqual(['/reports/2024/new/', '/reports/2023/mid/', '/reports/2021/old/']);
    expect([...tree.files.keys()].some((p) => p.includes('.building'))).toBe(false);
  });
});
