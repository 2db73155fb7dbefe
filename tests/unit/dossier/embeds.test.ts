/**
 * The data of each dossier component, on the real seed reports, checked against what the region
 * and topic pages count (region tree, topic groups, the derived timelines), never hard-coded ids.
 */
import { describe, expect, it } from 'vitest';
import { buildRegionTree } from '../../../src/lib/archive/region-tree.ts';
import { groupByTopic } from '../../../src/lib/archive/group.ts';
import { deriveArchiveIndex } from '../../../src/lib/derive/archive-index.ts';
import { countEmbed, embedId, figuresEmbed, filteredReports, regionEmbed, reportsEmbed, timelineEmbed } from '../../../src/lib/dossier/embeds.ts';
import { dossiersAboutRegion, dossiersAboutTopic, sortDossiersNewestFirst, type Dossier } from '../../../src/lib/dossier/dossiers.ts';
import { dossierSearchData, DOSSIER_KIND_LABEL } from '../../../src/lib/dossier/search-data.ts';
import { placeAndTopicFilters } from '../../../src/lib/search/build/report-search-data.ts';
import { dossierFeedItem } from '../../../src/lib/dossier/feed.ts';
import { DOSSIER_COMPONENTS } from '../../../src/lib/dossier/components.ts';
import { REPORT_KINDS } from '../../../src/lib/taxonomy/vocabularies.ts';
import { childCodes } from '../../../src/lib/regions/gazetteer.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';
import { loadContentReports } from '../../helpers/content.ts';

const reports = loadContentReports();
const index = deriveArchiveIndex(reports);
const tree = buildRegionTree(reports);
const topics = loadRegistry(contentDirUrl()).topics;
const ZJ = '330000';
const zjIds = tree.index.get(ZJ)!.reportIds;
const topicIds = (t: string) => groupByTopic(reports).find((g) => g.key === t)?.reports.map((r) => r.id) ?? [];

describe('<Reports> data', () => {
  it('counts what the region page counts, newest first, limited', () => {
    const { reports: list, total } = reportsEmbed(index, { region: ZJ, limit: 2 });
    expect(total).toBe(zjIds.length);
    expect(list.map((r) => r.id)).toEqual(zjIds.slice(0, 2));
  });

  it('counts what the topic page counts', () => {
    expect(reportsEmbed(index, { topic: 'private-economy' }).total).toBe(topicIds('private-economy').length);
  });

  it('intersects region, topic and year', () => {
    const both = zjIds.filter((id) => topicIds('private-economy').includes(id));
    expect(reportsEmbed(index, { region: ZJ, topic: 'private-economy', limit: 50 }).reports.map((r) => r.id)).toEqual(both);
    const y2022 = filteredReports(index, { region: ZJ, year: 2022 });
    expect(y2022.every((r) => r.data.date.startsWith('2022'))).toBe(true);
    expect(filteredReports(index, { region: ZJ, year: '2022' })).toEqual(y2022);
  });

  it('defaults to 10 and never lists more than 50', () => {
    expect(reportsEmbed(index, {}).reports.length).toBe(Math.min(10, reports.length));
    expect(reportsEmbed(index, { limit: 5000 }).reports.length).toBeLessThanOrEqual(50);
  });
});

describe('<CountChart> data', () => {
  it('by year: years oldest first, summing to the region count', () => {
    const t = countEmbed(index, 'year', { region: ZJ });
    expect(t.total).toBe(zjIds.length);
    expect(t.rows.reduce((n, r) => n + r.count, 0)).toBe(zjIds.length);
    expect(t.rows.map((r) => r.key)).toEqual([...t.rows.map((r) => r.key)].sort());
  });

  it('by topic: each topic as many as the topic page has within the region', () => {
    for (const row of countEmbed(index, 'topic', { region: ZJ }).rows) {
      expect(row.count).toBe(topicIds(row.key).filter((id) => zjIds.includes(id)).length);
    }
  });

  it('by province and by kind', () => {
    const byProvince = countEmbed(index, 'province', { topic: 'e-commerce' });
    for (const row of byProvince.rows) expect(row.count).toBe(tree.index.get(row.key)!.reportIds.filter((id) => topicIds('e-commerce').includes(id)).length);
    const byKind = countEmbed(index, 'kind', {});
    expect(byKind.rows.every((r) => REPORT_KINDS.some((k) => k.id === r.key))).toBe(true);
    expect(byKind.rows.reduce((n, r) => n + r.count, 0)).toBe(reports.length);
  });
});

