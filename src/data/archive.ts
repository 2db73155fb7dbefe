/**
 * The only module that reads the content collections. It returns plain arrays sorted newest
 * first, so pages and src/lib never depend on Astro's collection API.
 */
import { getCollection } from 'astro:content';
import { sortReportsNewestFirst } from '../lib/archive/sort.ts';
import type { Outlet, Report, Topic } from '../lib/archive/types.ts';

let cache: Promise<{ reports: Report[]; topics: Topic[]; outlets: Outlet[] }> | undefined;

async function load() {
  const [reports, topics, outlets] = await Promise.all([
    getCollection('reports'),
    getCollection('topics'),
    getCollection('outlets'),
  ]);
  return {
    reports: sortReportsNewestFirst(reports.map((r) => ({ id: r.id, data: r.data }))),
    topics: topics.map((t) => t.data),
    outlets: outlets.map((o) => o.data),
  };
}

/** All reports newest first, and the topic and outlet registries; loaded once per build. */
export function loadArchive() {
  cache ??= load();
  return cache;
}
