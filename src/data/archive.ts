/**
 * The only module that reads the content collections. It returns plain arrays sorted newest
 * first, so pages and src/lib never depend on Astro's collection API.
 */
import { getCollection } from 'astro:content';
import { buildRegionTree, type RegionNode } from '../lib/archive/region-tree.ts';
import { sortReportsNewestFirst } from '../lib/archive/sort.ts';
import type { Outlet, Report, Topic } from '../lib/archive/types.ts';
import { leadOfHtml } from '../lib/reader/lead.ts';

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
   * A report's lead paragraph as plain text ('' if none), for feed items. Worked out on first
   * use and kept: only reports that some feed lists are ever parsed.
   */
  leadOf: (id: string) => string;
}

let cache: Promise<Archive> | undefined;

async function load(): Promise<Archive> {
  const [reports, topics, outlets] = await Promise.all([
    getCollection('reports'),
    getCollection('topics'),
    getCollection('outlets'),
  ]);
  const sorted = sortReportsNewestFirst(reports.map((r) => ({ id: r.id, data: r.data })));
  // The store keeps each Markdown report's rendered, sanitised HTML (not its raw body); this
  // map only points at it.
  const html = new Map(reports.map((r) => [r.id, r.rendered?.html]));
  const leads = new Map<string, string>();
  const leadOf = (id: string) => {
    let lead = leads.get(id);
    if (lead === undefined) leads.set(id, (lead = leadOfHtml(html.get(id))));
    return lead;
  };
  return {
    reports: sorted,
    byId: new Map(sorted.map((r) => [r.id, r])),
    regionTree: buildRegionTree(sorted),
    topics: topics.map((t) => t.data),
    outlets: outlets.map((o) => o.data),
    leadOf,
  };
}

/** All reports newest first, their indexes, and the topic and outlet registries; loaded once per build. */
export function loadArchive() {
  cache ??= load();
  return cache;
}
