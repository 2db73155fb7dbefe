/**
 * The outlet of an article: named in the dateline, source line, page metadata or site chrome
 * (readFields), an outlet the page names that the registry lacks, and last-resort guesses from
 * context once regions are known (the guessOutlets step).
 */
import { regionPath, shortRegionName } from '../../regions/gazetteer.ts';
import type { ArticleDraft, ImportDoc, Step } from '../types.ts';

/** The registered outlet the page names, and where; undefined when it names none the registry knows. */
export function findOutlet(doc: ImportDoc, a: ArticleDraft & { lead?: { outlet?: string } }): ArticleDraft['outlet'] {
  const byName = (text: string | undefined) => (text ? doc.registry.outlets.find((o) => text.includes(o.name)) : undefined);
  const tries: [string | undefined, string, 'high' | 'medium' | 'low'][] = [
    [a.lead?.outlet, `dateline ${a.lead?.outlet ?? ''}`, 'high'],
    [doc.page.sourceOutlet, `source line ${doc.page.sourceLine ?? ''}`, 'high'],
    [doc.meta.outlet, 'page metadata (publisher/site name)', 'high'],
    [doc.meta.siteName, 'page metadata (og:site_name)', 'medium'],
  ];
  for (const [text, from, confidence] of tries) {
    const hit = byName(text);
    if (hit) return { value: { id: hit.id, name: hit.name }, from, confidence };
  }
  const text = a.lines.map((l) => l.text).join('\n');
  // The site that carried the page names itself in its chrome (paywall notice, copyright line).
  const chrome = doc.removed.map((r) => r.text).join('\n');
  const carrier = doc.registry.outlets.find((o) => chrome.includes(o.name));
  if (carrier) return { value: { id: carrier.id, name: carrier.name }, from: `site chrome naming ${carrier.name}`, confidence: 'medium' };
  const mentioned = doc.registry.outlets.find((o) => new RegExp(`(来源|来自|据)[:：]?\\s*${o.name}`, 'u').test(text));
  if (mentioned) return { value: { id: mentioned.id, name: mentioned.name }, from: `“来源/据${mentioned.name}” in the text`, confidence: 'medium' };
  return undefined;
}

/** An outlet the dateline, source line or page metadata names that content/outlets.yaml lacks (湖州日报). */
export function unknownOutletName(doc: ImportDoc, a: ArticleDraft & { lead?: { outlet?: string } }): string | undefined {
  const names = [a.lead?.outlet, doc.page.sourceOutlet, doc.meta.outlet].map((n) => n?.trim());
  return names.find((n) => !!n && /^[\u4e00-\u9fff]{2,12}$/u.test(n) && /(报|网|社|台|杂志|期刊)$/u.test(n) && !doc.registry.outlets.some((o) => o.name === n));
}

/**
 * Last-resort outlet guesses, after regions are known, both low confidence and warned:
 * a local paper named after the place (富阳日报 for a report on 富阳区), or, for 本报 reports on a
 * page spanning several provinces, the national newspaper named after the body they report on (人民政协报).
 */
export function guessOutletFromContext(doc: ImportDoc, a: ArticleDraft): ArticleDraft['outlet'] {
  const newspapers = doc.registry.outlets.filter((o) => !o.kind || o.kind === 'newspaper');
  for (const region of a.regions) {
    for (const place of regionPath(region.code).reverse()) {
      const short = shortRegionName(place.name);
      const local = newspapers.find((o) => o.name.startsWith(short) && /报$/u.test(o.name));
      if (local) return { value: { id: local.id, name: local.name }, from: `local newspaper named after ${place.name} (the byline names no outlet)`, confidence: 'low' };
    }
  }
  const text = [...a.headline, ...a.lines].map((l) => l.text).join('');
  const lead = (a as { lead?: { lead?: string } }).lead?.lead ?? '';
  const provinces = new Set(doc.articles.flatMap((x) => x.regions.map((r) => r.code.slice(0, 2))));
  if (/^本报/u.test(lead) && provinces.size >= 2) {
    const body = a.bodies[0] === 'congress' ? '人大' : a.bodies[0] === 'cppcc' ? '政协' : undefined;
    const national = body ? newspapers.find((o) => o.name.includes(body) && o.name.startsWith('人民')) : undefined;
    if (national && text.includes(body as string)) return { value: { id: national.id, name: national.name }, from: `“本报” on a page of reports from ${provinces.size} provinces about ${body}`, confidence: 'low' };
  }
  return undefined;
}

export const guessOutlets: Step = (doc) => {
  // An outlet the page names but the registry lacks is never replaced by a guess: the editor adds it.
  const named = (a: ArticleDraft) => !!a.outlet || a.issues.some((i) => i.code === 'outlet-unknown');
  const articles = doc.articles.map((a) => (named(a) ? a : { ...a, outlet: guessOutletFromContext(doc, a) }));
  // Articles of one newspaper page share its outlet: photo news without a lead takes its siblings'.
  const sibling = articles.find((a) => a.outlet)?.outlet;
  const filled = articles.map((a) => (named(a) || !sibling || articles.length < 2 ? a : { ...a, outlet: { ...sibling, from: `same page as the other articles (${sibling.from})`, confidence: 'low' as const } }));
  return { doc: { ...doc, articles: filled }, issues: [] };
};