describe('<RegionMap> data', () => {
  it('without a region: per province, as the province pages count', () => {
    const { level, table } = regionEmbed(index, {});
    expect(level).toBe('province');
    for (const row of table.rows) expect(row.count).toBe(tree.index.get(row.key)!.reportIds.length);
  });

  it('with a region: per place one level below, as their pages count', () => {
    const { level, table, total } = regionEmbed(index, { region: ZJ });
    expect(level).toBe('below');
    expect(total).toBe(zjIds.length);
    expect(table.rows.length).toBeGreaterThan(0);
    for (const row of table.rows) {
      expect(childCodes(ZJ)).toContain(row.key);
      expect(row.count).toBe(tree.index.get(row.key)!.reportIds.length);
    }
  });
});

describe('<Timeline> data', () => {
  it('is the region page timeline, filtered by topic and year', () => {
    expect(timelineEmbed(index, { region: ZJ })).toEqual(index.timelineByRegion.get(ZJ)!.slice(-50));
    const topical = timelineEmbed(index, { region: ZJ, topic: 'private-economy' });
    expect(topical.length).toBeGreaterThan(0);
    expect(topical.every((e) => e.topics.includes('private-economy'))).toBe(true);
    expect(timelineEmbed(index, { topic: 'private-economy' })).toEqual(index.timelineByTopic.get('private-economy')!.slice(-50));
    expect(timelineEmbed(index, { region: ZJ, year: 2022 }).every((e) => e.date.startsWith('2022'))).toBe(true);
    expect(timelineEmbed(index, { region: ZJ, limit: 3 })).toEqual(index.timelineByRegion.get(ZJ)!.slice(-3));
  });
});

describe('<Figures> and <Quote> data', () => {
  it('gives the report figures as printed, limited, and throws on an unknown id', () => {
    const withFigures = reports.find((r) => r.data.figures.length > 3)!;
    const { figures, total } = figuresEmbed(index, withFigures.id, 3);
    expect(total).toBe(withFigures.data.figures.length);
    expect(figures).toEqual(withFigures.data.figures.slice(0, 3));
    expect(() => figuresEmbed(index, 'no/such-report')).toThrow(/no\/such-report/);
  });

  it('embed ids are stable and differ by props', () => {
    expect(embedId('Reports', { region: ZJ })).toBe(embedId('Reports', { region: ZJ, topic: undefined }));
    expect(embedId('Reports', { region: ZJ })).not.toBe(embedId('Reports', { region: ZJ, limit: 3 }));
    expect(embedId('Reports', { a: 1, b: 2 })).toBe(embedId('Reports', { b: 2, a: 1 }));
  });
});

describe('dossiers on other pages, in search and the feed', () => {
  const dossier: Dossier = {
    id: 'zj',
    data: { title: '浙江', summary: '摘要', date: '2025-06-01', regions: [ZJ], topics: ['private-economy'], authors: ['编辑部'] },
  };
  const older: Dossier = { ...dossier, id: 'old', data: { ...dossier.data, date: '2024', regions: ['330114'], topics: ['e-commerce'] } };

  it('are listed on the pages of their regions (and places below) and topics', () => {
    expect(dossiersAboutRegion([dossier, older], '330114').map((d) => d.id)).toEqual(['zj', 'old']);
    expect(dossiersAboutRegion([dossier, older], ZJ).map((d) => d.id)).toEqual(['zj']);
    expect(dossiersAboutRegion([dossier], '320000')).toEqual([]);
    expect(dossiersAboutTopic([dossier, older], 'e-commerce').map((d) => d.id)).toEqual(['old']);
    expect(sortDossiersNewestFirst([older, dossier]).map((d) => d.id)).toEqual(['zj', 'old']);
  });

  it('have a kind facet value of their own', () => {
    const data = dossierSearchData(dossier, topics);
    expect(data.filters.kind).toEqual([DOSSIER_KIND_LABEL]);
    expect(REPORT_KINDS.map((k) => k.zh)).not.toContain(DOSSIER_KIND_LABEL);
    expect(data.filters.province).toEqual(['浙江省']);
    expect(data.filters.topic).toEqual(['民营经济']);
    expect(data.meta).toMatchObject({ headline: '浙江', date: '2025-06-01', kind: '专题' });
  });

  it('name their places and topics as reports do (one placeAndTopicFilters for both)', () => {
    const data = dossierSearchData(older, topics);
    const shared = placeAndTopicFilters(older.data.regions, older.data.topics, topics);
    for (const key of ['province', 'city', 'district', 'topic'] as const) expect(data.filters[key]).toEqual(shared[key]);
    expect(data.filters.district).toEqual(['杭州市钱塘区']);
  });

  it('feed items link the dossier page', () => {
    const item = dossierFeedItem(dossier, new Map([['private-economy', '民营经济']]));
    expect(item).toMatchObject({ title: '浙江', link: '/dossiers/zj/', description: '摘要', categories: ['专题', '民营经济'] });
    expect(item.pubDate.toISOString()).toBe('2025-06-01T00:00:00.000Z');
  });

  it('every component has an example that names it', () => {
    for (const c of DOSSIER_COMPONENTS) expect(c.example.startsWith(`<${c.name} `)).toBe(true);
  });
});
