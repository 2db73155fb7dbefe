/** An article record as a report file: front-matter YAML (schema field order) + Markdown body, and its path. */
import { pinyinSlug, reportFilePath } from '../archive/report-path.ts';
import { stringify } from 'yaml';
import type { ArticleRecord } from './record.ts';
import { isWebAddress } from '../text/web-address.ts';
import { YAML_WRITE_OPTIONS, yamlDate } from '../text/yaml.ts';

/** <year>/<date>-<slug>.md under the output root: the same name `npm run new` gives the same title. */
export function reportPath(record: ArticleRecord): string {
  // Undated records are never written (the schema needs a date); the path only names them in the summary.
  if (!record.date) return `undated/${pinyinSlug(record.title)}.md`;
  return reportFilePath(record.date, record.title);
}

/** The front-matter object in the schema's field order; empty optional fields are left out. */
export function frontMatter(record: ArticleRecord): Record<string, unknown> {
  const fm: Record<string, unknown> = { title: record.title };
  if (record.subtitle) fm.subtitle = record.subtitle;
  fm.date = record.date;
  fm.dateCertainty = record.dateCertainty;
  if (record.dateNote) fm.dateNote = record.dateNote;
  fm.outlet = record.outletId;
  const source: Record<string, string> = {};
  // Only http(s): a page's canonical, og:url or JSON-LD url may be javascript: or data: (see web-address.ts).
  if (isWebAddress(record.source.url)) source.url = record.source.url;
  source.file = record.source.file;
  if (record.source.part) source.part = record.source.part;
  fm.source = source;
  fm.reporters = record.reporters;
  fm.correspondents = record.correspondents;
  fm.editors = record.editors;
  fm.photographers = record.photographers;
  fm.kind = record.kind;
  fm.bodies = record.bodies;
  fm.regions = record.regions.map((r) => r.code);
  fm.topics = record.topics;
  fm.keywords = record.keywords;
  fm.figures = record.figures.map((f) => ({ label: f.label, value: f.value, unit: f.unit, ...(f.year ? { year: f.year } : {}) }));
  fm.events = record.events.map((e) => ({ date: e.date, label: e.label }));
  fm.lang = 'zh-Hans';
  fm.originalScript = record.originalScript;
  fm.notes = [...record.notes, ...record.guesses.filter((g) => g.confidence !== 'high').map((g) => `importer guess, ${g.confidence} confidence: ${g.field} = ${g.value} (from ${g.from})`)];
  return fm;
}

/**
 * The whole report file; deterministic for the same record. Text that a YAML 1.1 reader (Astro's
 * js-yaml) would take for a date, number or boolean is quoted (keywords: ["2022-05-18"]); the
 * date fields are written as dates.
 */
export function renderReportFile(record: ArticleRecord): string {
  const fm = frontMatter(record);
  if (typeof fm.date === 'string') fm.date = yamlDate(fm.date);
  fm.events = (fm.events as { date: string; label: string }[]).map((e) => ({ ...e, date: yamlDate(e.date) }));
  const yaml = stringify(fm, YAML_WRITE_OPTIONS);
  return `---\n${yaml}---\n\n${record.body}\n`;
}
