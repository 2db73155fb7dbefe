/**
 * Editor overrides for a whole import run (--date, --outlet, --region, --kind, --topics): resolved
 * against the registries and the gazetteer up front (bad values stop the run before anything is
 * written), then applied to every article record with a "set by editor" warning and note.
 */
import { parsePartialDate } from '../dates/partial-date.ts';
import { lookupRegion } from '../regions/region-lookup.ts';
import { lookupEntry } from '../taxonomy/registry-lookup.ts';
import { REPORT_KINDS, toVocabularyId } from '../taxonomy/vocabularies.ts';
import { outletEntryFix } from './outlet-entry.ts';
import type { ArticleRecord } from './record.ts';
import { findEventsIn, toArticleDate } from './steps/find-events.ts';
import type { ImportRegistry } from './types.ts';

/** The override flags as typed on the command line. */
export interface OverrideArgs {
  date?: string;
  dateNote?: string;
  dateCertainty?: string;
  outlet?: string;
  regions: string[];
  kind?: string;
  topics?: string[];
}

/** Overrides checked against the registries, ready to apply. */
export interface Overrides {
  date?: { date: string; certainty: 'stated' | 'inferred'; note?: string };
  outlet?: { id: string; name: string };
  regions?: { code: string; name: string }[];
  kind?: string;
  topics?: string[];
}

/** The region a --region value names: a known code, or a name that matches exactly one place (src/lib/regions/region-lookup.ts). */
export function resolveRegion(value: string): { code: string; name: string } | { error: string } {
  const v = value.trim();
  const found = lookupRegion(v);
  if ('code' in found) return found;
  if (/^\d{6}$/u.test(v)) return { error: `--region ${v}: no such GB/T 2260 code in the gazetteer. Fix: check the digits, or pass the place name (e.g. --region 钱塘区).` };
  if (found.candidates.length) {
    const list = found.candidates.map((r) => `${r.code} ${r.name}`).join(', ');
    const first = found.candidates[0];
    return { error: `--region ${v} is ambiguous: ${list}. Fix: pass the code or the name with its city or province, e.g. --region ${first.code} or --region ${first.name}.` };
  }
  return { error: `--region ${v}: no place of that name in the gazetteer.${found.suggestion ? ` Did you mean ${found.suggestion}?` : ''} Fix: pass a six-digit code or a name such as 钱塘区 or 义乌.` };
}

function resolveDate(args: OverrideArgs, errors: string[]): Overrides['date'] {
  if (args.date === undefined) {
    if (args.dateNote !== undefined || args.dateCertainty !== undefined) errors.push('--date-note and --date-certainty need --date. Fix: add --date YYYY[-MM[-DD]].');
    return undefined;
  }
  if (!parsePartialDate(args.date)) {
    errors.push(`--date ${args.date}: expected a real date as YYYY, YYYY-MM or YYYY-MM-DD. Fix: e.g. --date 2022 or --date 2022-08-24.`);
    return undefined;
  }
  const certainty = args.dateCertainty ?? 'inferred';
  if (certainty !== 'stated' && certainty !== 'inferred') {
    errors.push(`--date-certainty ${certainty}: expected stated or inferred. Fix: --date-certainty stated (only when the source prints this date).`);
    return undefined;
  }
  const note = args.dateNote?.trim() || undefined;
  if (certainty === 'inferred' && !note) {
    errors.push(`--date ${args.date} is recorded as inferred and needs its reason. Fix: add --date-note "…" (why this date), or --date-certainty stated if the source prints it.`);
    return undefined;
  }
  return { date: args.date, certainty, note };
}

function resolveOutlet(value: string, registry: ImportRegistry, errors: string[]): Overrides['outlet'] {
  const v = value.trim();
  const found = lookupEntry(v, registry.outlets);
  if ('id' in found) return { id: found.entry.id, name: found.entry.name };
  const guess = found.suggestion && (/^[a-z0-9-]+$/u.test(v) ? found.suggestion.id : found.suggestion.name);
  // An id-like value is a typo of an id; a Chinese name may well be a new outlet (湖州日报 is not 杭州日报).
  if (/^[a-z0-9-]+$/u.test(v)) errors.push(`--outlet ${v}: no outlet with this id in content/outlets.yaml.${guess ? ` Did you mean ${guess}?` : ''} Fix: pass an id or Chinese name from content/outlets.yaml.`);
  else errors.push(`--outlet ${v}: ${guess ? `(did you mean ${guess}?) ` : ''}${outletEntryFix(v, registry).message}`);
  return undefined;
}

function resolveTopics(values: string[], registry: ImportRegistry, errors: string[]): string[] {
  const ids: string[] = [];
  for (const v of values.map((t) => t.trim()).filter(Boolean)) {
    const found = lookupEntry(v, registry.topics);
    if ('id' in found) ids.push(found.id);
    else {
      const guess = found.suggestion && (/^[a-z0-9-]+$/u.test(v) ? found.suggestion.id : found.suggestion.name);
      errors.push(`--topics ${v}: not in content/topics.yaml.${guess ? ` Did you mean ${guess}?` : ''} Fix: use ids from content/topics.yaml, e.g. --topics ${registry.topics.slice(0, 2).map((t) => t.id).join(',')}.`);
    }
  }
  return [...new Set(ids)];
}

