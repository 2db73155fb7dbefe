/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * code are unchanged since the last build is copied from Astro's cache instead of rendered. A key
 * must therefore cover every piece of content the page shows; what it misses is published stale.
 * tests/e2e/incremental-build.test.ts builds a changed site both ways and compares every byte.
 */
import { createHash } from 'node:crypto';
import { neighboursInRegion } from '../lib/reader/prev-next.ts';
import { sha256 } from '../node/packing.ts';
import type { Report } from '../lib/archive/types.ts';
import { loadArchive } from './archive.ts';
import { loadDerived } from './derived.ts';
import { loadDossiers } from './dossiers.ts';

/** Bump when a report page starts showing content its key does not cover yet. */
const REPORT_PAGE_KEY_VERSION = 1;

const digestOfValue = (value: unknown) => sha256(JSON.stringify(value));

/**
 * The key of a report's own page, as a function of the report (loaded once, for every report
 * page of the build): the report, the registries whose names it shows, the reports it links as
 * related (with the reasons) and its older and newer neighbours in its region.
 */
export async function reportPageKeys(): Promise<(report: Report) => string> {
  const { reports, digestOf, registriesDigest } = await loadArchive();
  const { index } = await loadDerived();
  return (report) => {
    const related = index.related.get(report.id) ?? [];
    const n = neighboursInRegion(reports, report.id);
    return digestOfValue({
      v: REPORT_PAGE_KEY_VERSION,
      registries: registriesDigest,
      self: digestOf(report.id),
      related: related.map((r) => [r, index.byId.has(r.id) ? digestOf(r.id) : null]),
      neighbours: n ? [n.region, n.older ? digestOf(n.older.id) : null, n.newer ? digestOf(n.newer.id) : null] : null,
    });
  };
}

/** Bump when a list page or feed starts showing content its key does not cover yet. */
const LIST_PAGE_KEY_VERSION = 1;

const listDigests = new WeakMap<readonly unknown[], string>();

/**
 * The key of a page or feed that lists a set of reports (a region with the places below it, a
 * topic, a year, a kind, an outlet), as a function of the list and the page (loaded once per
 * route). Such a page shows nothing else from the archive but the registries' names and, with
 * `dossiers`, the dossiers about its subject; its key covers every report of the set, whichever
 * page of the list shows it, since the count, the pages and the timeline come from all of them.
 * `page` tells the pages of one list apart.
 */
export async function listPageKeys(options: { dossiers?: boolean } = {}): Promise<(reports: readonly (string | Report)[], page: string | number) => string> {
  const { digestOf, registriesDigest } = await loadArchive();
  const dossiers = options.dossiers ? await dossiersDigest() : null;
  return (reports, page) => {
    let members = listDigests.get(reports);
    if (members === undefined) {
      const hash = createHash('sha256');
      for (const r of reports) hash.update(`${digestOf(typeof r === 'string' ? r : r.id)}\n`);
      members = hash.digest('base64url');
      listDigests.set(reports, members);
    }
    return digestOfValue({ v: LIST_PAGE_KEY_VERSION, registries: registriesDigest, page, members, dossiers });
  };
}

let dossiers: Promise<string> | undefined;

/** A digest of every dossier (id, Astro's digest of its file, its data), worked out once. */
function dossiersDigest(): Promise<string> {
  dossiers ??= loadDossiers().then((all) => digestOfValue(all.map((d) => [d.id, d.entry.digest ?? null, d.data])));
  return dossiers;
}
