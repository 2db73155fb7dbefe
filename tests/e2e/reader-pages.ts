/**
 * The sample pages the reader-experience tests visit, chosen from the real content (never
 * hard-coded ids): a report whose text says 协商, its region and its first topic, plus the
 * fixed pages. Pages another issue has not built yet are reported as missing, not guessed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentReports } from '../helpers/content.ts';
import { regionHref, reportHref, topicHref } from '../../src/lib/archive/urls.ts';

export interface SamplePage {
  name: string;
  path: string;
}

/** The newest report whose body contains 协商 (every seed report is about 政协, so one exists). */
export function sampleReport() {
  const report = loadContentReports().find((r) => r.body.includes('协商'));
  if (!report) throw new Error('No report body contains 协商; the 简/繁 test needs one.');
  return report;
}

/** home, report, region, topic, stats, search: the pages issue 6 names for the axe checks. */
export function samplePages(): SamplePage[] {
  const report = sampleReport();
  return [
    { name: 'home', path: '/' },
    { name: 'report', path: reportHref(report.id) },
    { name: 'region', path: regionHref(report.data.regions[0]) },
    { name: 'topic', path: topicHref(report.data.topics[0]) },
    { name: 'stats', path: '/stats/' },
    { name: 'search', path: '/search/' },
    { name: '404', path: '/404.html' },
  ];
}

/** True when the built site has a file for this path. */
export function isBuilt(distDir: string, path: string): boolean {
  return existsSync(path.endsWith('/') ? join(distDir, path, 'index.html') : join(distDir, path));
}
