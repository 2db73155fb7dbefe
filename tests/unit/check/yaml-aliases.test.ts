/**
 * A YAML alias bomb ("billion laughs") in a report or a registry is one problem of that file,
 * never a crash: every parser passes the yaml package's maxAliasCount (src/lib/text/yaml.ts).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../../src/node/content-check.ts';
import { parseFrontMatter } from '../../../src/lib/check/front-matter.ts';

const BOMB_REGISTRY = fileURLToPath(new URL('../../fixtures/alias-bomb-registry/content/', import.meta.url));

describe('YAML alias bombs', () => {
  it('in front matter: a yaml-aliases problem at the first alias, no data, no throw', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const name of 'bcdefg') lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(', ')}]`);
    const fm = parseFrontMatter('content/reports/2022/x.md', lines.join('\n') + '\n', 2);
    expect(fm.data).toBeNull();
    expect(fm.problems.map((p) => [p.code, p.line, p.file])).toEqual([['yaml-aliases', 3, 'content/reports/2022/x.md']]);
  });

  it('a few ordinary aliases are still fine', () => {
    const fm = parseFrontMatter('x.md', 'a: &a [x]\nb: *a\n', 2);
    expect(fm.problems).toEqual([]);
    expect(fm.data).toEqual({ a: ['x'], b: ['x'] });
  });

  it('in a registry: one problem naming outlets.yaml and the aliases, no throw', () => {
    const result = runContentCheck({ dir: BOMB_REGISTRY, today: '2026-11-23' });
    const registry = result.problems.filter((p) => p.code === 'registry');
    expect(registry.map((p) => p.file)).toEqual(['content/outlets.yaml']);
    expect(registry[0].detail).toMatch(/aliases expand too far/);
    expect(result.errors).toBe(1);
  });
});
