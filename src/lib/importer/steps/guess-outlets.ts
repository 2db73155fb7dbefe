/**
 * The guessOutlets step: for articles whose page names no outlet, a last-resort guess from context
 * once regions are known (low confidence, and warned). Outlets the page states are read-outlet.ts.
 */
import { regionPath, shortRegionName } from '../../regions/gazetteer.ts';
import type { ArticleDraft, ImportDoc, Step } from '../types.ts';

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
