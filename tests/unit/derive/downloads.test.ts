import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { figureRows } from '../../../src/lib/derive/figures.ts';
import { buildTimeline } from '../../../src/lib/derive/timeline.ts';
import { BOM, FIGURE_COLUMNS, REPORT_COLUMNS, figuresCsv, reportsCsv, reportsJson, stableStringify, timelineJson } from '../../../src/lib/derive/downloads.ts';
import { makeReport } from '../helpers/make-report.ts';

function parseCsv(text: string): Record<string, string>[] {
  expect(text.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(BOM.length), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe(stableStringify, () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{\n  "a": {\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });
});

describe(reportsCsv, () => {
  it('writes only the header for no reports', () => {
    expect(parseCsv(reportsCsv([]))).toEqual([]);
    expect(reportsCsv([]).slice(1).split('\r\n')[0]).toBe(Object.keys(REPORT_COLUMNS).join(','));
  });
  it('round-trips titles with quotes, commas and newlines', () => {
    const title = '“亲清”会客厅, 又名 "面对面"\n第二行';
    const rows = parseCsv(reportsCsv([makeReport('a', { title, regions: ['330114', '330108'], topics: ['innovation', 'talent'] })]));
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toBe(title);
    expect(rows[0].regions.split(';')).toEqual(['330114', '330108']);
    expect(rows[0].regionNames).toBe('浙江省杭州市钱塘区;浙江省杭州市滨江区');
    expect(rows[0].topics).toBe('innovation;talent');
  });
  it('is deterministic for any input order', () => {
    const reports = [makeReport('a'), makeReport('b', { date: '2023' })];
    expect(reportsCsv([...reports].reverse())).toBe(reportsCsv(reports));
  });
});

describe('CSV injection (OWASP): cells a spreadsheet would run as formulas', () => {
  const hostile = ['=HYPERLINK("https://evil.example/","点此")', '+1+2', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=1+1\n第二行'];
  it.each(hostile)('reports.csv writes %j as text, prefixed with an apostrophe and quoted', (title) => {
    const csv = reportsCsv([makeReport('a', { title })]);
    expect(parseCsv(csv)[0].title).toBe(`'${title}`);
    expect(csv).toContain(`"'${title.replaceAll('"', '""')}"`);
  });
  it('figures.csv neutralises labels, units and periods, keeps negative values as numbers', () => {
    const figures = [{ label: '=1+1', value: '-3.5', unit: '@单位', period: '-上半年' }];
    const row = parseCsv(figuresCsv(figureRows([makeReport('a', { title: '+标题', figures })])))[0];
    expect([row.reportTitle, row.label, row.value, row.unit, row.period]).toEqual(["'+标题", "'=1+1", '-3.5', "'@单位", "'-上半年"]);
  });
  it('leaves ordinary cells alone', () => {
    const row = parseCsv(reportsCsv([makeReport('a', { title: '钱塘区政协 = 协商平台' })]))[0];
    expect(row.title).toBe('钱塘区政协 = 协商平台');
  });
});

describe(figuresCsv, () => {
  it('keeps values as printed', () => {
    const rows = parseCsv(figuresCsv(figureRows([makeReport('a', { figures: [{ label: '营收,含税', value: '54.90', unit: '亿元', year: 2021 }] })])));
    expect(Object.keys(rows[0])).toEqual(Object.keys(FIGURE_COLUMNS));
    expect([rows[0].label, rows[0].value, rows[0].year, rows[0].region]).toEqual(['营收,含税', '54.90', '2021', '330114']);
  });
});

describe(reportsJson, () => {
  it('parses back to the reports, newest first', () => {
    const parsed = JSON.parse(reportsJson([makeReport('a', { date: '2020' }), makeReport('b')]));
    expect(parsed.reports.map((r: { id: string }) => r.id)).toEqual(['b', 'a']);
    expect(parsed.reports[0].url).toBe('/reports/b/');
  });

  it('publishes the public editorsNote but never the internal notes', () => {
    const report = makeReport('a', { notes: ['importer guess: outlet = fuyang-rb'], editorsNote: '媒体为推定，未经核实。' });
    const [entry] = JSON.parse(reportsJson([report])).reports;
    expect(entry.editorsNote).toBe('媒体为推定，未经核实。');
    expect(entry).not.toHaveProperty('notes');
    expect(reportsCsv([report])).not.toContain('importer guess');
  });
});

describe(timelineJson, () => {
  it('keeps the timeline order', () => {
    const entries = buildTimeline([makeReport('a', { events: [{ date: '2020', label: 'e' }] })]);
    expect(JSON.parse(timelineJson(entries)).entries.map((e: { kind: string }) => e.kind)).toEqual(['event', 'report']);
  });
});
