/**
 * From what the browser editor (Decap CMS) sends to the text of a report file. Decap writes its
 * own YAML (its key order, its quoting, block lists); a save through the form must instead give
 * the file `npm run new` would write, and an edit must leave every untouched field byte for byte
 * as it was (comments included), so that a commit's diff shows only what the editor changed.
 * Pure: the local backend (src/editor/server.ts) reads and writes the files.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, type Pair } from 'yaml';
import { YAML_WRITE_OPTIONS, yamlDate } from '../text/yaml.ts';

export type FrontMatter = Record<string, unknown>;

/** Front matter and body of a Markdown file with a `---` block; `null` front matter when there is none. */
export function splitReport(text: string): { yaml: string | null; body: string; bodyStart: number } {
  const m = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/u.exec(text);
  if (!m) return { yaml: null, body: text, bodyStart: 0 };
  return { yaml: m[1] ?? '', body: text.slice(m[0].length), bodyStart: m[0].length };
}

/** The data and body Decap sent (its `raw`): keys starting with `_` are the form's own (paste box, path parts) and dropped. */
export function readEditorRaw(raw: string): { data: FrontMatter; body: string } {
  const { yaml, body } = splitReport(raw);
  const parsed = (yaml ? parseDocument(yaml).toJS() : {}) as FrontMatter | null;
  const data: FrontMatter = {};
  for (const [k, v] of Object.entries(parsed ?? {})) if (!k.startsWith('_') && k !== 'body') data[k] = v;
  return { data: clean(data) as FrontMatter, body };
}

/** Empty strings, nulls and empty objects are "not filled in": Decap writes them for untouched optional inputs. */
export function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean).filter((v) => v !== undefined);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  return value;
}

/**
 * Values the schema fills in when a field is missing: a file without `correspondents` and a form
 * with an empty list, or without `outletCertainty` and a form showing `stated`, say the same.
 */
export const SCHEMA_DEFAULTS: FrontMatter = { outletCertainty: 'stated', lang: 'zh-Hans', originalScript: 'Hans' };

function comparable(key: string, value: unknown): string {
  let v = clean(value instanceof Date ? value.toISOString().slice(0, 10) : value);
  if (Array.isArray(v) && v.length === 0) v = undefined;
  if (v !== undefined && SCHEMA_DEFAULTS[key] === v) v = undefined;
  // Numbers and their quoted forms are different values in the schema ("98.1" is kept exact), so JSON keeps the type.
  return JSON.stringify(v ?? null);
}

/** True when the two values mean the same for field `key`. */
export function sameValue(key: string, a: unknown, b: unknown): boolean {
  return comparable(key, a) === comparable(key, b);
}

/** `key: value` as the project writes it: lists of text in flow style ([a, b]), lists of objects as blocks. */
export function renderField(key: string, value: unknown): string {
  const doc = new Document(null, { schema: 'yaml-1.1' });
  const node = doc.createNode({ [key]: withDates(key, value) }) as YAMLMap;
  node.flow = false;
  const pair = node.items[0] as Pair;
  if (isSeq(pair.value) && pair.value.items.every((item) => isScalar(item))) pair.value.flow = true;
  if (isSeq(pair.value)) {
    for (const item of pair.value.items) if (isMap(item)) item.flow = false;
  }
  doc.contents = node;
  return doc.toString(YAML_WRITE_OPTIONS);
}

// Dates are written bare (date: 2022-04-01), as `npm run new` and the importer write them;
// yamlDate gives the YAML 1.1 writer a Date for a full date, so it is not quoted as text.
function withDates(key: string, value: unknown): unknown {
  if (key === 'date' && typeof value === 'string') return yamlDate(value);
  if (key === 'events' && Array.isArray(value)) return value.map((e) => (e && typeof e === 'object' && typeof e.date === 'string' ? { ...e, date: yamlDate(e.date) } : e));
  return value;
}

/** A new report file: fields in the schema's order (`order`), empty optional fields left out except the lists `npm run new` writes empty. */
export function renderNewReport(data: FrontMatter, body: string, order: readonly string[]): string {
  const ALWAYS = ['reporters', 'correspondents', 'editors', 'photographers', 'bodies', 'topics', 'keywords', 'figures', 'events', 'notes'];
  const lines: string[] = [];
  for (const key of order) {
    let value = data[key];
    if (value === undefined && ALWAYS.includes(key)) value = [];
    if (value === undefined) continue;
    if (SCHEMA_DEFAULTS[key] === value) continue;
    lines.push(renderField(key, value));
  }
  for (const key of Object.keys(data)) if (!order.includes(key)) lines.push(renderField(key, data[key]));
  return `---\n${lines.join('')}---\n\n${body.trim()}\n`;
}

/**
 * The edited file: fields whose value did not change keep their bytes (and comments); a changed
 * field is rewritten in place, a cleared one removed, a new one inserted where the schema's order
 * puts it. The body keeps its bytes unless its text changed.
 */
export function mergeReport(oldText: string, data: FrontMatter, body: string, order: readonly string[]): string {
  const { yaml, body: oldBody } = splitReport(oldText);
  if (yaml === null) return renderNewReport(data, body, order);
  const doc = parseDocument(yaml);
  const old = (doc.toJS() ?? {}) as FrontMatter;
  const items = isMap(doc.contents) ? (doc.contents.items as Pair[]) : [];
  // Each top-level field's span: from its key to the end of the line its value ends on.
  const spans = items.map((pair) => {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const start = lineStart(yaml, (pair.key as { range?: number[] }).range?.[0] ?? 0);
    const valueEnd = (pair.value as { range?: number[] } | null)?.range?.[1] ?? (pair.key as { range?: number[] }).range?.[1] ?? start;
    return { key, start, end: lineEnd(yaml, Math.max(valueEnd - 1, start)) };
  });
  const edits: { start: number; end: number; text: string }[] = [];
  for (const span of spans) {
    if (sameValue(span.key, old[span.key], data[span.key])) continue;
    const value = clean(data[span.key]);
    edits.push({ start: span.start, end: span.end, text: value === undefined ? '' : renderField(span.key, value) });
  }
  const present = new Set(spans.map((s) => s.key));
  for (const key of Object.keys(data)) {
    if (present.has(key) || sameValue(key, undefined, data[key])) continue;
    // Before the first field that follows it in the schema's order, or at the end.
    const after = order.slice(order.indexOf(key) + 1);
    const next = spans.find((s) => after.includes(s.key));
    const at = next ? next.start : yaml.length;
    edits.push({ start: at, end: at, text: renderField(key, data[key]) });
  }
  let out = yaml;
  for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const keptBody = oldBody.trim() === body.trim() ? oldBody : `\n${body.trim()}\n`;
  return `---\n${out}---\n${keptBody}`;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}
