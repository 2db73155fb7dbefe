/**
 * Citations for a report page, in the two forms readers ask for: GB/T 7714-2015 (the Chinese
 * standard for references) and a plain sentence. Pure: the caller passes names and the page URL.
 */

/** What a citation needs to know about one report. */
export interface CitationInput {
  title: string;
  /** Staff reporters (记者), in the order printed. */
  reporters: readonly string[];
  /** The outlet's Chinese name, e.g. 人民政协报. */
  outletName: string;
  /** Newspapers are cited as [N]; everything read on the web as [EB/OL]. */
  outletKind: 'newspaper' | 'news-site' | 'aggregator' | 'government';
  /** Partial date, YYYY-MM-DD | YYYY-MM | YYYY. */
  date: string;
  /** True when the archive worked the date out; GB/T 7714 puts supplied data in brackets. */
  dateInferred: boolean;
  /** Newspaper page (版面) such as 第3版 or 05, if known. */
  page?: string;
  /** URL of the archive page: absolute with SITE_URL, else root-relative (the page fills the origin in). */
  url: string;
}

/** A citation split around its URL, so a page can complete a root-relative URL with the origin it is read on. */
export function splitAtUrl(text: string, url: string): { before: string; url: string; after: string } {
  const at = text.lastIndexOf(url);
  if (at < 0) return { before: text, url: '', after: '' };
  return { before: text.slice(0, at), url, after: text.slice(at + url.length) };
}

// GB/T 7714 lists at most three authors, then "等".
const MAX_AUTHORS = 3;

function authorsPart(reporters: readonly string[]): string {
  if (reporters.length === 0) return '';
  const shown = reporters.slice(0, MAX_AUTHORS).join(', ');
  return `${reporters.length > MAX_AUTHORS ? `${shown}, 等` : shown}. `;
}

/** The page number GB/T 7714 wants in parentheses: 第3版 → 3, 05 → 05; undefined when none is printed. */
export function pageNumberOf(page: string | undefined): string | undefined {
  if (!page) return undefined;
  const digits = /(\d+)/.exec(page);
  return digits ? digits[1] : page.trim();
}

/** 2022-04-01 → 2022年4月1日, 2022-04 → 2022年4月, 2022 → 2022年. */
export function datePhraseZh(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/**
 * GB/T 7714-2015 reference, e.g.
 * `鲍蔓华. 钱塘江畔迎接高远未来[N/OL]. 人民政协报, 2022-04-01(3). https://…/`.
 * An inferred date is bracketed, as the standard does for data the cataloguer supplied.
 */
export function formatGbt7714(c: CitationInput): string {
  const type = c.outletKind === 'newspaper' ? 'N/OL' : 'EB/OL';
  const date = c.dateInferred ? `[${c.date}]` : c.date;
  const page = c.outletKind === 'newspaper' ? pageNumberOf(c.page) : undefined;
  return `${authorsPart(c.reporters)}${c.title}[${type}]. ${c.outletName}, ${date}${page ? `(${page})` : ''}. ${c.url}.`;
}

/** A plain citation sentence: `《标题》，人民政协报，2022年4月1日（推定），记者鲍蔓华。协商档案：URL` */
export function formatPlainCitation(c: CitationInput): string {
  const parts = [`《${c.title}》`, c.outletName, `${datePhraseZh(c.date)}${c.dateInferred ? '（日期为推定）' : ''}`];
  if (c.page) parts.push(c.page);
  if (c.reporters.length) parts.push(`记者${c.reporters.join('、')}`);
  return `${parts.join('，')}。协商档案：${c.url}`;
}
