/**
 * Plain-text rendering of problems for the terminal and the build log: one block per problem,
 * `file:line  field`, then what is wrong, what was expected, an example and a suggestion.
 */
import type { Problem } from './problem.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function labelled(label: string, text: string | undefined): string[] {
  if (!text) return [];
  const [first, ...rest] = text.split('\n');
  return [`    ${label}: ${first}`, ...rest.map((line) => `      ${line}`)];
}

/** One problem as a few indented lines; the first line is `file:line  field  错误 (error)`. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}`;
  const tag = p.severity === 'error' ? '错误 (error)' : '警告 (warning)';
  return [
    `${where}${p.field ? `  ${p.field}` : ''}  ${tag}`,
    `    ${p.message}`,
    ...labelled('应为 (expected)', p.expected),
    ...labelled('示例 (example)', p.example),
    ...labelled('建议 (suggestion)', p.suggestion),
    ...labelled('详情 (detail)', p.detail),
  ].join('\n');
}

/** The summary line: 内容检查：13 篇报道，2 个错误，1 个警告 (content check: 13 reports, 2 errors, 1 warning). */
export function formatSummary(reports: number, errors: number, warnings: number): string {
  return `内容检查：${reports} 篇报道，${errors} 个错误，${warnings} 个警告 (content check: ${plural(reports, 'report')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
}

/** Every problem (or only the errors), blank-line separated, then the summary line counting all of them. */
export function formatReport(problems: readonly Problem[], reports: number, options: { errorsOnly?: boolean } = {}): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const shown = options.errorsOnly ? problems.filter((p) => p.severity === 'error') : problems;
  return [...shown.map(formatProblem), formatSummary(reports, errors, problems.length - errors)].join('\n\n');
}