/** Checks every override; `errors` holds one line per bad value, each ending with its fix. */
export function resolveOverrides(args: OverrideArgs, registry: ImportRegistry): { overrides: Overrides; errors: string[] } {
  const errors: string[] = [];
  const overrides: Overrides = {};
  overrides.date = resolveDate(args, errors);
  if (args.outlet !== undefined) overrides.outlet = resolveOutlet(args.outlet, registry, errors);
  if (args.regions.length) {
    const regions = args.regions.map(resolveRegion);
    for (const r of regions) if ('error' in r) errors.push(r.error);
    overrides.regions = regions.filter((r): r is { code: string; name: string } => !('error' in r));
  }
  if (args.kind !== undefined) {
    const kind = toVocabularyId(args.kind, REPORT_KINDS) as string;
    if (REPORT_KINDS.some((k) => k.id === kind)) overrides.kind = kind;
    else errors.push(`--kind ${args.kind}: expected one of ${REPORT_KINDS.map((k) => `${k.id} (${k.zh})`).join(', ')}. Fix: e.g. --kind speech.`);
  }
  if (args.topics !== undefined) overrides.topics = resolveTopics(args.topics, registry, errors);
  return { overrides: errors.length ? {} : overrides, errors };
}

/** The record with every override applied; each one replaces the guess and says "set by editor". */
export function applyOverrides(record: ArticleRecord, o: Overrides): ArticleRecord {
  const r: ArticleRecord = { ...record, problems: [...record.problems], guesses: [...record.guesses], notes: [...record.notes] };
  const set = (field: string, value: string, flag: string) => {
    // The editor's value settles every problem the importer had with that field.
    r.problems = r.problems.filter((p) => p.field !== field);
    r.guesses = r.guesses.filter((g) => g.field !== field);
    r.guesses.push({ field, value, from: `set by editor (${flag})`, confidence: 'high' });
    r.problems.push({ code: 'set-by-editor', field, message: `${field}: ${value} set by editor (${flag}).` });
    r.notes.push(`${field} set by editor (${flag}): ${value}`);
  };
  if (o.date) {
    r.date = o.date.date;
    r.dateCertainty = o.date.certainty;
    r.dateNote = o.date.note;
    set('date', `${o.date.date} (${o.date.certainty}${o.date.note ? `: ${o.date.note}` : ''})`, '--date');
    // Events borrow missing years from the article's date: read them again against the editor's date.
    r.events = findEventsIn(r.body, toArticleDate(r.date, r.dateCertainty));
  }
  if (o.outlet) {
    r.outlet = o.outlet.name;
    r.outletId = o.outlet.id;
    set('outlet', `${o.outlet.name} (${o.outlet.id})`, '--outlet');
  }
  if (o.regions) {
    r.regions = o.regions;
    set('regions', o.regions.map((x) => `${x.code} ${x.name}`).join(', '), '--region');
  }
  if (o.kind) {
    r.kind = o.kind;
    set('kind', o.kind, '--kind');
  }
  if (o.topics) {
    r.topics = o.topics;
    set('topics', o.topics.join(', ') || '(none)', '--topics');
  }
  r.warnings = r.problems.map((p) => p.message);
  return r;
}

/**
 * The required fields a record still lacks and one Fix line naming the flags that supply them
 * (`Fix: re-run with --region <code or name> --date YYYY --date-note "…"`); undefined if none.
 */
export function missingFieldFix(record: ArticleRecord): { fields: string[]; fix: string } | undefined {
  const missing: [string, string][] = [];
  if (!record.regions.length) missing.push(['regions', '--region <code or name>']);
  if (!record.date) missing.push(['date', '--date YYYY[-MM[-DD]] --date-note "…"']);
  else if (record.dateCertainty === 'inferred' && !record.dateNote) missing.push(['dateNote', '--date-note "…"']);
  // An outlet the page names but the registry lacks: register it (the warning shows the entry), then name it.
  const unknown = record.problems.find((p) => p.code === 'outlet-unknown')?.outletEntry;
  if (!record.outletId) missing.push(['outlet', unknown ? `--outlet ${unknown.id} (after adding ${unknown.name} to content/outlets.yaml as the outlet warning shows)` : '--outlet <id or name from content/outlets.yaml>']);
  if (!missing.length) return undefined;
  return { fields: missing.map(([f]) => f), fix: `Fix: re-run with ${missing.map(([, flag]) => flag).join(' ')}.` };
}

/** Schema fields a missing-field Fix covers (dateCertainty follows date), so their schema messages need not repeat. */
export const OVERRIDABLE_FIELDS: readonly string[] = ['date', 'dateCertainty', 'dateNote', 'regions', 'outlet'];
