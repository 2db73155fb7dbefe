/**
 * remark-dossier-mdx-guard: one job, keep code out of dossier MDX in the build itself, with the
 * same rules as `npm run check` (src/lib/dossier/guard.ts on the tree MDX has already parsed).
 * The check runs first and lists every problem; this stops a build that skipped it (astro dev,
 * a stale check) from running an editor's `import` or `{expression}`.
 *
 * Only files under content/dossiers/ are touched; reports keep remark-report-mdx-guard.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { formatProblem } from '../lib/check/format.ts';
import { dossierTreeProblems, type GuardContext } from '../lib/dossier/guard.ts';
import { contentDir, contentDirUrl, loadRegistry } from '../schemas/registry.ts';

/** True for a file under the content folder's dossiers/. */
export function isDossierFile(path: string | undefined, dir: string = contentDir()): boolean {
  return path !== undefined && resolve(path).startsWith(resolve(dir, 'dossiers') + sep);
}

function reportIdsUnder(dir: string): Set<string> {
  const ids = new Set<string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.mdx?$/i.test(entry.name)) ids.add(relative(dir, full).split(sep).join('/').replace(/\.mdx?$/i, '').toLowerCase());
    }
  };
  try {
    walk(dir);
  } catch {
    // No reports folder: every report id is unknown, which the guard reports.
  }
  return ids;
}

let context: GuardContext | undefined;
function guardContext(): GuardContext {
  context ??= { topics: loadRegistry(contentDirUrl()).topics, reportIds: reportIdsUnder(join(contentDir(), 'reports')) };
  return context;
}

/** Fails a dossier file with every problem the guard finds. */
export default function remarkDossierMdxGuard() {
  return function (tree: Root, file: VFile): void {
    if (!isDossierFile(file.path)) return;
    const name = `content/${relative(contentDir(), file.path).split(sep).join('/')}`;
    const problems = dossierTreeProblems(name, tree, guardContext());
    if (problems.length) file.fail(`专题里有不允许的写法 (the dossier uses what is not allowed):\n\n${problems.map(formatProblem).join('\n\n')}`);
  };
}
