/**
 * Checks all content at once and returns every problem: per file (bytes, layout, YAML, schema,
 * dates, body) and across files (duplicate ids, slugs and reports). Pure: files, registry and
 * today come in as arguments.
 */
import { reportSchema, type Registry } from '../../schemas/report.ts';
import { astroFrontMatter, misreadProblems, readingDifferences } from './astro-compat.ts';
import { detectScript } from '../text/chinese.ts';
import { isFutureDate, readDate } from './dates.ts';
import { parseReportFileName } from '../archive/report-path.ts';
import { contentPaths, imageProblems, type ContentPaths } from './images.ts';
import { checkReportFileName, classifyPath, REPORTS_DIR } from './layout.ts';
import { countProblems, sortProblems, type Problem } from './problem.ts';
import { problemsFromIssues } from './schema-problems.ts';
import { BODY_PLACEHOLDER } from './skeleton.ts';
import { bodyProblems } from './body.ts';
import { bodyTree } from './body-tree.ts';
import { checkDossier } from './dossier.ts';
import { readContentFile } from './source-file.ts';

/** One file under content/, path relative to the project root with forward slashes. */
export interface ContentFile {
  path: string;
  bytes: Uint8Array;
}

export interface CheckOptions {
  /** Topics and outlets; undefined when the registries themselves could not be read. */
  registry: Registry | undefined;
  /** Today as YYYY-MM-DD (see `calendarDayIn`); dates after it are errors. */
  today: string;
  /** Names the encoding of bytes that are not UTF-8 (e.g. GB18030), for a better message. */
  guessEncoding?: (bytes: Uint8Array) => string | undefined;
}

export interface CheckResult {
  problems: Problem[];
  /** How many report files were checked. */
  reports: number;
  /** How many dossier files were checked. */
  dossiers?: number;
  errors: number;
  warnings: number;
}

interface ReportFacts {
  path: string;
  title?: string;
  date?: string;
}

/**
 * What checking one report file found: its problems, and the title and date the checks across
 * files compare. Plain data, so a worker thread can check some files and hand this back
 * (src/node/content-check.ts).
 */
export interface ReportCheck {
  problems: Problem[];
  title?: string;
  date?: string;
}

/** Checks one report file on its own; `paths` are every content file's (body images must exist). */
export function checkReportFile(path: string, bytes: Uint8Array, options: CheckOptions, paths: ContentPaths): ReportCheck {
  const facts: ReportFacts = { path };
  const problems = checkReport(path, bytes, options, facts, paths);
  return { problems, ...(facts.title === undefined ? {} : { title: facts.title }), ...(facts.date === undefined ? {} : { date: facts.date }) };
}

/** The content files `checkContent` checks as reports, in its order. */
export function reportFilePaths(files: readonly ContentFile[]): string[] {
  return files.filter((f) => isReportText(f.path)).map((f) => f.path);
}

/** True for a file checked as a report: one in place, or a Markdown file misplaced under the reports folder. */
function isReportText(path: string, role = classifyPath(path).role): boolean {
  return role === 'report' || (role === 'misplaced' && /\.mdx?$/i.test(path) && path.startsWith(REPORTS_DIR));
}

function dateProblems(file: string, data: Record<string, unknown>, lineOf: (p: readonly PropertyKey[]) => number, today: string): Problem[] {
  const out: Problem[] = [];
  const date = readDate(data.date);
  if (date && isFutureDate(date, today)) {
    out.push({
      severity: 'error',
      code: 'future-date',
      file,
      line: lineOf(['date']),
      field: 'date',
      message: `日期 ${date} 在今天 ${today} 之后 (the date ${date} is after today, ${today})`,
      expected: '已经发表的报道的日期 (the date a published report appeared)',
      example: `date: ${today}`,
      suggestion: '检查年份是否写错 (check the year for a typo)',
    });
  }
  const events = Array.isArray(data.events) ? data.events : [];
  events.forEach((event, i) => {
    const d = readDate((event as Record<string, unknown> | null)?.date);
    if (d && isFutureDate(d, today)) {
      out.push({
        severity: 'warning',
        code: 'future-date',
        file,
        line: lineOf(['events', i, 'date']),
        field: `events[${i}].date`,
        message: `事件日期 ${d} 在今天之后，是计划吗？ (event date ${d} is after today: is it a plan?)`,
        suggestion: '计划中的事项请在 label 里写明“计划” (say 计划 in the label for planned events)',
      });
    }
  });
  if (data.dateCertainty === 'inferred' && date) {
    out.push({
      severity: 'warning',
      code: 'inferred-date',
      file,
      line: lineOf(['dateCertainty']),
      field: 'dateCertainty',
      message: `日期 ${date} 是推定的，请核对 dateNote (the date ${date} is inferred: check dateNote)`,
      detail: typeof data.dateNote === 'string' ? data.dateNote : undefined,
    });
  }
  return out;
}

