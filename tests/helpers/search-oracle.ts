/**
 * The browser tests' oracle for search: which reports (and dossiers) hold a query, computed from
 * the content files and the built dossier pages, never from the index. Traditional queries are
 * folded with OpenCC's full converter, independently of the page's own folding.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { readSearchPage } from '../../src/lib/search/build/page-text.ts';
import { regionPath } from '../../src/lib/regions/gazetteer.ts';
import { contentDirUrl, loadRegistry } from '../../src/schemas/registry.ts';
import { loadContentReports } from './content.ts';

export const toSimplified = Converter({ from: 't', to: 'cn' });

export type ContentReport = ReturnType<typeof loadContentReports>[number];

/** The text a reader can search: title, subtitle and body with Markdown heading and quote marks removed. */
export function searchableText(report: ContentReport): string {
  const body = report.body.replace(/^\s*(#{1,6}|>)\s*/gm, '');
  return [report.data.title, report.data.subtitle ?? '', body].join('\n');
}

/**
 * The metadata a report is also found by (issue 20): its regions' province, city and district
 * (named with its city) as the gazetteer names them, topic and outlet names from the registries,
 * reporters and keywords. Each value is matched on its own, so no phrase runs from one into the next.
 */
export function metadataValues(report: ContentReport, registry: ReturnType<typeof loadRegistry>): string[] {
  const values: string[] = [];
  for (const code of report.data.regions) {
    const chain = regionPath(code);
    const province = chain.find((r) => r.level === 'province');
    const city = chain.find((r) => r.level === 'city') ?? (chain.length > 1 ? province : undefined);
    const county = chain.find((r) => r.level === 'county');
    values.push(province?.name ?? '', city?.name ?? '', county ? `${city?.name ?? ''}${county.name}` : '');
  }
  for (const id of report.data.topics) values.push(registry.topics.find((t) => t.id === id)?.name ?? id);
  values.push(registry.outlets.find((o) => o.id === report.data.outlet)?.name ?? report.data.outlet);
  values.push(...report.data.reporters, ...report.data.keywords);
  return values.filter(Boolean);
}

/** The oracle over the content and the built site in `distDir` (for its 专题 dossier pages). */
export function searchOracle(distDir: string) {
  const reports = loadContentReports();
  const registry = loadRegistry(contentDirUrl());
  /** True when the report holds the phrase (already Simplified) in its text or in one metadata value. */
  const holds = (report: ContentReport, phrase: string) => searchableText(report).includes(phrase) || metadataValues(report, registry).some((v) => v.includes(phrase));
  // The built dossier pages as the index reads them (their text includes the embedded report
  // lists, so it is taken from the page, through the same reader the index uses).
  const root = join(distDir, 'dossiers');
  const dossiers = !existsSync(root)
    ? []
    : readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'index.html')))
        .map((e) => {
          const page = readSearchPage(readFileSync(join(root, e.name, 'index.html'), 'utf8'));
          const values = [page.meta.headline ?? '', ...Object.values(page.facets).flat()];
          return { url: `/dossiers/${e.name}/`, text: toSimplified(`${page.meta.headline ?? ''}\n${page.text ?? ''}`), values, data: { date: page.meta.date ?? '' } };
        });
  /** URLs of the reports (and dossiers) containing the query (folded to Simplified) as a phrase, in text or metadata. */
  const expectedUrls = (query: string, keep: (r: { data: { date: string } }) => boolean = () => true): string[] => {
    const phrase = toSimplified(query);
    return [
      ...reports.filter((r) => keep(r) && holds(r, phrase)).map((r) => `/reports/${r.id}/`),
      ...dossiers.filter((d) => keep(d) && (d.text.includes(phrase) || d.values.some((v) => v.includes(phrase)))).map((d) => d.url),
    ].sort();
  };
  return { reports, registry, holds, expectedUrls };
}
