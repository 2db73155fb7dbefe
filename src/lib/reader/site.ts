/**
 * How the archive names and describes itself, in one place for the layout, feeds and metadata.
 */
import type { Outlet, Report } from '../archive/types.ts';
import { fullRegionName } from '../regions/gazetteer.ts';
import { datePhraseZh } from './citation.ts';

/** The archive's name as readers see it. */
export const SITE_NAME = '协商档案';

/** The default one-sentence description of a page. */
export const SITE_DESCRIPTION = '协商档案：各地政协、人大助推产业与高质量发展的报道档案。';

/** `<title>`: the page title, then the site name (the home page is just the site name). */
export function documentTitle(title: string): string {
  return title === SITE_NAME ? SITE_NAME : `${title} · ${SITE_NAME}`;
}

/**
 * A report's description for search results and link previews: subtitle if any, then outlet,
 * date and places, e.g. `人民政协网2022年4月1日报道，地区：浙江省杭州市钱塘区。`
 */
export function describeReport(report: Report, outlets: readonly Outlet[]): string {
  const d = report.data;
  const outlet = outlets.find((o) => o.id === d.outlet)?.name ?? d.outlet;
  const lead = d.subtitle ? `${d.subtitle}。` : '';
  return `${lead}${outlet}${datePhraseZh(d.date)}报道，地区：${d.regions.map(fullRegionName).join('、')}。`;
}
