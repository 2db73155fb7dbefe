/**
 * The content/outlets.yaml entry for an outlet the registry does not know yet (湖州日报 →
 * `- id: huzhou-rb`), so a Fix line can show exactly what to add.
 */
import { pinyin } from 'pinyin-pro';
import type { ImportRegistry } from './types.ts';

// Common outlet endings and their short id parts (杭州日报 → hzrb style, or huzhou-rb on a clash).
const SUFFIXES: [string, string, string][] = [
  ['日报', 'rb', 'newspaper'],
  ['晚报', 'wb', 'newspaper'],
  ['商报', 'sb', 'newspaper'],
  ['时报', 'sb', 'newspaper'],
  ['报', 'b', 'newspaper'],
  ['新闻网', 'xww', 'news-site'],
  ['网', 'wang', 'news-site'],
];

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/u))
    .filter(Boolean);
}

/** A kind for a new outlet from its name: …报 newspaper, …网 news site, 政府/人大/政协 sites government. */
export function guessOutletKind(name: string): string {
  if (/(政府|人大|政协|委员会)(网|网站|门户)?$/u.test(name)) return 'government';
  return SUFFIXES.find(([s]) => name.endsWith(s))?.[2] ?? 'news-site';
}

/** An id not yet taken: pinyin initials (hzrb), else place in full pinyin + suffix (huzhou-rb), else numbered. */
export function suggestOutletId(name: string, taken: readonly string[]): string {
  const suffix = SUFFIXES.find(([s]) => name.endsWith(s) && name.length > s.length);
  const stem = suffix ? name.slice(0, -suffix[0].length) : name;
  const initials = syllables(name).map((s) => s[0]).join('');
  const full = suffix ? `${syllables(stem).join('')}-${suffix[1]}` : syllables(name).join('-');
  for (const id of [initials, full]) if (id && !taken.includes(id)) return id;
  for (let k = 2; ; k++) if (!taken.includes(`${full}-${k}`)) return `${full}-${k}`;
}

/** The YAML entry (block style, as in content/outlets.yaml) for a new outlet. */
export function outletEntryYaml(name: string, registry: ImportRegistry): string {
  const id = suggestOutletId(name, registry.outlets.map((o) => o.id));
  return `- id: ${id}\n  name: ${name}\n  kind: ${guessOutletKind(name)}`;
}

/** The message for an outlet missing from the registry: what is wrong, then the entry to add. */
export function outletEntryFix(name: string, registry: ImportRegistry): { message: string; entry: { id: string; name: string } } {
  const id = suggestOutletId(name, registry.outlets.map((o) => o.id));
  const entry = outletEntryYaml(name, registry);
  return { message: `${name} is not in content/outlets.yaml. Fix: add this entry to content/outlets.yaml (check kind, add nameEn/homepage if known), then re-run (with --outlet ${id} if the page does not name it):\n${entry}`, entry: { id, name } };
}
