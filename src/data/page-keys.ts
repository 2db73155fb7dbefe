/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * code are unchanged since the last build is copied from Astro's cache instead of rendered. A key
 * must therefore cover every piece of content the page shows; what it misses is published stale.
 * tests/e2e/incremental-build.test.ts builds a changed site both ways and compares every byte.
 */
import { createHash } from 'node:crypto';
import { neighboursInRegion } from '../lib/reader/prev-next.ts';
import type { Report } from '../lib/archive/types.ts';
import { loadArchive } from './archive.ts';
import { loadDerived } from './derived.ts';
import { loadDossiers } from './dossiers.ts';

/** Bump when a report page starts showing content its key does not cover yet. */
const REPORT_PAGE_KEY_VERSION = 1;

/**
 * The key of a report's own page: the report, the registries whose names it shows, the reports
 * it links as related (with the reasons) and its older and newer neighbours in its region.
 */
export async function reportPageKey(report: Report): Promise<string> {
  const { reports, digestOf, registriesDigest } = await loadArchive();
  const { index } = await loadDerived();
  const related = index.related.get(report.id) ?? [];
  const n = neighboursInRegion(reports, report.id);
  const parts = {
    v: REPORT_PAGE_KEY_VERSION,
    registries: registriesDigest,
    self: digestOf(report.id),
    related: related.map((r) => [r, index.byId.has(r.id) ? digestOf(r.id) : null]),
    neighbours: n ? [n.region, n.older ? digestOf(n.older.id) : null, n.newer ? digestOf(n.newer.id) : null] : null,
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** Bump when a list page or feed starts showing content its key does not cover yet. */
const LIST_PAGE_KEY_VERSION = 1;

const listDigests = new WeakMap<readonly unknown[], string>();
let dossiersDigest: Promise<string> | undefined;

/**
 * The key of a page or feed that lists a set of reports (a region with the places below it, a
 * topic, a year, a kind, an outlet) and shows nothing else from the archive but the registries'
 * names and, where `dossiers` is set, the dossiers about its subject: every report of the set,
 * whichever page of the list shows it, since the count, the pages and the timeline come from all
 * of them. `page` tells the pages of one list apart.
 */
export async function listPageKey(reports: readonly (string | Report)[], page: string | number, options: { dossiers?: boolean } = {}): Promise<string> {
  const { digestOf, registriesDigest } = await loadArchive();
  let members = listDigests.get(reports);
  if (members === undefined) {
    const hash = createHash('sha256');
    for (const r of reports) hash.update(`${digestOf(typeof r === 'string' ? r : r.id)}\n`);
    members = hash.digest('base64url');
    listDigests.set(reports, members);
  }
  const parts = { v: LIST_PAGE_KEY_VERSION, registries: registriesDigest, page, members, dossiers: options.dossiers ? await (dossiersDigest ??= digestOfDossiers()) : null };
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

async function digestOfDossiers(): Promise<string> {
  const dossiers = await loadDossiers();
  return createHash('sha256')
    .update(JSON.stringify(dossiers.map((d) => [d.id, d.entry.digest ?? null, d.data])))
    .digest('base64url');
}
