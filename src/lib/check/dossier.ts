/**
 * The content check of a dossier (content/dossiers/<slug>.mdx): where it lives, its bytes, its
 * front matter against the dossier schema, and its MDX body through the dossier guard
 * (src/lib/dossier/guard.ts). Pure, like the rest of src/lib/check.
 */
import { dossierSchema, DOSSIER_FIELDS } from '../../schemas/dossier.ts';
import type { Registry } from '../../schemas/report.ts';
import { dossierMdxProblems } from '../dossier/guard.ts';
import { didYouMean } from '../text/did-you-mean.ts';
import { formatFieldPath, type Problem } from './problem.ts';
import { readContentFile } from './source-file.ts';

export const DOSSIERS_DIR = 'content/dossiers/';
const DOSSIER_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

/** Layout problems of a path under content/dossiers/ (none for a well-named dossier). */
export function dossierPathProblems(path: string): Problem[] {
  const name = path.slice(DOSSIERS_DIR.length);
  if (DOSSIER_NAME.test(name)) return [];
  const flat = name.split('/').at(-1) ?? name;
  const wanted = flat.replace(/\.(md|markdown|mdx|txt)$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return [
    {
      severity: 'error',
      code: name.includes('/') ? 'outside-layout' : 'bad-file-name',
      file: path,
      line: 1,
      message: `专题文件名“${name}”不合规范 (bad dossier file name "${name}")`,
      expected: '专题放在 content/dossiers/<拼音>.mdx：小写拉丁字母、数字和连字符，不分子文件夹 (content/dossiers/<pinyin-slug>.mdx, no sub-folders)',
      example: 'content/dossiers/zhe-jiang-min-ying-jing-ji.mdx',
      suggestion: wanted ? `改名为 content/dossiers/${wanted}.mdx (rename it)` : undefined,
    },
  ];
}

/** The URL slug (and collection id) of a dossier file. */
export function dossierSlug(path: string): string {
  return path.slice(DOSSIERS_DIR.length).replace(/\.mdx$/i, '');
}

/** Every problem of one dossier file. */
export function checkDossier(file: string, bytes: Uint8Array, registry: Registry | undefined, reportIds: ReadonlySet<string>, guessEncoding?: (bytes: Uint8Array) => string | undefined): Problem[] {
  const { problems, parts } = readContentFile(file, bytes, guessEncoding);
  if (!parts) return problems;
  const { split, frontMatter: fm } = parts;
  if (split.body.trim() === '') {
    problems.push({
      severity: 'error',
      code: 'empty-body',
      file,
      line: split.bodyLine - 1,
      message: '专题正文是空的 (the dossier has no text)',
      expected: '结束的 --- 之后是专题正文 (the article after the closing ---)',
      example: '---\n…\n---\n\n## 概述\n\n<Reports topic="private-economy" region="330000" />',
    });
  }
  problems.push(...dossierMdxProblems(file, split.body, split.bodyLine, { topics: registry?.topics ?? [], reportIds }));
  if (!fm.data || !registry) return problems;
  const parsed = dossierSchema(registry).safeParse(fm.data);
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = didYouMean(key, DOSSIER_FIELDS);
        problems.push({
          severity: 'error',
          code: 'unknown-field',
          file,
          line: fm.lineOf([...path, key]),
          field: formatFieldPath([...path, key]),
          message: `未知字段“${key}” (unknown field "${key}")`,
          expected: `字段名之一 (one of): ${DOSSIER_FIELDS.join(', ')}`,
          suggestion: guess ? `把“${key}”改为 ${guess} (rename "${key}" to ${guess})` : undefined,
        });
      }
      continue;
    }
    const field = formatFieldPath(path);
    const missing = issue.code === 'invalid_type' && fm.data[String(path[0])] === undefined && path.length === 1;
    const code = missing ? 'missing-field' : path[0] === 'regions' ? 'unknown-region' : path[0] === 'topics' ? 'unknown-topic' : path[0] === 'date' || path[0] === 'updated' ? 'invalid-date' : 'invalid-value';
    problems.push({
      severity: 'error',
      code,
      file,
      line: fm.lineOf(path),
      field,
      message: missing ? `缺少字段 ${field} (missing field ${field})` : `${field} 的值不对 (invalid ${field}): ${issue.message}`,
      expected: `专题字段 (dossier fields): ${DOSSIER_FIELDS.join(', ')}`,
      example: DOSSIER_EXAMPLES[String(path[0])],
      detail: issue.message,
    });
  }
  return problems;
}

const DOSSIER_EXAMPLES: Record<string, string> = {
  title: 'title: 浙江：政协助推民营经济与产业发展',
  summary: 'summary: 五篇报道里的浙江政协如何为企业和产业出力。',
  date: 'date: 2025-06-01',
  updated: 'updated: 2025-07-01',
  regions: 'regions: ["330000"]',
  topics: 'topics: [private-economy, industrial-clusters]',
  authors: 'authors: [协商档案编辑部]',
  coverNote: 'coverNote: 本专题据档案所收浙江报道写成。',
};
