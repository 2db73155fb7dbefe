/**
 * The content check on the disk: reads the content directory and the registries with Node and runs
 * src/lib/check over them. Shared by the build's integration, `npm run check`, `npm run new`
 * and the editor server, so all of them check the same files the same way.
 */
import { pathToFileURL } from 'node:url';
import jschardet from 'jschardet';
import { checkContent, type CheckResult, type ContentFile } from '../lib/check/check-content.ts';
import { contentFiles, registryProblem } from '../lib/check/content-tree.ts';
import { formatReport } from '../lib/check/format.ts';
import type { Problem } from '../lib/check/problem.ts';
import { contentDir, loadRegistry, RegistryError } from '../schemas/registry.ts';
import type { Registry } from '../schemas/report.ts';
import { nodeFileTree } from './file-tree.ts';
import { todayForCheck } from './today.ts';

/** Every file under `dir` (dot-folders skipped), as `content/…` paths in code-point order. */
export function readContentFiles(dir: string): ContentFile[] {
  return contentFiles(nodeFileTree(dir));
}

function readRegistry(dir: string): { registry?: Registry; problem?: Problem } {
  try {
    return { registry: loadRegistry(pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`)) };
  } catch (error) {
    return { problem: registryProblem(error instanceof RegistryError ? error.file : undefined, error instanceof Error ? error.message : String(error)) };
  }
}

function guessEncoding(bytes: Uint8Array): string | undefined {
  const guess = jschardet.detect(Buffer.from(bytes));
  return guess.encoding && guess.confidence > 0.2 ? guess.encoding : undefined;
}


/** Checks the content directory (registries from `registryDir`, default the same) and returns the result with its printable text. */
export function runContentCheck(options: { dir?: string; registryDir?: string; today?: string } = {}): CheckResult & { text: string } {
  const dir = options.dir ?? contentDir();
  const { registry, problem } = readRegistry(options.registryDir ?? dir);
  const result = checkContent(readContentFiles(dir), { registry, today: options.today ?? todayForCheck(), guessEncoding });
  if (problem) {
    result.problems.unshift(problem);
    result.errors++;
  }
  return { ...result, text: formatReport(result.problems, result.reports) };
}
