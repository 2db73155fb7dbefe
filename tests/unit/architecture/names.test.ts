/** Names a newcomer can follow: browser code in src/client/, each importer step in a file named after it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../../src/lib/importer/pipeline.ts';

const root = join(import.meta.dirname, '../../..');

describe('names', () => {
  it('keeps browser code in src/client/, apart from the Node CLIs in scripts/', () => {
    expect(existsSync(join(root, 'src/client'))).toBe(true);
    expect(existsSync(join(root, 'src/scripts'))).toBe(false);
  });

  it('puts each importer step in a file named after it (guessOutlets in guess-outlets.ts)', () => {
    const source = readFileSync(join(root, 'src/lib/importer/pipeline.ts'), 'utf8');
    const fileOf = new Map([...source.matchAll(/import \{ (\w+) \} from '\.\/steps\/([\w-]+)\.ts'/g)].map((m) => [m[1], m[2]]));
    const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const misnamed = STEPS.map((s) => ({ step: s.name, file: fileOf.get(s.run.name) ?? '?' })).filter(
      ({ step, file }) => !file.startsWith(kebab(step).replace(/s$/, '')),
    );
    expect(misnamed).toEqual([]);
  });

  it('splits src/lib/search/ by where it runs: the browser never imports build/, the build never browser/', () => {
    const read = (dir: string) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') }));
    expect(existsSync(join(root, 'src/lib/search/build'))).toBe(true);
    expect(existsSync(join(root, 'src/lib/search/browser'))).toBe(true);
    const browser = [...read('src/client'), ...read('src/lib/search/browser')];
    expect(browser.filter((f) => /from '[^']*search\/build\//.test(f.text)).map((f) => f.file)).toEqual([]);
    const build = read('src/lib/search/build');
    expect(build.filter((f) => /from '[^']*\/browser\//.test(f.text)).map((f) => f.file)).toEqual([]);
  });
});
