/**
 * Pages and components render what the loaders (src/data/) hand out: they never regroup or
 * recount the reports, look names up in the registries, or read the collections themselves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function astroFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.astro') || f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const files = ['src/pages', 'src/components', 'src/layouts'].flatMap(astroFiles);

const rules: [string, RegExp][] = [
  ['regroups reports (use loadArchive().groups / .counts)', /\bgroupBy(Year|Topic|Kind|Outlet)\(/],
  ['reads a collection (only src/data/ does)', /from 'astro:content'/],
  ['looks a name up in a registry (use loadArchive().labels)', /\.find\(\(\w\) => \w\.id === [^)]*\)\?\.name \?\? /],
];

describe('thin pages', () => {
  it('finds the pages', () => expect(files.length).toBeGreaterThan(20));
  for (const [what, pattern] of rules) {
    it(`no page or component ${what}`, () => {
      const offenders = files.filter((f) => pattern.test(readFileSync(join(root, f), 'utf8')));
      expect(offenders).toEqual([]);
    });
  }
});
