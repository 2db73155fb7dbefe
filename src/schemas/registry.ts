/**
 * Reads the editorial registries (content/topics.yaml, content/outlets.yaml) synchronously, so that
 * the report schema can be built from them at config time: one registry, many checks.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { isAliasLimitError, MAX_YAML_ALIASES } from '../lib/text/yaml.ts';
import { outletSchema, topicSchema, type Outlet, type Topic } from './taxonomy.ts';

/** A registry that cannot be read; `file` is its name in the content folder (topics.yaml). */
export class RegistryError extends Error {
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.file = file;
    this.name = 'RegistryError';
  }
}

/**
 * A registry's YAML as data: the one reading shared by the check and the build's collections
 * (content.config.ts passes it to Astro's `file()` loader, whose default js-yaml would read
 * `nameEn: 2022-05-18` as a Date and an alias bomb without limit). maxAliasCount: a few nested
 * aliases (a "billion laughs") must not expand into gigabytes.
 */
export function parseRegistryText(text: string): Record<string, unknown>[] {
  return parse(text, { maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown>[];
}

function loadList<T>(file: URL, schema: z.ZodType<T>): T[] {
  const name = file.pathname.slice(file.pathname.lastIndexOf('/') + 1);
  let data: unknown;
  try {
    data = parseRegistryText(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = isAliasLimitError(error) ? `YAML aliases expand too far (more than ${MAX_YAML_ALIASES}): write the values out` : error instanceof Error ? error.message : String(error);
    throw new RegistryError(name, `${file.pathname} cannot be read: ${reason}`);
  }
  const parsed = z.array(schema).safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new RegistryError(name, `${file.pathname} is not a valid registry:\n${lines.join('\n')}`);
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
