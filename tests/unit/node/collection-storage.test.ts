import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNKED_FROM, collectionStorageFor } from '../../../src/node/collection-storage.ts';
import { countReportFiles } from '../../../src/node/report-count.ts';

describe('the content data store for the archive’s size', () => {
  it('is one file below CHUNKED_FROM reports and chunked from there', () => {
    expect(collectionStorageFor(0)).toBe('single-file');
    expect(collectionStorageFor(CHUNKED_FROM - 1)).toBe('single-file');
    expect(collectionStorageFor(CHUNKED_FROM)).toBe('chunked');
  });

  it('counts the Markdown report files under the reports directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-'));
    try {
      mkdirSync(join(dir, '2024'));
      writeFileSync(join(dir, '2024', '2024-01-01-a.md'), '');
      writeFileSync(join(dir, '2024', '2024-01-02-b.md'), '');
      writeFileSync(join(dir, '2024', 'notes.txt'), '');
      expect(countReportFiles(dir)).toBe(2);
      expect(countReportFiles(join(dir, 'missing'))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
