/**
 * The outlet of an article: named in the dateline, source line, page metadata or site chrome
 * (readFields) and an outlet the page names that the registry lacks. The last-resort guesses
 * from context, once regions are known, are the guessOutlets step (guess-outlets.ts).
 */
import { ORGANISATION } from '../names.ts';
import type { ArticleDraft, ImportDoc } from '../types.ts';


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
