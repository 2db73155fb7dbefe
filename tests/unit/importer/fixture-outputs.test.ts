/**
 * Each importer fixture folder (tests/fixtures/importer/<what-it-shows>/) holds its input and,
 * beside it, what the importer makes of it: `expected.md` (the report file `npm run import` would
 * write; several articles are separated by a `<!-- next article -->` line), `expected-review.txt`
 * (the review summary npm run import prints: guesses with their sources, removed lines with their
 * reasons, warnings) or `expected-error.txt` for input it refuses. A reviewer sees in the diff
 * what an importer change does to real output. After a deliberate change regenerate them with
 *   UPDATE=1 npx vitest run tests/unit/importer/fixture-outputs.test.ts
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../../src/lib/importer/index.ts';
import { renderReportFile, reportPath } from '../../../src/lib/importer/report-file.ts';
import { reviewSummary } from '../../../src/lib/importer/review-summary.ts';
import { contentDirUrl, loadRegistry } from '../../../src/schemas/registry.ts';

const registry = loadRegistry(contentDirUrl());
const DIR = 'tests/fixtures/importer';
const UPDATE = !!process.env.UPDATE;

/** What the importer makes of one fixture, as the files that stand beside its input. */
function outputs(folder: string): Record<string, string> {
  const input = readdirSync(join(DIR, folder)).find((f) => f.startsWith('input.')) as string;
  const fileName = `${DIR}/${folder}/${input}`;
  const result = importDocument(readFileSync(fileName), { fileName, registry, now: '2026-12-02' });
  if (!result.ok) return { 'expected-error.txt': `${result.error}\n` };
  return {
    'expected.md': result.articles.map(renderReportFile).join('\n<!-- next article -->\n'),
    // The review summary exactly as npm run import prints it.
    'expected-review.txt': `${result.articles.map((a) => reviewSummary(fileName, a, reportPath(a))).join('\n\n')}\n`,
  };
}

const EXPECTED = /^expected(-review|-error)?\.(md|txt)$/u;

describe('importer fixtures: input beside expected output', () => {
  for (const folder of readdirSync(DIR).sort()) {
    it(folder, () => {
      const got = outputs(folder);
      if (UPDATE) {
        for (const f of readdirSync(join(DIR, folder))) if (EXPECTED.test(f) && !(f in got)) rmSync(join(DIR, folder, f));
        for (const [f, text] of Object.entries(got)) writeFileSync(join(DIR, folder, f), text);
      }
      const present = readdirSync(join(DIR, folder)).filter((f) => EXPECTED.test(f)).sort();
      expect(present, 'run UPDATE=1 npx vitest run tests/unit/importer/fixture-outputs.test.ts to write them').toEqual(Object.keys(got).sort());
      for (const [f, text] of Object.entries(got)) expect(text, `${folder}/${f}`).toBe(existsSync(join(DIR, folder, f)) ? readFileSync(join(DIR, folder, f), 'utf8') : '');
    });
  }
});
