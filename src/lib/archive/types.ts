/**
 * The plain shapes that pages and derivations work with. They mirror the content collections but
 * carry no Astro types, so everything in src/lib can be tested with hand-made arrays.
 */
import type { ReportData } from '../../schemas/report.ts';
import type { Outlet, Topic } from '../../schemas/taxonomy.ts';

/** A report as pages and derivations see it: its id (path under content/reports, no extension) and data. */
export interface Report {
  /** Stable id, e.g. `2022/2022-04-01-binjiang-zhengxie`; also its URL under /reports/. */
  id: string;
  data: ReportData;
}

export type { ReportData, Topic, Outlet };
