/**
 * The region index behind neighboursInRegion (built once per reports array, for speed) must give
 * exactly what the plain per-page scan gave. Compared on 400 synthetic reports from the benchmark
 * generator, whose regions are skewed like a real archive's (many share a city or province).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCorpus } from '../../../src/lib/bench/corpus.ts';
import { generateReports, provinceCodes } from '../../../src/lib/bench/generate.ts';
import { sortReportsNewestFirst } from '../../../src/lib/archive/sort.ts';
import type { Report } from '../../../src/lib/archive/types.ts';
import { neighboursInRegion } from '../../../src/lib/reader/prev-next.ts';
import { allRegions, isWithin, regionPath } from '../../../src/lib/regions/gazetteer.ts';
import { reportSchema } from '../../../src/schemas/report.ts';

const root = join(import.meta.dirname, '../../..');
const topics = parse(readFileSync(join(root, 'content/topics.yaml'), 'utf8'));
const outlets = parse(readFileSync(join(root, 'content/outlets.yaml'), 'utf8'));
const raw = readdirSync(join(root, 'tests/fixtures/raw'))
  .sort()
  .map((f) => readFileSync(join(root, 'tests/fixtures/raw', f), 'utf8'));
const schema = reportSchema({ topics, outlets });

/** The original per-page scan: filter every report, sort, find. */
function reference(reports: readonly Report[], id: string) {
  const current = reports.find((r) => r.id === id);
  if (!current) return undefined;
  const first = current.data.regions[0];
  const levels = [first, ...regionPath(first).map((r) => r.code).reverse().slice(1)];
  for (const region of levels) {
    const peers = sortReportsNewestFirst(reports.filter((r) => r.data.regions.some((code) => isWithin(code, region))));
    if (peers.length < 2) continue;
    const at = peers.findIndex((r) => r.id === id);
    return { region, newer: peers[at - 1], older: peers[at + 1] };
  }
  return { region: first, older: undefined, newer: undefined };
}

describe('neighboursInRegion with its per-array index', () => {
  const reports: Report[] = [
    ...generateReports(11, 400, { sentences: buildCorpus(raw), topics, outlets }, provinceCodes(allRegions().map((r) => r.code))),
  ].map((r) => {
    const text = r.text;
    return { id: r.id, data: schema.parse(parse(text.slice(4, text.indexOf('\n---\n', 4)))) };
  });

  it('agrees with the per-page scan for every report, in any input order', () => {
    const shuffled = [...reports].reverse();
    let walkedUp = 0;
    for (const r of reports) {
      const expected = reference(shuffled, r.id);
      expect(neighboursInRegion(shuffled, r.id)).toEqual(expected);
      if (expected && expected.region !== r.data.regions[0]) walkedUp++;
    }
    // The data exercise both paths: own region and walking up to a wider one.
    expect(walkedUp).toBeGreaterThan(20);
    expect(walkedUp).toBeLessThan(reports.length);
  });

  it('does not reuse one array’s index for another array', () => {
    const a = reports.slice(0, 200);
    const b = reports.slice(100, 300);
    const id = reports[150].id;
    expect(neighboursInRegion(a, id)).toEqual(reference(a, id));
    expect(neighboursInRegion(b, id)).toEqual(reference(b, id));
    expect(neighboursInRegion(a, reports[250].id)).toBeUndefined();
  });
});
