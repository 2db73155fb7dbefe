/**
 * Every internal URL is built here, so routes and links cannot drift apart. All end in a slash
 * (the site builds directory-style pages).
 */
import { regionPath } from '../regions/gazetteer.ts';

/** /reports/<id>/ */
export function reportHref(id: string): string {
  return `/reports/${id}/`;
}

/** /regions/<province>/<city>/<county>/ by code, e.g. /regions/330000/330100/330114/. */
export function regionHref(code: string): string {
  const chain = regionPath(code).map((r) => r.code);
  return `/regions/${(chain.length ? chain : [code]).join('/')}/`;
}

/** /topics/<slug>/ */
export function topicHref(id: string): string {
  return `/topics/${id}/`;
}

/** /outlets/<id>/ */
export function outletHref(id: string): string {
  return `/outlets/${id}/`;
}

/** /kinds/<kind>/ */
export function kindHref(kind: string): string {
  return `/kinds/${kind}/`;
}

/** /years/<yyyy>/ for a partial date or a year. */
export function yearHref(dateOrYear: string | number): string {
  return `/years/${String(dateOrYear).slice(0, 4)}/`;
}

/** /dossiers/<slug>/ (专题) */
export function dossierHref(slug: string): string {
  return `/dossiers/${slug}/`;
}
