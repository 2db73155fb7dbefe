/**
 * A problem found in the content, kept as a value (never thrown) so that one run can list every
 * problem of every file. Messages are Chinese with the English in brackets, because editors read
 * them in the terminal and in the build log.
 */

export type Severity = 'error' | 'warning';

/** Named reasons, so tests and tools can match on a problem without parsing its wording. */
export type ProblemCode =
  | 'empty-file'
  | 'binary-file'
  | 'not-utf8'
  | 'too-large'
  | 'bom'
  | 'crlf'
  | 'tab-indent'
  | 'no-front-matter'
  | 'unclosed-front-matter'
  | 'yaml-syntax'
  | 'yaml-aliases'
  | 'front-matter-not-mapping'
  | 'chinese-field-name'
  | 'unknown-field'
  | 'missing-field'
  | 'invalid-value'
  | 'unknown-topic'
  | 'unknown-outlet'
  | 'unknown-region'
  | 'region-name-not-code'
  | 'invalid-date'
  | 'future-date'
  | 'inferred-date'
  | 'unquoted-number'
  | 'needs-quotes'
  | 'empty-body'
  | 'bad-image'
  | 'traditional-body'
  | 'raw-text-tag'
  | 'external-image'
  | 'mdx-not-allowed'
  | 'mdx-syntax'
  | 'mdx-code'
  | 'mdx-expression'
  | 'mdx-unknown-component'
  | 'mdx-script'
  | 'mdx-prop'
  | 'unknown-report'
  | 'outside-layout'
  | 'bad-file-name'
  | 'year-folder-mismatch'
  | 'file-date-mismatch'
  | 'unsupported-file'
  | 'duplicate-id'
  | 'duplicate-slug'
  | 'duplicate-report'
  | 'registry';

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  /** Path relative to the project root, with forward slashes, e.g. content/reports/2022/…md. */
  file: string;
  /** 1-based line in the file (the line of the offending front-matter key where there is one). */
  line?: number;
  /** Field path as an editor writes it: `topics[1]`, `figures[0].value`. */
  field?: string;
  /** What is wrong: 中文 (English). */
  message: string;
  /** What was expected: 中文 (English). */
  expected?: string;
  /** A valid value, written as it would appear in the file. */
  example?: string;
  /** The likely fix, when one can be worked out (did you mean …?). */
  suggestion?: string;
  /** The schema's own English wording, kept for completeness. */
  detail?: string;
}

/** Field path segments as an editor reads them: ['figures', 0, 'value'] → figures[0].value. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/** Problems in a stable order: by file (code-point order), then line, then field, then code. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  // Plain code-point comparison, not localeCompare: the order must not depend on the machine's locale.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...problems].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      cmp(a.field ?? '', b.field ?? '') ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}

/** How many errors and warnings there are. */
export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
