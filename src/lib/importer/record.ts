/** From an article draft to the importer's article record: body markdown, removed, warnings, guesses. */
import type { ArticleDraft, EventDraft, Figure, ImportDoc, Issue, Removed } from './types.ts';

export interface GuessNote {
  field: string;
  value: string;
  from: string;
  confidence: 'high' | 'medium' | 'low';
}

export interface ArticleRecord {
  title: string;
  subtitle?: string;
  date: string | null;
  dateCertainty: 'stated' | 'inferred' | null;
  dateNote?: string;
  outlet: string | null;
  outletId: string | null;
  source: { url?: string; file: string; part?: string };
  reporters: string[];
  correspondents: string[];
  editors: string[];
  photographers: string[];
  kind: string;
  bodies: string[];
  regions: { code: string; name: string }[];
  topics: string[];
  keywords: string[];
  figures: Figure[];
  events: EventDraft[];
  originalScript: 'Hans' | 'Hant';
  body: string;
  removed: Removed[];
  /** What the editor must check, as values (code, field, message with its Fix). */
  problems: Issue[];
  /** The problems' messages, as printed in the summary and `--json`. */
  warnings: string[];
  guesses: GuessNote[];
  notes: string[];
}

/** Markdown body: paragraphs, `## ` headings and `> 图：` captions, one blank line apart; the text itself is escaped. */
export function renderBody(a: ArticleDraft): string {
  return a.lines
    .map((l) => (l.kind === 'heading' ? `## ${escapeMarkdown(l.text)}` : l.kind === 'caption' ? `> 图：${escapeMarkdown(l.text)}` : escapeMarkdown(l.text)))
    .join('\n\n');
}

/**
 * The text as Markdown that shows exactly these characters: what a page shows as text (a quoted
 * `<script>`, `<img src=x>`, `![图](…)`, `**`) must not become live markup in the report.
 * Inline: \ ` * _ [ ] ~ are backslash-escaped, < and a character reference's & become entities.
 * At the start of a line: heading, quote, list and rule markers.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]~])/gu, '\\$1')
    .replace(/&(?=#?[a-z0-9]+;)/giu, '&amp;')
    .replace(/</gu, '&lt;')
    // A bare web address becomes a link (GFM does that anyway), but one that ends where the address
    // does: left bare, GFM swallows the Chinese text after it (…x.png)这样的写法。 inside the link).
    .replace(/\bhttps?:\/\/[^\s<>()（）\\\u3000-\u9fff\uff00-\uffef]+/giu, (url) => `<${url.replace(/[.,;:!?]+$/u, '')}>${url.match(/[.,;:!?]+$/u)?.[0] ?? ''}`)
    .replace(/^([#>+-]|\d+[.)])(?=\s|$)/u, '\\$1')
    .replace(/^(=+|-{3,})\s*$/u, '\\$1');
}

/** Builds the record of one article; warnings name the field and the fix. */
export function toArticleRecord(doc: ImportDoc, a: ArticleDraft, pageRemoved: Removed[], docIssues: readonly Issue[], options: { fileName: string; now?: string }): ArticleRecord {
  const problems: Issue[] = [];
  for (const issue of [...docIssues, ...a.issues]) if (!problems.some((p) => p.message === issue.message)) problems.push(issue);
  if (a.date && options.now && a.date.value.date > options.now) problems.push({ code: 'date-future', field: 'date', message: `date: ${a.date.value.date} lies after the run date ${options.now}. Fix: check the year.` });
  if (!a.date) problems.push({ code: 'date-missing', field: 'date', message: 'date: no date found in the page or text. Fix: re-run with --date YYYY[-MM[-DD]] --date-note "…" (why this date).' });
  if (!a.outlet && !problems.some((p) => p.field === 'outlet')) problems.push({ code: 'outlet-missing', field: 'outlet', message: 'outlet: no known outlet named in the source line, dateline or page metadata. Fix: re-run with --outlet <id or name from content/outlets.yaml> (add the outlet there first).' });
  if (!a.reporters.length) problems.push({ code: 'reporters-missing', field: 'reporters', message: 'reporters: no byline found.' });
  const guesses: GuessNote[] = [];
  if (a.title) guesses.push({ field: 'title', value: a.title, from: a.headline.length ? `headline lines ${a.headline.map((l) => l.n).join(', ')}` : 'page metadata (<title>, og:title or JSON-LD headline)', confidence: a.headline.length || doc.meta.title ? 'high' : 'low' });
  if (a.reporters.length || a.correspondents.length) guesses.push({ field: 'reporters', value: [...a.reporters, ...a.correspondents.map((c) => `${c} (通讯员)`)].join('、'), from: 'byline (记者/通讯员) or page author', confidence: 'high' });
  if (a.date) guesses.push({ field: 'date', value: `${a.date.value.date} (${a.date.value.certainty})`, from: a.date.from, confidence: a.date.confidence });
  if (a.outlet) guesses.push({ field: 'outlet', value: a.outlet.value.name, from: a.outlet.from, confidence: a.outlet.confidence });
  else if (a.statedOutlet) guesses.push({ field: 'outlet', value: `${a.statedOutlet.value} (not in content/outlets.yaml)`, from: a.statedOutlet.from, confidence: a.statedOutlet.confidence });
  if (a.kind) guesses.push({ field: 'kind', value: a.kind.value, from: a.kind.from, confidence: a.kind.confidence });
  if (a.regions.length) guesses.push({ field: 'regions', value: a.regions.map((r) => `${r.code} ${r.name}`).join(', '), from: `gazetteer names in the text (scores ${a.regions.map((r) => r.score).join(', ')})`, confidence: a.regions[0].score >= 5 ? 'high' : 'medium' });
  if (a.events?.length) guesses.push({ field: 'events', value: a.events.map((e) => `${e.date} ${e.label}`).join('; '), from: 'dated clauses in the text (missing years from the article date)', confidence: 'medium' });
  if (a.bodies.length) guesses.push({ field: 'bodies', value: a.bodies.join(', '), from: 'bodies named twice or more, and office-holders acting in the text (区委书记 → party, 副县长 → government)', confidence: 'medium' });
  if (a.topics.length) guesses.push({ field: 'topics', value: a.topics.join(', '), from: 'topics.yaml keywords among jieba words', confidence: 'low' });
  const notes = a.issues.filter((i) => i.code === 'kicker').map((i) => i.message);
  return {
    title: a.title ?? '',
    subtitle: a.subtitle,
    date: a.date?.value.date ?? null,
    dateCertainty: a.date?.value.certainty ?? null,
    dateNote: a.date?.value.note,
    outlet: a.outlet?.value.name ?? a.statedOutlet?.value ?? null,
    outletId: a.outlet?.value.id ?? null,
    source: { url: doc.meta.url, file: options.fileName, part: a.part },
    reporters: a.reporters,
    correspondents: a.correspondents,
    editors: a.editors,
    photographers: a.photographers,
    kind: a.kind?.value ?? 'news',
    bodies: a.bodies,
    regions: a.regions.map(({ code, name }) => ({ code, name })),
    topics: a.topics,
    keywords: a.keywords,
    figures: a.figures,
    events: a.events ?? [],
    originalScript: doc.originalScript,
    body: renderBody(a),
    removed: [...pageRemoved, ...a.removed].sort((x, y) => (x.line ?? 0) - (y.line ?? 0)),
    problems,
    warnings: problems.map((p) => p.message),
    guesses,
    notes,
  };
}
