/**
 * Dossiers as pages and derivations see them: plain values (no Astro types), newest first, and
 * which region and topic pages list them. Pure.
 */
import type { DossierData } from '../../schemas/dossier.ts';
import { comparePartialDates } from '../dates/partial-date.ts';
import { ancestryOf } from '../derive/region-closure.ts';

export interface Dossier {
  /** The file name without .mdx; also its URL slug under /dossiers/. */
  id: string;
  data: DossierData;
}

export type { DossierData };

/** Newest first (by `updated`, else `date`), id as tie-break, like every list of the site. */
export function sortDossiersNewestFirst<T extends Dossier>(dossiers: readonly T[]): T[] {
  const when = (d: Dossier) => d.data.updated ?? d.data.date;
  return [...dossiers].sort((a, b) => comparePartialDates(when(b), when(a)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Dossiers about a region: those listing it or a place above it (a dossier on 浙江 is about
 * 杭州市钱塘区 too, as a region page counts the reports of the places below it).
 */
export function dossiersAboutRegion<T extends Dossier>(dossiers: readonly T[], code: string): T[] {
  const chain = new Set(ancestryOf(code));
  return dossiers.filter((d) => d.data.regions.some((r) => chain.has(r)));
}

/** Dossiers listing the topic. */
export function dossiersAboutTopic<T extends Dossier>(dossiers: readonly T[], topic: string): T[] {
  return dossiers.filter((d) => d.data.topics.includes(topic));
}
