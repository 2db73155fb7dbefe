/**
 * Turns the report schema's Zod issues into problems an editor can act on: the Chinese field
 * name, what was expected, an example and a suggestion, with the schema's English wording kept
 * as the detail. The schema itself stays the single source of what is valid.
 */
import type { z } from 'astro/zod';
import { REPORT_KINDS, BODIES } from '../taxonomy/vocabularies.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import { DERIVED_FIELDS, FIELD_ALIASES, FIELD_GUIDE, isChineseKey } from './fields.ts';
import { NESTED_FIELDS } from '../../schemas/report.ts';
import { formatFieldPath, type Problem, type ProblemCode } from './problem.ts';
import { suggestEntry, type NamedEntry } from '../taxonomy/registry-lookup.ts';
import { nearbyRegionCodes, regionCandidates, rewriteDate } from './suggest.ts';

/** What the translation needs besides the issue itself. */
export interface IssueContext {
  file: string;
  data: Record<string, unknown>;
  lineOf: (path: readonly PropertyKey[]) => number;
  sourceOf: (path: readonly PropertyKey[]) => string | undefined;
  topics: readonly NamedEntry[];
  outlets: readonly NamedEntry[];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[s] : undefined;
  return v;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value) ?? String(value);
}

// Problems whose Chinese message and suggestion already say all the schema's message says.
const SELF_EXPLAINED = new Set<ProblemCode>(['unknown-topic', 'unknown-outlet', 'unknown-region', 'region-name-not-code', 'unquoted-number', 'missing-field']);

function detailOf(issue: z.core.$ZodIssue, code: ProblemCode): string | undefined {
  return issue.message.startsWith('Invalid input') || SELF_EXPLAINED.has(code) ? undefined : issue.message;
}

// `tilte` for `title`: two swapped letters are two edits, too many for didYouMean on short keys.
function swappedLetters(key: string, known: readonly string[]): string | undefined {
  const sorted = (s: string) => [...s.toLowerCase()].sort().join('');
  return known.find((k) => k.length === key.length && sorted(k) === sorted(key));
}

function unknownKey(ctx: IssueContext, parent: readonly PropertyKey[], key: string): Problem {
  const path = [...parent, key];
  const base = { severity: 'error' as const, file: ctx.file, line: ctx.lineOf(path), field: formatFieldPath(path) };
  if (parent.length === 0 && DERIVED_FIELDS[key]) {
    return { ...base, code: 'unknown-field', message: `不能写字段“${key}” (the field "${key}" is not allowed)`, suggestion: DERIVED_FIELDS[key] };
  }
  const known = parent.length === 0 ? Object.keys(FIELD_GUIDE) : (NESTED_FIELDS[String(parent[0]) as keyof typeof NESTED_FIELDS] ?? []);
  const target = (parent.length === 0 ? FIELD_ALIASES[key] : undefined) ?? didYouMean(key, known) ?? swappedLetters(key, known);
  const code: ProblemCode = isChineseKey(key) ? 'chinese-field-name' : 'unknown-field';
  const guide = target ? FIELD_GUIDE[parent.length ? String(parent[0]) : target] : undefined;
  return {
    ...base,
    code,
    message:
      code === 'chinese-field-name'
        ? `字段名要用英文：“${key}” (field names are English keys, not "${key}")`
        : `未知字段“${key}” (unknown field "${key}")`,
    expected: `字段名之一 (one of): ${known.join(', ')}`,
    example: guide?.example,
    suggestion: target ? `把“${key}”改为 ${target} (rename "${key}" to ${target})` : undefined,
  };
}

function entryProblem(ctx: IssueContext, kind: 'topic' | 'outlet', value: string): Pick<Problem, 'code' | 'message' | 'suggestion'> {
  const entries = kind === 'topic' ? ctx.topics : ctx.outlets;
  const zh = kind === 'topic' ? '主题' : '媒体';
  const guess = suggestEntry(value, entries);
  return {
    code: kind === 'topic' ? 'unknown-topic' : 'unknown-outlet',
    message: `未知${zh}“${value}”：content/${kind}s.yaml 里没有 (unknown ${kind} "${value}": not in content/${kind}s.yaml)`,
    suggestion: guess
      ? `你是不是想写“${guess.name}”（${guess.id}）？ (did you mean ${guess.name} / ${guess.id}?)`
      : `新${zh}请先加到 content/${kind}s.yaml (add a new ${kind} to content/${kind}s.yaml first)`,
  };
}

