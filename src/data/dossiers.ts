/**
 * Reads the dossiers collection (专题), the one module that does, as src/data/archive.ts does for
 * reports. Entries keep the collection entry for `render()`; everything else uses plain values.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { sortDossiersNewestFirst, type Dossier } from '../lib/dossier/dossiers.ts';

export type DossierEntry = Dossier & { entry: CollectionEntry<'dossiers'> };

let cache: Promise<DossierEntry[]> | undefined;

/** Every dossier, newest first; loaded once per build. */
export function loadDossiers(): Promise<DossierEntry[]> {
  cache ??= getCollection('dossiers').then((entries) => sortDossiersNewestFirst(entries.map((entry) => ({ id: entry.id, data: entry.data, entry }))));
  return cache;
}

/** A dossier's rendered MDX, for its page (pages never call the collection API themselves). */
export function dossierContent(dossier: DossierEntry) {
  return render(dossier.entry);
}
