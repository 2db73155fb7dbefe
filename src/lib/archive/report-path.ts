/**
 * The one place report file names are made: content/reports/<year>/<date>-<pinyin-slug>.md, for
 * `npm run new`, `npm run import` and the check's rename hint alike, so one title always gets one
 * name. The slug is the title in toneless pinyin, one syllable per hyphen, so that URLs stay
 * readable and ASCII; the report's id (and URL) is <year>/<date>-<slug>.
 */
import { pinyin } from 'pinyin-pro';

/** Longest slug, in syllables or words; longer titles are cut (the date keeps file names unique enough). */
export const MAX_SLUG_WORDS = 8;

const FILE_NAME = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?$/;

/** Toneless pinyin slug of a title: 钱塘江畔 → qian-tang-jiang-pan; Latin letters and digits are kept. */
export function pinyinSlug(title: string, maxWords = MAX_SLUG_WORDS): string {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = syllables
    .flatMap((s) => s.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean)
    .slice(0, maxWords);
  return words.join('-') || 'report';
}

/** <year>/<date>-<slug>.md: where a report with this date and title belongs, under content/reports/. */
export function reportFilePath(date: string, title: string): string {
  return `${date.slice(0, 4)}/${date}-${pinyinSlug(title)}.md`;
}

/** The file path (relative to the project) where a report with this date and title belongs. */
export function reportPath(date: string, title: string): string {
  return `content/reports/${reportFilePath(date, title)}`;
}

/** Date and slug of a well-formed report file name (.md; .mdx is parsed too and rejected elsewhere), or null. */
export function parseReportFileName(name: string): { date: string; slug: string } | null {
  const m = FILE_NAME.exec(name);
  return m ? { date: m[1], slug: m[2] } : null;
}