function regionProblem(value: string): Pick<Problem, 'code' | 'message' | 'suggestion'> {
  if (!/^\d{6}$/.test(value)) {
    const candidates = regionCandidates(value);
    return {
      code: 'region-name-not-code',
      message: `地区要写六位代码，不能写“${value}” (regions take six-digit codes, not "${value}")`,
      suggestion: candidates.length
        ? `可能是 (perhaps): ${candidates.join('；')}`
        : `用 \`npm run new -- --find-region ${value}\` 查代码 (look the code up with --find-region)`,
    };
  }
  const near = nearbyRegionCodes(value);
  return {
    code: 'unknown-region',
    message: `未知地区代码 ${value}：地名库中没有这个行政区划 (unknown region code ${value}: no such division in the gazetteer)`,
    suggestion: near.length
      ? `是否写错了一位？相近的有 (one digit off? close codes): ${near.join('；')}`
      : '用 `npm run new -- --find-region 地名` 查代码 (look the code up with --find-region)',
  };
}

function vocabularySuggestion(field: string, value: string): string | undefined {
  const terms = field === 'kind' ? REPORT_KINDS : field === 'bodies' ? BODIES : [];
  const hit = terms.find((t) => t.en.toLowerCase() === value.toLowerCase()) ?? terms.find((t) => t.id === didYouMean(value, terms.map((x) => x.id)) || t.zh === didYouMean(value, terms.map((x) => x.zh)));
  return hit ? `你是不是想写 ${hit.id}（${hit.zh}）？ (did you mean ${hit.id}?)` : undefined;
}

function classify(ctx: IssueContext, issue: z.core.$ZodIssue, path: readonly PropertyKey[]): Pick<Problem, 'code' | 'message' | 'suggestion'> {
  const head = String(path[0] ?? '');
  const last = String(path[path.length - 1] ?? '');
  const guide = FIELD_GUIDE[head];
  const name = guide ? `${guide.zh} ${formatFieldPath(path)}` : formatFieldPath(path);
  const value = valueAt(ctx.data, path);
  if (value === undefined && issue.code === 'invalid_type') {
    return { code: 'missing-field', message: `缺少必填字段：${name} (missing required field ${formatFieldPath(path)})` };
  }
  if (head === 'dateNote' && issue.code === 'custom') {
    return { code: 'missing-field', message: '推定的日期要写 dateNote 说明依据 (an inferred date needs a dateNote)' };
  }
  if (head === 'topics' && path.length === 2) return entryProblem(ctx, 'topic', show(value));
  if (head === 'outlet') return entryProblem(ctx, 'outlet', show(value));
  if ((head === 'regions' && path.length === 2) || last === 'region') return regionProblem(show(value));
  if (last === 'date' && issue.code === 'custom') {
    const fixed = rewriteDate(show(value));
    return {
      code: 'invalid-date',
      message: `日期“${show(value)}”无效 (invalid date "${show(value)}")`,
      suggestion: fixed ? `改为 ${fixed} (write ${fixed})` : undefined,
    };
  }
  if (last === 'value' && typeof value === 'number') {
    const raw = ctx.sourceOf(path) ?? String(value);
    return {
      code: 'unquoted-number',
      message: `数字 ${raw} 要加引号，才能照原样保留 (quote the number ${raw} so it stays exactly as printed)`,
      suggestion: `value: "${raw}"`,
    };
  }
  if (issue.code === 'too_small') {
    return { code: 'invalid-value', message: `${name}是空的 (${formatFieldPath(path)} is empty)` };
  }
  if (issue.code === 'invalid_type') {
    return {
      code: 'invalid-value',
      message: `${name}的类型不对：应为 ${issue.expected}，实为 ${Array.isArray(value) ? 'list' : typeof value} (wrong type: expected ${issue.expected})`,
    };
  }
  return {
    code: 'invalid-value',
    message: `${name}的值“${show(value)}”不符合要求 (invalid value for ${formatFieldPath(path)})`,
    suggestion: typeof value === 'string' ? vocabularySuggestion(head, value) : undefined,
  };
}

/** One problem per Zod issue (one per unknown key), each with file, line, field, expectation and example. */
export function problemsFromIssues(ctx: IssueContext, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(unknownKey(ctx, path, key));
      continue;
    }
    const guide = FIELD_GUIDE[String(path[0] ?? '')];
    const what = classify(ctx, issue, path);
    out.push({
      severity: 'error',
      file: ctx.file,
      line: ctx.lineOf(path),
      field: formatFieldPath(path),
      expected: guide?.expected,
      example: guide?.example,
      detail: detailOf(issue, what.code),
      ...what,
    });
  }
  // `標題:` or `tilte:` already explains why `title` is missing: one mistake, one problem.
  const renamed = new Set(out.flatMap((p) => (p.code === 'chinese-field-name' || p.code === 'unknown-field' ? [/ to (\S+)\)$/.exec(p.suggestion ?? '')?.[1]] : [])));
  return out.filter((p) => !(p.code === 'missing-field' && renamed.has(p.field)));
}
