/**
 * Collections: reports (one Markdown file each under content/reports/), dossiers (one MDX file
 * each under content/dossiers/), topics and outlets (YAML registries). The report and dossier
 * schemas are built from the registries so that unknown topics and outlets fail with a suggestion.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { reportSchema } from './schemas/report.ts';
import { dossierSchema } from './schemas/dossier.ts';
import { contentDir, contentDirUrl, loadRegistry, parseRegistryText } from './schemas/registry.ts';
import { outletSchema, topicSchema } from './schemas/taxonomy.ts';
import { bodiesOutsideStore } from './node/report-bodies.ts';
import { markdownOnThreads } from './node/markdown-render-pool.ts';

const registry = loadRegistry(contentDirUrl());

const reports = defineCollection({
  // The raw Markdown is never read from the store (pages render, the checker reads files), so
  // keeping it would nearly double the store (2k reports: 31.8 MB → 17.7 MB, sync RSS 700 → 643 MB).
  // The rendered bodies are kept in files beside the store, not in it (src/node/report-bodies.ts):
  // Astro bundles the whole store into the build every time (10k reports: 89 MB → 16 MB).
  // Their Markdown is rendered on worker threads (src/node/markdown-render-pool.ts).
  loader: bodiesOutsideStore(markdownOnThreads(glob({ pattern: '**/*.{md,mdx}', base: `${contentDir()}/reports`, retainBody: false }))),
  schema: reportSchema(registry),
});

// The registries are read with the check's own YAML reading (parseRegistryText), not Astro's default.
const topics = defineCollection({
  loader: file(`${contentDir()}/topics.yaml`, { parser: parseRegistryText }),
  schema: topicSchema,
});

const outlets = defineCollection({
  loader: file(`${contentDir()}/outlets.yaml`, { parser: parseRegistryText }),
  schema: outletSchema,
});

// Dossiers (专题): editors' MDX articles embedding live lists and charts (src/lib/dossier/).
const dossiers = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir()}/dossiers` }),
  schema: dossierSchema(registry),
});

export const collections = { reports, topics, outlets, dossiers };
