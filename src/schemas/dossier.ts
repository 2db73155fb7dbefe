/**
 * The schema of a dossier (专题): an editors' article under content/dossiers/<slug>.mdx that
 * explains a subject and embeds live lists, charts and timelines from the archive. Built from the
 * same pieces as the report schema (partial dates, region codes, registry topics, plain text), so
 * a typo gets the same message and did-you-mean in either collection.
 */
import { z } from 'astro/zod';
import { partialDate, plainText, regionCode, registryReference, unknownFieldMessage, type Registry } from './report.ts';

/** Builds the dossier schema against the current topic registry. */
export function dossierSchema(registry: Pick<Registry, 'topics'>) {
  // The same topic reference as reports: id or Chinese name, did-you-mean from the one registry lookup.
  const topic = registryReference(registry.topics, 'topic', () => 'Expected an id (or the Chinese name) from content/topics.yaml.');
  const text = (what: string, example: string) =>
    plainText(z.string({ error: `Every dossier needs ${what}. Fix: ${example}` }).trim().min(1, { error: `The ${what} is empty. Fix: ${example}` }));

  const shape = {
    /** Headline of the dossier (专题标题). */
    title: text('a title', 'title: 浙江：政协助推民营经济与产业发展'),
    /** One or two sentences for lists, search cards and feeds. */
    summary: text('a summary', 'summary: 五篇报道里的浙江政协……'),
    /** Date first published (YYYY-MM-DD, YYYY-MM or YYYY). */
    date: partialDate,
    /** Date last revised, if it was. */
    updated: partialDate.optional(),
    /** GB/T 2260 codes of the places the dossier is about; it is listed on their pages. */
    regions: z.array(regionCode).min(1, { error: 'List at least one region code. Fix: regions: ["330000"]' }),
    /** Topic ids from content/topics.yaml; it is listed on their pages. */
    topics: z.array(topic).min(1, { error: 'List at least one topic. Fix: topics: [private-economy]' }),
    /** Who wrote it (编辑部 or names). */
    authors: z.array(plainText(z.string().trim().min(1))).min(1, { error: 'Name at least one author. Fix: authors: [协商档案编辑部]' }),
    /** 题图说明 / cover note: a line shown under the title (what the dossier draws on, its limits). */
    coverNote: plainText(z.string().trim().min(1), { multiline: true }).optional(),
  };
  const fields = Object.keys(shape);
  return z
    .object(shape, { error: unknownFieldMessage(fields) })
    .strict();
}

export type DossierData = z.output<ReturnType<typeof dossierSchema>>;

/** The dossier fields in the order editors meet them. */
export const DOSSIER_FIELDS = ['title', 'summary', 'date', 'updated', 'regions', 'topics', 'authors', 'coverNote'] as const;
