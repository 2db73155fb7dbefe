/**
 * Where files may live: reports are content/reports/<year>/<date>-<slug>.md, images may sit next
 * to them, the registries sit in content/. Everything else is reported, because the site would
 * silently ignore it (or, for .mdx and .svg, could run code).
 */
import { parseReportFileName, pinyinSlug } from '../archive/report-path.ts';
import type { Problem } from './problem.ts';
import { DOSSIERS_DIR, dossierPathProblems } from './dossier.ts';

/** How a path under content/ is treated. */
export type FileRole = 'report' | 'dossier' | 'registry' | 'asset' | 'ignored' | 'misplaced';

const IMAGES = /\.(jpe?g|png|webp|avif|gif)$/i;
const REGISTRIES = new Set(['content/topics.yaml', 'content/outlets.yaml']);
export const REPORTS_DIR = 'content/reports/';

/** The role of a project-relative path under content/, with problems for anything out of place. */
export function classifyPath(path: string): { role: FileRole; problems: Problem[] } {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const problem = (code: Problem['code'], message: string, extra: Partial<Problem> = {}): Problem => ({
    severity: 'error',
    code,
    file: path,
    line: 1,
    message,
    expected: '报道放在 content/reports/<年>/<日期>-<拼音>.md (reports go in content/reports/<year>/<date>-<pinyin-slug>.md)',
    example: 'content/reports/2022/2022-04-01-qian-tang-jiang-pan-ying-jie-gao-yuan-wei-lai.md',
    ...extra,
  });
  if (REGISTRIES.has(path)) return { role: 'registry', problems: [] };
  if (name.startsWith('.')) return { role: 'ignored', problems: [] };
  // Dossiers (专题) are the one place MDX is allowed: src/lib/dossier/guard.ts keeps code out.
  if (path.startsWith(DOSSIERS_DIR)) return { role: 'dossier', problems: dossierPathProblems(path) };
  if (!path.startsWith(REPORTS_DIR)) {
    const isText = /\.(md|mdx|markdown|txt)$/i.test(name);
    return {
      role: 'misplaced',
      problems: [problem('outside-layout', `文件不在 content/reports/ 下，网站不会发布它 (outside content/reports/: the site ignores it)`, { severity: isText ? 'error' : 'warning' })],
    };
  }
  if (/\.mdx$/i.test(name)) {
    return {
      role: 'misplaced',
      problems: [
        problem('mdx-not-allowed', '报道不能用 .mdx：MDX 可以运行代码 (reports cannot be .mdx: MDX can run code)', {
          suggestion: `改名为 ${name.replace(/\.mdx$/i, '.md')}，并去掉 import/export、{…} 和 <组件> (rename to .md and drop import/export, {…} and <Components>)`,
        }),
      ],
    };
  }
  if (IMAGES.test(name)) return { role: 'asset', problems: [] };
  if (!/\.md$/i.test(name)) {
    const svg = /\.svg$/i.test(name);
    return {
      role: 'misplaced',
      problems: [
        problem('unsupported-file', svg ? 'SVG 图片可以带脚本，不能放进报道目录 (SVG can carry script: not allowed here)' : `不支持的文件类型：${name} (unsupported file type)`, {
          expected: '报道用 .md；图片用 .jpg、.png、.webp、.avif、.gif (reports are .md; images .jpg, .png, .webp, .avif, .gif)',
          example: undefined,
          suggestion: svg ? '请转成 PNG (convert it to PNG)' : /\.(markdown|txt)$/i.test(name) ? `改名为 .md (rename to .md)` : undefined,
        }),
      ],
    };
  }
  const rest = path.slice(REPORTS_DIR.length).split('/');
  if (rest.length !== 2 || !/^\d{4}$/.test(rest[0])) {
    return { role: 'report', problems: [problem('outside-layout', '报道要放在年份文件夹里 (a report must sit in a year folder)')] };
  }
  return { role: 'report', problems: [] };
}

/** Problems with a report's file name relative to its front-matter date and title. */
export function checkReportFileName(path: string, date: string | undefined, title: string | undefined): Problem[] {
  const parts = path.slice(REPORTS_DIR.length).split('/');
  if (parts.length !== 2) return [];
  const [year, name] = parts;
  const parsed = parseReportFileName(name);
  const base = { severity: 'error' as const, file: path, line: 1 };
  if (!parsed) {
    // Pinyin only for a bad name: it is the slowest step of the whole check.
    const wanted = date ? `${date}-${title ? pinyinSlug(title) : 'pinyin-slug'}.md` : undefined;
    return [
      {
        ...base,
        code: 'bad-file-name',
        message: `文件名“${name}”不合规范 (bad file name "${name}")`,
        expected: '<日期>-<拼音>.md：小写拉丁字母、数字和连字符 (<date>-<pinyin-slug>.md: lowercase letters, digits and hyphens)',
        example: '2022-04-01-qian-tang-jiang-pan.md',
        suggestion: wanted ? `改名为 ${wanted} (rename to ${wanted})` : undefined,
      },
    ];
  }
  const problems = [];
  if (parsed.date.slice(0, 4) !== year) {
    problems.push({
      ...base,
      code: 'year-folder-mismatch' as const,
      message: `年份文件夹 ${year} 与文件名日期 ${parsed.date} 不符 (year folder ${year} does not match the date ${parsed.date})`,
      expected: '文件放在其日期年份的文件夹里 (the file sits in the folder of its year)',
      example: `content/reports/${parsed.date.slice(0, 4)}/${name}`,
      suggestion: `移到 content/reports/${parsed.date.slice(0, 4)}/ (move it to content/reports/${parsed.date.slice(0, 4)}/)`,
    });
  }
  if (date && parsed.date !== date) {
    problems.push({
      ...base,
      code: 'file-date-mismatch' as const,
      field: 'date',
      message: `文件名日期 ${parsed.date} 与 date 字段 ${date} 不符 (file name date ${parsed.date} differs from date ${date})`,
      expected: '文件名以 date 字段开头 (the file name starts with the date field)',
      example: `${date}-${parsed.slug}.md`,
      suggestion: `改名为 ${date}-${parsed.slug}.md，或改正 date (rename the file or fix the date)`,
    });
  }
  return problems;
}
