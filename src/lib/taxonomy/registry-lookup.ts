/**
 * The one lookup of a registry entry (a topic or an outlet) by what an editor types: its id or its
 * Chinese name, and otherwise the closest entry as a did-you-mean. The schema, the check's
 * messages, `npm run new`, the importer's flags and the dossier guard all use it, so a name that
 * works in one place works in all of them.
 */
import { didYouMean } from '../text/did-you-mean.ts';

/** A registry entry as lookups need it. */
export interface NamedEntry {
  id: string;
  name: string;
}

/** The entry whose id or Chinese name is closest to `input`, if it is a plausible typo. */
export function suggestEntry<E extends NamedEntry>(input: string, entries: readonly E[]): E | undefined {
  const guess = didYouMean(input, entries.flatMap((e) => [e.id, e.name]));
  return guess === undefined ? undefined : entries.find((e) => e.id === guess || e.name === guess);
}

/** The registry id for an id or Chinese name (spaces around it ignored), or a did-you-mean entry, or nothing. */
export function lookupEntry<E extends NamedEntry>(input: string, entries: readonly E[]): { id: string; entry: E } | { suggestion?: E } {
  const v = input.trim();
  const hit = entries.find((e) => e.id === v || e.name === v);
  return hit ? { id: hit.id, entry: hit } : { suggestion: suggestEntry(v, entries) };
}
