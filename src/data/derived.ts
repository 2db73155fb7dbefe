/**
 * The derived index (counts, timelines, related reports, figures), computed once per build from
 * loadArchive() and shared by every page, so no page re-scans all reports.
 */
import { deriveArchiveIndex, type ArchiveIndex } from '../lib/derive/archive-index.ts';
import type { Labelers } from '../lib/derive/labels.ts';
import { loadArchive } from './archive.ts';

let cache: Promise<{ index: ArchiveIndex; labels: Labelers }> | undefined;

/** The archive's derived index and label functions; memoised for the build. */
export function loadDerived(): Promise<{ index: ArchiveIndex; labels: Labelers }> {
  cache ??= loadArchive().then(({ reports, labels }) => ({
    index: deriveArchiveIndex(reports),
    labels,
  }));
  return cache;
}
