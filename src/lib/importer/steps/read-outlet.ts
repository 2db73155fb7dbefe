/**
 * The outlet of an article: named in the dateline, source line, page metadata or site chrome
 * (readFields), an outlet the page names that the registry lacks, and last-resort guesses from
 * context once regions are known (the guessOutlets step).
 */
import { regionPath, shortRegionName } from '../../regions/gazetteer.ts';
import { ORGANISATION } from '../names.ts';
import type { ArticleDraft, ImportDoc, Step } from '../types.ts';


/**
 * An outlet name as the page states it, or undefined when the text is not one: parenthesised home
 * cities (中国经营报(北京)), book-title marks (《棱镜》) and a trailing 讯/消息 go; a bare two- or
 * three-character name without an organisation ending is a person's name, not a medium.
 */
export function cleanOutletName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const name = text
    .replace(/[(（][^()（）]{1,8}[)）]$/u, '')
    .replace(/^[《「]|[》」]$/gu, '')
    .replace(/(讯|訊|消息)$/u, '')
    .replace(/[:：,，。;；\s]+$/u, '')
    .trim();
  if (!name || /^https?:|www\.|@/iu.test(name) || [...name].length > 30) return undefined;
  if (!/[\u4e00-\u9fff]/u.test(name) && !/^[A-Za-z][A-Za-z0-9 .&-]{1,29}$/u.test(name)) return undefined;
  if (/^[\u4e00-\u9fff]{2,3}$/u.test(name) && !ORGANISATION.test(name)) return undefined;
  if (/^(本报|本网|本刊|本站|网络|网友|互联网|原创|综合|转载)$/u.test(name)) return undefined;
  return name;
}

/** Where a page names its outlet, most specific first, with how sure each is. */
function outletStatements(doc: ImportDoc, a: ArticleDraft & { lead?: { outlet?: string } }): [string | undefined, string, 'high' | 'medium' | 'low'][] {
  return [
    [a.lead?.outlet, `dateline ${a.lead?.outlet ?? ''}`, 'high'],
    [doc.page.sourceOutlet, `source line ${doc.page.sourceLine ?? ''}`, 'high'],
    [doc.meta.shownSource, `source shown under the headline: ${doc.meta.shownSourceLine ?? ''}`, 'high'],
    [doc.page.masthead, `e-paper masthead ${doc.page.masthead ?? ''}`, 'high'],
    [doc.meta.outlet, 'page metadata (source/publisher)', 'high'],
    [doc.meta.siteName, 'page metadata (site name)', 'medium'],
  ];
}

/** The registered outlet the page names, and where; undefined when it names none the registry knows. */
export function findOutlet(doc: ImportDoc, a: ArticleDraft & { lead?: { outlet?: string } }): ArticleDraft['outlet'] {
  const byName = (text: string | undefined) => (text ? doc.registry.outlets.find((o) => text.includes(o.name)) : undefined);
  for (const [text, from, confidence] of outletStatements(doc, a)) {
    const name = cleanOutletName(text);
    const hit = byName(name);
    if (hit) return { value: { id: hit.id, name: hit.name }, from, confidence };
    // The first outlet the page states decides; a registered name further down is a different medium.
    if (name) return undefined;
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

/**
 * The outlet the page states when content/outlets.yaml lacks it (湖州日报, 市政协经济委员会, EETOP):
 * reported by name so the editor sees it, with the registry entry to add. Unknown outlets are the
 * normal case for a growing archive.
 */
export function statedOutlet(doc: ImportDoc, a: ArticleDraft & { lead?: { outlet?: string } }): { name: string; from: string; confidence: 'high' | 'medium' | 'low' } | undefined {
  for (const [text, from, confidence] of outletStatements(doc, a)) {
    const name = cleanOutletName(text);
    if (name) return { name, from, confidence };
  }
  return undefined;
}

/**
 * Last-resort outlet guesses, after regions are known, both low confidence and warned:
 * a local paper named after the place (富阳日报 for a report on 富阳区), or, for 本报 reports on a
 * page spanning several provinces, the national newspaper named after the body they report on (人民政协报).
 */
export function guessOutletFromContext(doc: ImportDoc, a: ArticleDraft, provinces = pageProvinces(doc)): ArticleDraft['outlet'] {
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
  if (/^本报/u.test(lead) && provinces.size >= 2) {
    const body = a.bodies[0] === 'congress' ? '人大' : a.bodies[0] === 'cppcc' ? '政协' : undefined;
    const national = body ? newspapers.find((o) => o.name.includes(body) && o.name.startsWith('人民')) : undefined;
    if (national && text.includes(body as string)) return { value: { id: national.id, name: national.name }, from: `“本报” on a page of reports from ${provinces.size} provinces about ${body}`, confidence: 'low' };
  }
  return undefined;
}

/** The provinces a page's articles are about (computed once per page, not once per article). */
function pageProvinces(doc: ImportDoc): Set<string> {
  return new Set(doc.articles.flatMap((x) => x.regions.map((r) => r.code.slice(0, 2))));
}

export const guessOutlets: Step = (doc) => {
  const provinces = pageProvinces(doc);
  // An outlet the page names but the registry lacks is never replaced by a guess: the editor adds it.
  const named = (a: ArticleDraft) => !!a.outlet || !!a.statedOutlet;
  const articles = doc.articles.map((a) => (named(a) ? a : { ...a, outlet: guessOutletFromContext(doc, a, provinces) }));
  // Articles of one newspaper page share its outlet: photo news without a lead takes its siblings'.
  const sibling = articles.find((a) => a.outlet)?.outlet;
  const filled = articles.map((a) => (named(a) || !sibling || articles.length < 2 ? a : { ...a, outlet: { ...sibling, from: `same page as the other articles (${sibling.from})`, confidence: 'low' as const } }));
  return { doc: { ...doc, articles: filled }, issues: [] };
};
