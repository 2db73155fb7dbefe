/**
 * Step: the date of each article: page metadata or a source line (stated), a full date in the head
 * (stated), a dateline or lead date with the year inferred from the text, or a newspaper page's
 * latest 月日 (inferred, month precision). Every inferred date carries its reason in Chinese.
 */
import type { ArticleDraft, ImportDoc, Step } from '../types.ts';

const FULL_DATE = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/u;

function pad(n: number | string): string {
  return String(n).padStart(2, '0');
}

// One-entry memo: every article of a page falls back to the same page text, and a page can hold
// thousands of articles; rescanning it for each made the importer quadratic.
let memo: { text: string; years: { year: number; past: boolean }[] } | undefined;

/** Years the text names (2021年), most recent last, each with whether it is talked about as past. */
export function yearsIn(text: string): { year: number; past: boolean }[] {
  if (memo?.text === text) return memo.years;
  const years = scanYears(text);
  if (text.length > 2000) memo = { text, years };
  return years;
}

function scanYears(text: string): { year: number; past: boolean }[] {
  const found = new Map<number, boolean>();
  for (const m of text.matchAll(/(?<![\d.])((?:19|20)\d{2})年/gu)) {
    const year = Number(m[1]);
    // The rest of the sentence (at most 200 characters: a page without 。 must not be copied per year).
    const stop = text.indexOf('。', m.index);
    const sentence = text.slice(m.index, Math.min(stop < 0 ? text.length : stop + 1, (m.index ?? 0) + 200));
    const past = text.slice(Math.max(0, (m.index ?? 0) - 2), m.index).endsWith('在') || /了/u.test(sentence);
    found.set(year, (found.get(year) ?? true) && past);
  }
  return [...found.entries()].map(([year, past]) => ({ year, past })).sort((x, y) => x.year - y.year);
}

/** The year a text was most likely written in, and why; undefined when it names no year. */
export function inferYear(text: string, fallbackText: string): { year: number; note: string } | undefined {
  for (const [source, label] of [[text, '文中'], [fallbackText, '同版其他报道中']] as const) {
    const years = yearsIn(source);
    if (!years.length) continue;
    const latest = years[years.length - 1];
    if (latest.past && /今年/u.test(text)) {
      return { year: latest.year + 1, note: `${label}最近的年份${latest.year}年被当作过去叙述，且有“今年”，推定为${latest.year + 1}年` };
    }
    return { year: latest.year, note: `${label}提到的最近年份为${latest.year}年` };
  }
  return undefined;
}

let dayMemo: { text: string; best: { month: number; day: number } | undefined } | undefined;

/** The latest 月日 a page names, for a newspaper page whose own date is not printed. */
export function latestMonthDay(text: string): { month: number; day: number } | undefined {
  if (dayMemo?.text === text) return dayMemo.best;
  const best = scanLatestMonthDay(text);
  if (text.length > 2000) dayMemo = { text, best };
  return best;
}

function scanLatestMonthDay(text: string): { month: number; day: number } | undefined {
  let best: { month: number; day: number } | undefined;
  for (const m of text.matchAll(/(?<![\d年])(\d{1,2})月(\d{1,2})日/gu)) {
    const cand = { month: Number(m[1]), day: Number(m[2]) };
    if (cand.month > 12 || cand.day > 31) continue;
    if (!best || cand.month * 100 + cand.day > best.month * 100 + best.day) best = cand;
  }
  return best;
}

/** The article's date and how it was found; undefined when the page and text name no year. */
export function findDate(doc: ImportDoc, a: ArticleDraft & { lead?: { month?: number; day?: number; lead?: string } }, docText: string): ArticleDraft['date'] {
  // The date a reader sees under the headline beats metadata, which is often the last-update time.
  if (doc.meta.shownDate) return { value: { date: doc.meta.shownDate, certainty: 'stated' }, from: `date shown under the headline: ${doc.meta.shownDateLine ?? doc.meta.shownDate}`, confidence: 'high' };
  const meta = doc.meta.date?.match(/((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})/u);
  if (meta) return { value: { date: `${meta[1]}-${pad(meta[2])}-${pad(meta[3])}`, certainty: 'stated' }, from: doc.meta.dateFrom ?? 'page metadata', confidence: 'high' };
  if (doc.page.sourceDate) return { value: { date: doc.page.sourceDate, certainty: 'stated' }, from: doc.page.sourceLine ?? 'source line', confidence: 'high' };
  const text = a.lines.map((l) => l.text).join('\n');
  const head = [...a.headline.map((l) => l.text), ...a.lines.slice(0, 1).map((l) => l.text.slice(0, 40))].join('\n');
  const full = head.match(FULL_DATE);
  if (full) return { value: { date: `${full[1]}-${pad(full[2])}-${pad(full[3])}`, certainty: 'stated' }, from: full[0], confidence: 'high' };
  if (doc.articles.length > 1 && !a.lead?.month) {
    // A newspaper page: one publication date for all its articles; month from the latest 月日 printed.
    const year = inferYear(docText, docText);
    const md = latestMonthDay(docText);
    if (year && md) {
      return {
        value: { date: `${year.year}-${pad(md.month)}`, certainty: 'inferred', note: `同一版面共${doc.articles.length}篇，版面日期未印；版面上最晚的日期为${md.month}月${md.day}日，${year.note.replace('文中', '版面上')}，记为${year.year}年${md.month}月。` },
        from: `latest date on the page (${md.month}月${md.day}日)`,
        confidence: 'medium',
      };
    }
  }
  const lead = a.lead?.month ? { month: a.lead.month, day: a.lead.day, from: a.lead.lead ?? '' } : undefined;
  const event = lead ?? (() => {
    const m = a.lines[0]?.text.match(/^(?:[^。]{0,60}?[…”。，,]\s*)?(\d{1,2})月(\d{1,2})日[，,]/u);
    return m ? { month: Number(m[1]), day: Number(m[2]), from: m[0] } : undefined;
  })();
  const year = inferYear(text, docText);
  if (event && year) {
    const kind = lead ? '电头' : '导语中的事件日期';
    return {
      value: { date: `${year.year}-${pad(event.month)}-${pad(event.day ?? 1)}`, certainty: 'inferred', note: `${kind}“${event.from.trim()}”无年份；${year.note}。` },
      from: event.from,
      confidence: 'medium',
    };
  }
  if (year) return { value: { date: String(year.year), certainty: 'inferred', note: `原文无日期；${year.note}。` }, from: `years named in the text`, confidence: 'low' };
  return undefined;
}


export const readDates: Step = (doc) => {
  const docText = doc.articles.flatMap((a) => a.lines.map((l) => l.text)).join('\n');
  return { doc: { ...doc, articles: doc.articles.map((a) => ({ ...a, date: findDate(doc, a, docText) })) }, issues: [] };
};
