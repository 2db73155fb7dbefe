/**
 * The only module that reads the content collections. It returns plain arrays sorted newest
 * first, so pages and src/lib never depend on Astro's collection API.
 */
import { getCollection, getEntry, render } from 'astro:content';
import { groupByKind, groupByOutlet, groupByTopic, groupByYear, type ReportGroup } from '../lib/archive/group.ts';
import { buildRegionTree, type RegionNode } from '../lib/archive/region-tree.ts';
import { sortReportsNewestFirst } from '../lib/archive/sort.ts';
import type { Outlet, Report, Topic } from '../lib/archive/types.ts';
import { makeLabelers, type Labelers } from '../lib/derive/labels.ts';
import { leadOfHtml } from '../lib/reader/lead.ts';
import { sha256 } from '../node/packing.ts';
import { bodyFileOf, reportBody } from '../node/report-bodies.ts';

/** The dimensions the list pages group by. */
type GroupedBy = 'year' | 'topic' | 'kind' | 'outlet';

interface Archive {
  /** Every report, newest first. */
  reports: Report[];
  /** Reports by id. */
  byId: ReadonlyMap<string, Report>;
  /** Provinces with reports, and every region node by code (built once: pages must not rebuild it). */
  regionTree: { roots: RegionNode[]; index: Map<string, RegionNode> };
  topics: Topic[];
  outlets: Outlet[];
  /**
   * Reports grouped by year (newest year first), topic, kind and outlet (by key), each group
   * newest first; built once, so list pages and their indexes never regroup.
   */
  groups: Readonly<Record<GroupedBy, readonly ReportGroup[]>>;
  /** How many reports each year, topic, kind and outlet key has (absent: none). */
  counts: Readonly<Record<GroupedBy, ReadonlyMap<string, number>>>;
  /** Reader-facing names of topics, outlets, kinds, regions …: pages never look names up themselves. */
  labels: Labelers;
  /**
   * A report's rendered body, for its page: its HTML, or (a body with images, which Astro
   * rewrites as it renders) the component Astro's render() gives.
   */
  contentOf: (id: string) => Promise<{ html: string } | { Content: Awaited<ReturnType<typeof render>>['Content'] }>;
  /**
   * A report's lead paragraph as plain text ('' if none), for feed items. Worked out on first
   * use and kept: only reports that some feed lists are ever parsed.
   */
  leadOf: (id: string) => string;
  /**
   * A digest of everything about one report a page can show: its source file (Astro's digest),
   * its parsed data and its rendered body. Pages that show a report put it in their incremental
   * build key (src/data/page-keys.ts); worked out on first use.
   */
  digestOf: (id: string) => string;
  /** A digest of the topic and outlet registries, which every report page shows names from. */
  registriesDigest: string;
}

let cache: Promise<Archive> | undefined;

async function load(): Promise<Archive> {
  const [reports, topics, outlets] = await Promise.all([
    getCollection('reports'),
    getCollection('topics'),
    getCollection('outlets'),
  ]);
  const sorted = sortReportsNewestFirst(reports.map((r) => ({ id: r.id, data: r.data })));
  // Each report's rendered, sanitised HTML is in a file beside the store, or in the store if it
  // has images (src/node/report-bodies.ts); read when a page or feed needs it.
  const entries = new Map(reports.map((r) => [r.id, r]));
  const bodyOf = (id: string) => reportBody(id, entries.get(id)?.rendered);
  const digests = new Map<string, string>();
  const digestOf = (id: string) => {
    let digest = digests.get(id);
    if (digest === undefined) {
      const entry = entries.get(id);
      if (!entry) throw new Error(`No report ${id} to take a digest of.`);
      // The body by its SHA-256 when it is in a file (named by it), so keys need not read 10,000 files.
      const body = bodyFileOf(entry.rendered)?.bodySha256 ?? entry.rendered?.html ?? '';
      digest = sha256([entry.digest ?? '', entry.filePath ?? '', JSON.stringify(entry.data), body].join('\0'));
      digests.set(id, digest);
    }
    return digest;
  };
  const leads = new Map<string, string>();
  const leadOf = (id: string) => {
    let lead = leads.get(id);
    if (lead === undefined) leads.set(id, (lead = leadOfHtml(bodyOf(id))));
    return lead;
  };
  const groups = {
    year: groupByYear(sorted),
    topic: groupByTopic(sorted),
    kind: groupByKind(sorted),
    outlet: groupByOutlet(sorted),
  };
  const countsOf = (list: readonly ReportGroup[]) => new Map(list.map((g) => [g.key, g.reports.length]));
  const topicList = topics.map((t) => t.data);
  const outletList = outlets.map((o) => o.data);
  const contentOf = async (id: string) => {
    const entry = await getEntry('reports', id);
    if (!entry) throw new Error(`Report ${id} vanished between listing and rendering.`);
    if (!bodyFileOf(entry.rendered)) return { Content: (await render(entry)).Content };
    return { html: reportBody(id, entry.rendered) ?? '' };
  };
  return {
    reports: sorted,
    byId: new Map(sorted.map((r) => [r.id, r])),
    regionTree: buildRegionTree(sorted),
    topics: topicList,
    outlets: outletList,
    groups,
    counts: { year: countsOf(groups.year), topic: countsOf(groups.topic), kind: countsOf(groups.kind), outlet: countsOf(groups.outlet) },
    labels: makeLabelers(topicList, outletList),
    contentOf,
    leadOf,
    digestOf,
    registriesDigest: sha256(JSON.stringify([topicList, outletList])),
  };
}

/** All reports newest first, their indexes, and the topic and outlet registries; loaded once per build. */
export function loadArchive() {
  cache ??= load();
  return cache;
}
