/** Builds a schema-shaped report for tests; only `id` is required, the rest has plain defaults. */
import type { Report, ReportData } from '../../../src/lib/archive/types.ts';

export function makeReport(id: string, data: Partial<ReportData> = {}): Report {
  return {
    id,
    data: {
      title: `报道 ${id}`,
      date: '2022-08-18',
      dateCertainty: 'stated',
      outlet: 'rmzxb',
      outletCertainty: 'stated',
      source: {},
      reporters: [],
      correspondents: [],
      editors: [],
      photographers: [],
      kind: 'news',
      bodies: [],
      regions: ['330114'],
      topics: [],
      keywords: [],
      figures: [],
      events: [],
      lang: 'zh-Hans',
      originalScript: 'Hans',
      notes: [],
      ...data,
    },
  };
}
