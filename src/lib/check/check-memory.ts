/**
 * The content check's memory of its last run (kept in Astro's cache directory by src/node): each
 * report file's digest, what its check found, and which content paths it asked about (body images)
 * with the answers. A report file whose bytes are the same and whose questions get the same answers
 * would be checked to the same result, so the next run reuses it: at 10,000 reports the check of an
 * editor's one new report costs the reading of the files instead of 4.5 s. The checks across files
 * (duplicates, dossiers' embedded reports) always run on every file's findings. Valid only for the
 * same `inputs`: the code, the registries, today and the content folder (src/node/content-check.ts).
 */
import { checkReportFile, type CheckOptions, type ReportCheck } from './check-content.ts';
import type { ContentPaths } from './images.ts';

/** One report file's check as remembered. */
export interface RememberedCheck {
  /** Digest of the file's bytes. */
  digest: string;
  check: ReportCheck;
  /** What the check asked of the content paths (ContentPaths), and the answers. */
  asked: Asked[];
}

/** One question a check asked of the content paths, with its answer. */
type Asked = ['has', string, boolean] | ['imagesIn', string, string[]];

/** True when `paths` answers the question as it was answered then. */
function sameAnswer(paths: ContentPaths, [question, argument, answer]: Asked): boolean {
  if (question === 'has') return paths.has(argument) === answer;
  if (question === 'imagesIn') return JSON.stringify(paths.imagesIn(argument)) === JSON.stringify(answer);
  return false;
}

export interface CheckMemory {
  inputs: string;
  files: Record<string, RememberedCheck>;
}

/** Checks a report file (checkReportFile) and notes the paths it asked about, for the memory. */
export function checkRemembering(path: string, bytes: Uint8Array, digest: string, options: CheckOptions, paths: ContentPaths): RememberedCheck {
  const asked: Asked[] = [];
  const check = checkReportFile(path, bytes, options, {
    has: (p) => {
      const found = paths.has(p);
      asked.push(['has', p, found]);
      return found;
    },
    imagesIn: (folder) => {
      const found = paths.imagesIn(folder);
      asked.push(['imagesIn', folder, found]);
      return found;
    },
  });
  return { digest, check, asked };
}

/**
 * The remembered checks still true for these report files (by path): same inputs, same bytes, and
 * every path the check asked about still there or still missing.
 */
export function stillTrue(memory: CheckMemory | undefined, inputs: string, digests: ReadonlyMap<string, string>, paths: ContentPaths): Map<string, RememberedCheck> {
  const kept = new Map<string, RememberedCheck>();
  if (!memory || memory.inputs !== inputs) return kept;
  for (const [path, digest] of digests) {
    const before = memory.files[path];
    if (before?.digest === digest && Array.isArray(before.asked) && before.asked.every((asked) => sameAnswer(paths, asked))) kept.set(path, before);
  }
  return kept;
}