// One schema per registry, not per file: thousands of reports share it.
const schemas = new WeakMap<Registry, ReturnType<typeof reportSchema>>();
function schemaFor(registry: Registry): ReturnType<typeof reportSchema> {
  let schema = schemas.get(registry);
  if (!schema) schemas.set(registry, (schema = reportSchema(registry)));
  return schema;
}

function checkReport(file: string, bytes: Uint8Array, options: CheckOptions, facts: ReportFacts, files: ContentPaths): Problem[] {
  const { problems, parts } = readContentFile(file, bytes, options.guessEncoding);
  if (!parts) return problems;
  const { decoded, split, frontMatter: fm } = parts;
  if (split.body.trim() === '') {
    problems.push({
      severity: 'error',
      code: 'empty-body',
      file,
      line: split.bodyLine - 1,
      message: '正文是空的 (the report has no body text)',
      expected: '结束的 --- 之后是报道正文 (the report text after the closing ---)',
      example: '---\n…\n---\n\n本报讯 4月1日……',
    });
  }
  if (split.body.includes(BODY_PLACEHOLDER)) {
    problems.push({
      severity: 'warning',
      code: 'empty-body',
      file,
      line: split.bodyLine + split.body.split('\n').findIndex((l) => l.includes(BODY_PLACEHOLDER)),
      message: '正文还是模板的占位文字 (the body is still the skeleton placeholder)',
      suggestion: '把占位文字换成报道正文 (replace it with the report text)',
    });
  }
  // The first few hundred characters tell the script; converting whole bodies would double the check's time.
  if (split.body.trim() && detectScript(split.body.slice(0, 600)) === 'Hant') {
    problems.push({
      severity: 'warning',
      code: 'traditional-body',
      file,
      line: split.bodyLine,
      message: '正文似乎是繁体字；档案正文一律用简体 (the body looks Traditional; the archive publishes Simplified)',
      suggestion: '转成简体，并在前言块写 originalScript: Hant (convert to Simplified and set originalScript: Hant)',
    });
  }
  const tree = bodyTree(split.body);
  problems.push(...bodyProblems(file, tree, split.bodyLine));
  problems.push(...imageProblems(file, tree, split.bodyLine, files));
  if (!fm.data) return problems;
  // Only when our own reading found nothing (tabs, say, are already reported, once).
  const astro = fm.problems.length ? undefined : astroFrontMatter(file, decoded.raw ?? decoded.text, split.frontMatterLine - 1);
  if (astro?.problem) return [...problems, astro.problem];
  facts.title = typeof fm.data.title === 'string' ? fm.data.title.trim() : undefined;
  facts.date = readDate(fm.data.date);
  problems.push(...checkReportFileName(file, facts.date, facts.title));
  problems.push(...dateProblems(file, fm.data, fm.lineOf, options.today));
  if (!options.registry) return problems;
  const schema = schemaFor(options.registry);
  const parsed = schema.safeParse(fm.data, { reportInput: true });
  if (!parsed.success) {
    const ctx = { file, data: fm.data, lineOf: fm.lineOf, sourceOf: fm.sourceOf, ...options.registry };
    problems.push(...problemsFromIssues(ctx, parsed.error.issues));
  }
  // The build validates js-yaml's reading, not ours: where they differ, validate that one too.
  if (astro?.data && readingDifferences(fm.data, astro.data).length) {
    const theirs = schema.safeParse(astro.data, { reportInput: true });
    const ours = parsed.success ? [] : parsed.error.issues.map((i) => i.path);
    const rejected = theirs.success ? [] : theirs.error.issues.map((i) => i.path).filter((p) => !ours.some((o) => o.join('.') === p.join('.')));
    problems.push(...misreadProblems({ file, lineOf: fm.lineOf, sourceOf: fm.sourceOf }, fm.data, astro.data, rejected));
  }
  return problems;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

function duplicateProblems(reports: readonly ReportFacts[]): Problem[] {
  const out: Problem[] = [];
  const others = (group: ReportFacts[], self: ReportFacts) => group.filter((r) => r !== self).map((r) => r.path).join('、');
  // Astro's id is the path without extension, lower-cased: x.md and X.md or x.mdx collide.
  for (const group of groupBy(reports, (r) => r.path.slice(REPORTS_DIR.length).replace(/\.mdx?$/i, '').toLowerCase())) {
    for (const r of group) {
      out.push({ severity: 'error', code: 'duplicate-id', file: r.path, line: 1, message: `与 ${others(group, r)} 的编号（网址）相同 (same id and URL as ${others(group, r)})`, suggestion: '删除重复的文件或改名 (delete the duplicate or rename it)' });
    }
  }
  // x.md and x.mdx already collide as ids; do not warn about their slug as well.
  const byId = new Map(reports.map((r) => [r.path.replace(/\.mdx?$/i, ''), r]));
  for (const group of groupBy([...byId.values()], (r) => parseReportFileName(r.path.slice(r.path.lastIndexOf('/') + 1))?.slug)) {
    for (const r of group) {
      out.push({ severity: 'warning', code: 'duplicate-slug', file: r.path, line: 1, message: `与 ${others(group, r)} 的拼音名相同，是否重复？ (same slug as ${others(group, r)}: a duplicate?)` });
    }
  }
  for (const group of groupBy(reports, (r) => (r.title && r.date ? `${r.date} ${r.title}` : undefined))) {
    for (const r of group) {
      out.push({ severity: 'warning', code: 'duplicate-report', file: r.path, line: 1, field: 'title', message: `与 ${others(group, r)} 的标题和日期都相同 (same title and date as ${others(group, r)})`, suggestion: '同一篇报道只收一次；转载请在 notes 说明 (keep one copy; note reprints in notes)' });
    }
  }
  return out;
}

/**
 * Every problem in the given content files, sorted by file and line, with counts. `checked` holds
 * reports already checked elsewhere (checkReportFile, in a worker thread); the result is the same
 * as without it.
 */
export function checkContent(files: readonly ContentFile[], options: CheckOptions, checked: ReadonlyMap<string, ReportCheck> = new Map()): CheckResult {
  const problems: Problem[] = [];
  const reports: ReportFacts[] = [];
  const paths = contentPaths(new Set(files.map((f) => f.path)));
  const dossiers: ContentFile[] = [];
  for (const { path, bytes } of files) {
    const { role, problems: layout } = classifyPath(path);
    problems.push(...layout);
    if (role === 'dossier') {
      if (/\.mdx$/i.test(path)) dossiers.push({ path, bytes });
      continue;
    }
    if (!isReportText(path, role)) continue;
    const { problems: found, title, date } = checked.get(path) ?? checkReportFile(path, bytes, options, paths);
    reports.push({ path, title, date });
    problems.push(...found);
  }
  problems.push(...duplicateProblems(reports));
  // Dossiers embed reports by id, so they are checked against the ids of every report file.
  const reportIds = new Set(reports.map((r) => r.path.slice(REPORTS_DIR.length).replace(/\.mdx?$/i, '').toLowerCase()));
  for (const { path, bytes } of dossiers) problems.push(...checkDossier(path, bytes, options.registry, reportIds, options.guessEncoding));
  const sorted = sortProblems(problems);
  return { problems: sorted, reports: reports.length, dossiers: dossiers.length, ...countProblems(sorted) };
}

