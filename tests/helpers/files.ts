/** Every file under `dir`, as '/'-separated paths relative to it, sorted: for comparing two built sites. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function filesUnder(dir: string): string[] {
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
