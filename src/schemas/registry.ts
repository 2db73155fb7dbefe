/**
 * Reads the editorial registries (content/topics.yaml, content/outlets.yaml) synchronously, so that
 * the report schema can be built from them at config time: one registry, many checks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { outletSchema, topicSchema, type Outlet, type Topic } from './taxonomy.ts';

function loadList<T>(file: URL, schema: z.ZodType<T>): T[] {
  const parsed = z.array(schema).safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file.pathname} is not a valid registry:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Topics and outlets from the content directory at `contentRoot`. */
export function loadRegistry(contentRoot: URL): { topics: Topic[]; outlets: Outlet[] } {
  return {
    topics: loadList(new URL('topics.yaml', contentRoot), topicSchema),
    outlets: loadList(new URL('outlets.yaml', contentRoot), outletSchema),
  };
}

/** The content directory: `content/` in the project, or `ARCHIVE_CONTENT_DIR` (used by benchmarks). */
export function contentDir(): string {
  return resolve(process.env.ARCHIVE_CONTENT_DIR ?? 'content');
}

/** `contentDir()` as a directory URL. */
export function contentDirUrl(): URL {
  return pathToFileURL(contentDir() + '/');
}
