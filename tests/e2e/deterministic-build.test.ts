/**
 * The same content builds to byte-identical output, whatever the machine's time zone and locale:
 * two builds into two temp dirs (one at UTC+14, Pacific/Kiritimati, with a Chinese locale; one at
 * UTC−11, Pacific/Pago_Pago, with the C locale: 25 hours apart), each with its own cache, then
 * every HTML and data file compared byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

const scratch = mkdtempSync(join(tmpdir(), 'xieshang-determinism-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function build(name: string, env: Record<string, string>): string {
  const out = join(scratch, name, 'dist');
  const result = spawnSync(process.execPath, [ASTRO, 'build'], {
    cwd: ROOT,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', ARCHIVE_OUT_DIR: out, ARCHIVE_CACHE_DIR: join(scratch, name, 'cache') },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build ${name} failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

describe('deterministic build', () => {
  let a: string;
  let b: string;
  beforeAll(() => {
    a = build('kiritimati', { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
    b = build('pago-pago', { TZ: 'Pacific/Pago_Pago', LANG: 'C', LC_ALL: 'C' });
  }, 300_000);

  it('writes the same set of files', () => {
    expect(files(a)).toEqual(files(b));
    expect(files(a).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(10);
  });

  // Every file, not only HTML and data (pages, feeds, sitemaps, CSV/JSON, the Pagefind index,
  // bundles): all of it is what readers and tools download.
  it('writes every HTML, data and asset file byte for byte the same', () => {
    const compared = files(a);
    expect(compared.some((f) => f.endsWith('.json')) && compared.some((f) => f.includes('pagefind/'))).toBe(true);
    const different = compared.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(different).toEqual([]);
    expect(compared.length).toBeGreaterThan(20);
  });
});
